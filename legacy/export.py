"""``/<lang>/press-releases/<slug>/index.json``: a release in the old site's page JSON shape.

The old Next.js front end reads one such file per page (``props.pageProps``);
this view builds the same keys and nesting from the database, so that front
end could read this site instead. Known differences from an old-site export
are listed in ``tests/legacy/test_export.py`` with their reasons.
"""

import json
from functools import cache
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views import View

from media_styles.specs import NEXT_THUMBNAIL, PAGE_IMAGE_SIZES
from navigation.chrome import get_chrome
from navigation.models import MenuItem, SiteOptions
from press.models import PressRelease, localized

from .constants import MENU_SLUGS, OPTION_PATHS, SITEMAP_MENU, SYNTHETIC, UNMODELLED_DATA

TEMPLATE = "/locale/press-releases/single"


@cache
def frontend():
    """What the old front end expects regardless of content, copied from an old-site page.

    ``labelKeys``: the 94 labels it reads (the site's own extra labels are left out);
    ``statics``: its fixed decoration (planets, carousel mock-ups), the same on every page.
    """
    return json.loads((Path(__file__).with_name("export_frontend.json")).read_text("utf-8"))


@cache
def build_id():
    try:
        return f"tas_site-{metadata.version('tas-site')}"
    except metadata.PackageNotFoundError:  # run from a checkout that was not pip-installed
        return "tas_site"


class PressReleaseJSONView(View):
    """A published release (never a staff preview: this JSON is public data) as page JSON."""

    def get(self, request, slug):
        release = (
            PressRelease.objects.published()
            .select_related("activity", "image")
            .with_slug(slug)
            .first()
        )
        if release is None:
            raise Http404("No press release with this address in this language.")
        return JsonResponse(
            PageJSON(request, release, get_language()).document(),
            json_dumps_params={"ensure_ascii": False},
        )


class PageJSON:
    def __init__(self, request, release, language):
        self.request = request
        self.release = release
        self.language = language
        self.labels = get_chrome(language)["labels"]

    def absolute(self, url):
        return self.request.build_absolute_uri(url) if url else None

    def image_urls(self, image, names):
        # A variant the worker has not made yet is null: the keys (the shape) stay, and
        # a consumer shows its placeholder, not a 404 nor the multi-megabyte original.
        # The page cache is purged when the variants are recorded.
        variants = image.variant_urls(names)
        return {name: self.absolute(variants.get(name)) for name in names}

    def document(self):
        query = self.query()
        common = query["common"]
        page_props = {
            "query": query,
            "statics": frontend()["statics"],
            "api": self.api(),
            "labels": common["labels"],
            "navs": common["navs"],
            "locales": common["locales"],
            "options": common["options"],
        }
        return {
            "props": {"pageProps": page_props},
            "page": TEMPLATE,
            "query": query,
            "buildId": build_id(),
            "nextExport": True,
            "isFallback": False,
            "gip": True,
            "appGip": True,
            "scriptLoader": [],
        }

    def query(self):
        slug = getattr(self.release, localized("slug", self.language))
        return {
            "common": self.common(),
            "slug": f"/press-releases/{slug}",
            "template": TEMPLATE,
            "locale": self.language,
            "altLocale": self.language,
            "performRedirect": self.release.get_absolute_url(self.language),
            "jsonFile": self.request.build_absolute_uri(),
        }

    def common(self):
        menus = self.menus()
        sitemap_page = reverse("navigation:sitemap")
        return {
            "labels": {key: self.labels[key] for key in frontend()["labelKeys"]},
            "navs": {slug: menus.get(slug, []) for slug in MENU_SLUGS},
            "locales": {
                "defaultLang": settings.LANGUAGE_CODE,
                "activeLang": list(settings.ACTIVE_LANGUAGES),
                "otherLang": list(settings.OTHER_LANGUAGES),
            },
            "options": self.options(),
            "sitemapNavs": {
                "main": menus.get(SITEMAP_MENU, []),
                "social": menus.get("social", []),
                # The sitemap page does not link to itself.
                "copyright": [
                    item
                    for item in menus.get("copyright", [])
                    if (item["link"]["url"] or "") != sitemap_page
                ],
            },  # fmt: skip
        }

    def menus(self):
        """Every menu as the old site's tree (weight order, as the site shows)."""
        return MenuItem.objects.tree(menu_node, children="items")

    def options(self):
        chrome = get_chrome(self.language)["options"]
        data = {"contactEmail": chrome["contact_email"]}
        for place in ("Footer", "Header"):
            data[f"logo{place}"] = {
                "url": self.absolute(chrome.get(f"logo_{place.lower()}_url")),
                "description": chrome.get(f"logo_{place.lower()}_description") or "",
            }
        data["imagesFooter"] = [
            {"media_image": {"url": self.image_urls(image, PAGE_IMAGE_SIZES), "alt": image.alt}}
            for image in chrome.get("footer_images", [])
        ]
        # The chrome holds the paths of the current language; the old site gave them all.
        codes = [code for code, _ in settings.LANGUAGES]
        columns = [f"{field}_{code}" for field in OPTION_PATHS.values() for code in codes]
        paths = SiteOptions.objects.filter(pk=1).values(*columns).first() or {}
        for key, field in OPTION_PATHS.items():
            values = {code: paths.get(f"{field}_{code}") for code in codes}
            data[key] = {code: path for code, path in values.items() if path}
        return data

    def api(self):
        release = self.release
        language = self.language
        url = release.get_absolute_url(language)
        image = release.image
        seo_image = self.image_urls(image, ["_1920x1200"]) if image else {"_1920x1200": None}
        return {
            "breadcrumb": {
                "locale": language,
                "paths": [
                    {"label": self.labels["breadcrumbHome"], "path": reverse("home")},
                    {
                        "label": self.labels["breadcrumbPressReleases"],
                        "path": reverse("press:list"),
                    },
                    {"label": release.title, "path": url},
                ],
            },
            "locales": release.alternate_urls(),
            "page": "/press-releases/single",
            "data": self.data(),
            "seo": {
                "title": f"{release.title.strip()} | {settings.SITE_NAME}",
                "image": {"media_image": {"url": seo_image}},
                "description": release.description,
                "canonical": self.absolute(url),
                "desc": self.labels["defaultPageDescription"],
            },
            "noindex": int(release.noindex),
        }

    def data(self):
        release = self.release
        image = release.image
        kept = {**UNMODELLED_DATA, **release.legacy_parts(self.language)}
        date = timezone.localtime(release.date, timezone.get_default_timezone())
        return {
            "title": release.title,
            # The old site writes Paris wall-clock time without an offset.
            "date": date.replace(tzinfo=None).isoformat(timespec="seconds"),
            "image": {
                "url": self.image_urls(image, PAGE_IMAGE_SIZES),
                "alt": image.alt,
                "title": image.title,
            }
            if image
            else None,  # fmt: skip
            "video": release.video_url or None,
            "caption": release.image_caption or None,
            "download": {"url": self.absolute(release.download.url) if release.download else False},
            "download_image": kept["download_image"],
            "activity": release.activity.slug if release.activity else None,
            "country": release.country,
            "body": release.body,
            "blocks": kept["blocks"],
            "boxCarousel": kept["boxCarousel"],
            "next": self.next(),
        }

    def next(self):
        following = self.release.next_release(self.language)
        if following is None:
            return None
        image = following.image
        return {
            "name": following.title,
            "url": following.get_absolute_url(self.language),
            "image": {
                "src": self.image_urls(image, [NEXT_THUMBNAIL])[NEXT_THUMBNAIL],
                "alt": image.alt,
            }
            if image
            else None,  # fmt: skip
        }


def menu_node(item):
    url = item.url or None
    if item.legacy_id.startswith(SYNTHETIC):
        return {"link": {"url": url}, "name": item.name}
    node = {
        "id": item.legacy_id or f"tas_site:{item.pk}",
        "name": item.name,
        "desc": item.description or None,
        "weight": str(item.weight),
        "link": {"url": url, "target": item.target},
    }
    if item.nolink:
        node["nolink"] = True
    return node
