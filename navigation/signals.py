from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from media_styles.models import Image

from .chrome import clear_chrome_cache
from .models import FooterImage, Label, Menu, MenuItem, SiteOptions

# Sent by code that changes what public pages show without sending model signals
# (bulk updates): every cache built from the database is cleared.
content_changed = Signal()


# Images: the footer's rows are cached with the chrome.
@receiver([post_save, post_delete], sender=Label)
@receiver([post_save, post_delete], sender=Menu)
@receiver([post_save, post_delete], sender=MenuItem)
@receiver([post_save, post_delete], sender=SiteOptions)
@receiver([post_save, post_delete], sender=FooterImage)
@receiver([post_save, post_delete], sender=Image)
@receiver(content_changed)
def chrome_changed(**kwargs):
    clear_chrome_cache()
