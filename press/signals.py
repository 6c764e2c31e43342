from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from navigation.chrome import clear_chrome_cache

from .models import PressRelease
from .redirects import record_slug_changes, remember_slugs


@receiver(pre_save, sender=PressRelease)
def release_about_to_change(sender, instance, raw=False, **kwargs):
    if not raw:
        remember_slugs(instance)


@receiver(post_save, sender=PressRelease)
def release_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        record_slug_changes(instance)


# A menu item may link to a release, and links to unpublished releases go to the old site.
@receiver([post_save, post_delete], sender=PressRelease)
def release_linked_from_menus(**kwargs):
    clear_chrome_cache()
