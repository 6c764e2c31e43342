from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from navigation.signals import content_changed

from . import page_cache

# Models of these apps are what public pages are made of: any change purges.
PAGE_SOURCE_APPS = {"press", "navigation", "media_styles", "legacy"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def page_source_changed(sender, **kwargs):
    # For m2m_changed the sender is the through model, which lives in the owner's app.
    if getattr(getattr(sender, "_meta", None), "app_label", None) in PAGE_SOURCE_APPS:
        page_cache.purge()


@receiver(content_changed)
def content_changed_in_bulk(**kwargs):
    page_cache.purge()
