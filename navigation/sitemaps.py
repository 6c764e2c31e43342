"""The base of every sitemap of the site: one URL per language, with alternates and x-default."""

from django.contrib.sitemaps import Sitemap

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
