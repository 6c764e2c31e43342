"""sitemap.xml's entries for releases and the pages that list them."""

from django.conf import settings
from django.urls import reverse

from navigation.sitemaps import I18nSitemap

from .models import PressRelease, localized


class PressReleaseSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        codes = [code for code, _ in settings.LANGUAGES]
        visible = PressRelease.objects.none()
        for code in codes:
            visible = visible | PressRelease.objects.published(code)
        fields = [localized(f, code) for f in ("title", "slug") for code in codes]
        return (
            visible.filter(noindex=False)
            .only("id", "date", "updated_at", *fields)
            .order_by("-date", "-id")
        )

    def get_languages_for_item(self, item):
        return item.languages()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class ListPageSitemap(I18nSitemap):
    """The home page and the release list, served in every language."""

    changefreq = "daily"

    def items(self):
        return ["home", "press:list"]

    def location(self, item):
        return reverse(item)
