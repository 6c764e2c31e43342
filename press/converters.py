"""URL converters shared by every app that serves a release address."""

from django.urls import register_converter


class LegacySlugConverter:
    """Old-site slugs are kept verbatim, so accept any segment but a NUL (which no DB stores)."""

    regex = "[^/\x00]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LegacySlugConverter, "legacy_slug")
