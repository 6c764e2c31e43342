from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from media_styles.models import Image
from press.models import PressRelease

from .chrome import clear_chrome_cache
from .models import FooterImage, Label, Menu, MenuItem, SiteOptions


# Images: the footer's rows are cached with the chrome. Releases: a menu item
# may link to one, and links to unpublished releases go to the old site.
@receiver([post_save, post_delete], sender=Label)
@receiver([post_save, post_delete], sender=Menu)
@receiver([post_save, post_delete], sender=MenuItem)
@receiver([post_save, post_delete], sender=SiteOptions)
@receiver([post_save, post_delete], sender=FooterImage)
@receiver([post_save, post_delete], sender=Image)
@receiver([post_save, post_delete], sender=PressRelease)
def chrome_changed(**kwargs):
    clear_chrome_cache()
