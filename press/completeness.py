"""Releases missing a translation, for navigation's completeness board."""

from django.conf import settings

from navigation.completeness import LIST_LIMIT, Gaps, admin_url, blank

from .models import PressRelease, localized


def release_gaps(code):
    """Releases published in another language but not available in ``code``."""
    elsewhere = PressRelease.objects.none()
    for other, _ in settings.LANGUAGES:
        if other != code:
            elsewhere |= PressRelease.objects.published(other)
    missing = elsewhere.filter(blank(localized("title", code)) | blank(localized("slug", code)))
    return Gaps("Releases", missing.count(), [(str(r), admin_url(r)) for r in missing[:LIST_LIMIT]])
