"""Releases missing a translation, for navigation's completeness board."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q

from navigation.completeness import (
    LIST_LIMIT,
    Gap,
    Gaps,
    blank,
    count_per_language,
    missing_fields,
)

from .models import PressRelease, localized

# What a release needs in a language before visitors can read it there.
FIELDS = {"title": "title", "slug": "slug", "body": "body"}


def _available(code):
    return Q(**{f"{localized('title', code)}__gt": "", f"{localized('slug', code)}__gt": ""})


def _missing(code):
    """Published in another language, but lacking a title, slug or body in ``code``."""
    elsewhere = reduce(or_, (_available(other) for other, _ in settings.LANGUAGES if other != code))
    lacking = reduce(or_, (blank(localized(name, code)) for name in FIELDS))
    return elsewhere & lacking


def release_gaps(code):
    missing = PressRelease.objects.live().filter(_missing(code)).newest_first()
    rows = [
        Gap(
            release.date.strftime("%d %b %Y"),
            release.title_en or str(release),
            missing_fields(release, code, FIELDS),
        )
        for release in missing[:LIST_LIMIT]
    ]
    return Gaps("Releases", missing.count(), rows)


def release_counts(codes):
    return count_per_language(PressRelease.objects.live(), _missing, codes)
