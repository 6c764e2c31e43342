from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .chrome import clear_chrome_cache
from .models import FooterImage, Label, Menu, MenuItem, SiteOptions


@receiver([post_save, post_delete], sender=Label)
@receiver([post_save, post_delete], sender=Menu)
@receiver([post_save, post_delete], sender=MenuItem)
@receiver([post_save, post_delete], sender=SiteOptions)
@receiver([post_save, post_delete], sender=FooterImage)
def chrome_changed(**kwargs):
    clear_chrome_cache()
