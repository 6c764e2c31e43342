from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from . import page_cache
from .models import PressRelease
from .redirects import record_slug_changes, remember_slugs

# Models of these apps are what public pages are made of: any change purges.
PAGE_SOURCE_APPS = {"press", "navigation", "media_styles"}


@receiver(pre_save, sender=PressRelease)
def release_about_to_change(sender, instance, raw=False, **kwargs):
    if not raw:
        remember_slugs(instance)


@receiver(post_save, sender=PressRelease)
def release_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        record_slug_changes(instance)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def page_source_changed(sender, **kwargs):
    # For m2m_changed the sender is the through model, which lives in the owner's app.
    if getattr(getattr(sender, "_meta", None), "app_label", None) in PAGE_SOURCE_APPS:
        page_cache.purge()
