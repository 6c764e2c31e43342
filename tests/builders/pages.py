"""Builders for the old site's page JSON: the smallest valid page, and helpers to import it."""

import copy
import io
import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from media_styles.models import Image
from navigation.models import FooterImage, Label, MenuItem, SiteOptions
from press.models import PressRelease

from .images import image_bytes

OLD = "https://tas-static.thalesaleniaspace.com/cms/public/styles"
SEED = (
    Path(settings.BASE_DIR)
    / "demo"
    / "pages"
    / "en--press-releases--mission-mars-be-continued.json"
)


def image_json(name, alt="", title=""):
    """The old site's image object: one URL per size, all derived from ``name``."""
    sizes = ["_199x190", "_1920x1200", "_1920"]
    return {
        "url": {
            size: f"{OLD}/{size[1:]}/public/2022-06/{name}.webp?itok=x{size}" for size in sizes
        },
        "alt": alt,
        "title": title,
    }


def menu_item(legacy_id, name, url, *, weight=0, target="_self", **extra):
    item = {"id": legacy_id, "name": name, "desc": None, "weight": str(weight),
            "link": {"url": url, "target": target}}  # fmt: skip
    item.update(extra)
    return item


def common(language="en"):
    return {
        "labels": {"labelNext": f"Next ({language})", "availableIn": f"Available in ({language})"},
        "navs": {
            "main": [
                menu_item(
                    "menu:press",
                    "Press",
                    f"/{language}/press-releases",
                    weight=-45,
                    items=[
                        menu_item("menu:gallery", "Gallery", f"/{language}/press-releases/gallery"),
                    ],
                ),
                menu_item("menu:dna", "Innovation", None, weight=-47, nolink=True),
            ],
            "social": [
                menu_item(
                    "menu:fb", "facebook", "https://www.facebook.com/x", target=["_blank", "_blank"]
                ),
            ],
            "copyright": [menu_item("sitemap_1", "Sitemap", f"/{language}/sitemap", weight=-99)],
        },  # fmt: skip
        "locales": {"defaultLang": "en", "activeLang": ["en", "it", "fr"], "otherLang": ["es"]},
        "options": {
            "contactEmail": "press@example.com",
            "logoFooter": {"url": None, "description": f"Logo footer ({language})"},
            "logoHeader": {"url": None, "description": f"Logo header ({language})"},
            "imagesFooter": [],
            "whatWeDoPath": {"en": "/en/what-we-do", "fr": "/fr/nos-activites"},
            "newsPath": {"en": "/en/news"},
            "pressPath": {"en": "/en/press-releases", "fr": "/fr/press-releases"},
        },
        "sitemapNavs": {
            "main": [
                menu_item(
                    "menu:wwd",
                    "What we do",
                    f"/{language}/what-we-do",
                    items=[
                        {"link": {"url": f"/{language}/what-we-do/explore"}, "name": "Explore"},
                        {"link": {"url": f"/{language}/what-we-do/connect"}, "name": "Connect"},
                    ],
                ),
            ],
        },  # fmt: skip
    }


def page(language="en", slug="mars", *, locales=None, title=None, date="2018-10-09T08:12:14",
         body="<p>Body</p>", activity="explore", image=None, next_url=None, **data):  # fmt: skip
    """A minimal valid page of the old site for one release in ``language``."""
    locales = locales or {language: slug}
    url = f"/{language}/press-releases/{slug}"
    return {
        "props": {
            "pageProps": {
                "query": {"common": common(language), "slug": f"/press-releases/{slug}",
                          "locale": language},
                "api": {
                    "breadcrumb": {"locale": language, "paths": [
                        {"label": f"Home ({language})", "path": f"/{language}"},
                        {"label": f"Press ({language})", "path": f"/{language}/press-releases"},
                        {"label": title or slug, "path": url},
                    ]},
                    "locales": {code: f"/{code}/press-releases/{s}" for code, s in locales.items()},
                    "data": {
                        "title": title or f"{slug} ({language})",
                        "date": date,
                        "body": body,
                        "activity": activity,
                        "country": "France",
                        "image": image,
                        "caption": None,
                        "video": None,
                        "download": {"url": False},
                        "next": {"name": "n", "url": next_url} if next_url else None,
                        **data,
                    },
                    "seo": {"description": f"Summary of {slug} <br />\r\n"},
                    "noindex": 0,
                },
            }
        }
    }  # fmt: skip


def at(document, path):
    """The value at a dotted ``path`` in ``document`` (for tests that break one field)."""
    for key in path.split("."):
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def with_value(document, path, value):
    """A copy of ``document`` with the value at ``path`` replaced (removed if it is DELETE)."""
    document = copy.deepcopy(document)
    *parents, last = path.split(".")
    target = at(document, ".".join(parents)) if parents else document
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return document


DELETE = object()


def write(folder, document, name=None):
    props = document["props"]["pageProps"]
    slug = props["query"]["slug"].strip("/").replace("/", "--")
    name = name or f"{props['query']['locale']}--{slug}.json"
    path = Path(folder) / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def make_media(folder, *names, mapping=None, size=(400, 300)):
    folder = Path(folder)
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(image_bytes(*size))
    if mapping is not None:
        (folder / "map.json").write_text(json.dumps(mapping), encoding="utf-8")
    return folder


def run_import(*paths, **options):
    """call_command import_pages; returns (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_pages", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def snapshot():
    """Everything the importer may write: rows of its models and files in the media folder."""
    rows = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (PressRelease, Label, MenuItem, SiteOptions, FooterImage, Image)
    }
    files = sorted(str(p) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())
    return rows, files
