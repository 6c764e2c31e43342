"""Language helpers: which languages are served, and the /<lang> home URL."""

from django.conf import settings
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation


class ExactLanguagePattern(LocalePrefixPattern):
    """Matches the bare language prefix (``/en``), as the old site's home URLs do.

    i18n_patterns only produces ``/en/...``; the old site and its breadcrumbs
    link home as ``/en``, so the home page keeps that exact address.
    """

    @property
    def language_prefix(self):
        return super().language_prefix.rstrip("/")

    def match(self, path):
        if path == self.language_prefix:
            return "", (), {}
        return None


def best_language(request):
    """The visitor's preferred active language (cookie, then Accept-Language), else English."""
    language = translation.get_language_from_request(request)
    if language in settings.ACTIVE_LANGUAGES:
        return language
    return settings.LANGUAGE_CODE


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)
