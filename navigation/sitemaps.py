"""sitemap.xml: published releases and the list pages, each in the languages it exists in."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from press.models import PressRelease, localized

from .seo import x_default


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def _location(self, item, force_lang_code=None):
        # Each URL is asked for again as an alternate of every other language:
        # reverse it once per page request.
        obj, lang_code = item
        key = (getattr(obj, "pk", obj), force_lang_code or lang_code)
        cache = self.__dict__.setdefault("_location_cache", {})
        if key not in cache:
            cache[key] = super()._location(item, force_lang_code)
        return cache[key]

    def _urls(self, page, protocol, domain):
        # Django's x-default strips the language prefix ("/en/x" -> "/x"), which
        # this site always shows; point it at the English page (or the first
        # language the item exists in) instead.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            alternates = [a for a in url["alternates"] if a["lang_code"] != "x-default"]
            if self.x_default and alternates:
                default = x_default({a["lang_code"]: a["location"] for a in alternates})
                alternates.append({"location": default, "lang_code": "x-default"})
            url["alternates"] = alternates
        return urls


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


SITEMAPS = {"pages": ListPageSitemap, "press-releases": PressReleaseSitemap}
