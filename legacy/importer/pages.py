"""Reading one page file of the old site into plain data, validating as it goes.

Nothing here touches the database except through the ``known`` facts passed
in (languages, activity slugs), so a bad file fails before anything is written.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from press.sanitizer import strip_tags

from ..constants import (
    BREADCRUMB_LABELS,
    MENU_SLUGS,
    OPTION_PATHS,
    SITEMAP_MENU,
    SYNTHETIC,
    TARGETS,
    UNMODELLED_DATA,
)
from .errors import describe

ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$"
)


@dataclass(frozen=True)
class ImageRef:
    original_name: str
    alt: str
    title: str
    path: str  # JSON path, for warnings


@dataclass
class ReleaseData:
    language: str
    slugs: dict
    title: str
    date: datetime
    body: str
    description: str
    caption: str
    country: str
    activity: str | None
    video_url: str
    download_name: str | None
    noindex: bool
    image: ImageRef | None
    next_url: str | None
    unmodelled: dict  # parts of api.data this site does not model, kept verbatim


@dataclass
class MenuItemData:
    legacy_id: str
    name: str
    description: str
    url: str
    target: str
    nolink: bool
    weight: int
    children: list = field(default_factory=list)


@dataclass
class ChromeData:
    language: str
    labels: dict
    menus: dict  # menu slug -> [MenuItemData]
    contact_email: str
    logos: dict  # "header"/"footer" -> (original name or None, description)
    footer_images: list  # [ImageRef]
    paths: dict  # model field -> {language: path}


@dataclass
class Page:
    source: str
    language: str
    release: ReleaseData
    chrome: ChromeData | None  # None: same chrome as a file already read in this run
    warnings: list


def language_codes():
    return [code for code, _ in settings.LANGUAGES]


def check_language(cursor, code=None):
    code = cursor.text() if code is None else code
    if code not in language_codes():
        raise cursor.error(
            f"unknown language {describe(code)} (this site has {', '.join(language_codes())})"
        )
    return code


def parse_page(document, *, activities, seen_chrome):
    """A ``Page`` from a decoded file; ``seen_chrome`` collects chrome fingerprints of the run."""
    props = document["props.pageProps"]
    query = props["query"]
    api = props["api"]
    language = check_language(query["locale"])
    warnings = []
    release = parse_release(api, query, language, activities)

    common = query["common"]
    crumbs = [crumb.get("label").value for crumb in api.get("breadcrumb.paths").each(nullable=True)]
    fingerprint = hashlib.blake2b(
        json.dumps([language, common.value, crumbs[:2]], sort_keys=True).encode(), digest_size=16
    ).digest()
    chrome = None
    if fingerprint not in seen_chrome:
        chrome = parse_chrome(common, api, language, warnings)
        seen_chrome.add(fingerprint)
    return Page(document.source, language, release, chrome, warnings)


def parse_release(api, query, language, activities):
    slugs = {}
    for code, url in api["locales"].items():
        check_language(url, code)
        slugs[code] = slug_from_url(url, code)
    if language not in slugs:
        raise api["locales"].error(f"has no {language} address, but query.locale is {language}")
    query_slug = query["slug"]
    if unquote(query_slug.text()) != f"/press-releases/{slugs[language]}":
        raise query_slug.error(
            f"does not match api.locales.{language} (expected "
            f"{describe('/press-releases/' + slugs[language])}, got {describe(query_slug.value)})"
        )

    data = api["data"]
    activity = data.get("activity").text(nullable=True) or None
    if activity is not None and activity not in activities:
        raise data["activity"].error(
            f"unknown activity {describe(activity)} (known: {', '.join(sorted(activities))})"
        )
    video = data.get("video")
    video_url = video.text(nullable=True, max_length=200)
    if video_url:
        try:
            URLValidator(schemes=["http", "https"])(video_url)
        except ValidationError:
            raise video.error(f"expected an http(s) URL, got {describe(video_url)}") from None
    download = data.get("download.url")
    download_url = download.expect(str, bool, nullable=True)
    if download_url is True:
        raise download.error("expected a file URL or false, got true")
    next_link = data.get("next")
    next_link.expect(dict, nullable=True)
    return ReleaseData(
        language=language,
        slugs=slugs,
        title=data["title"].text(blank=False, max_length=300),
        date=parse_datetime(data["date"]),
        body=data["body"].text(nullable=True),
        description=plain_text(api.get("seo.description").text(nullable=True)),
        caption=data.get("caption").text(nullable=True, max_length=500),
        country=data.get("country").text(nullable=True, max_length=100),
        activity=activity,
        video_url=video_url,
        download_name=name_from_url(download, download_url) if download_url else None,
        noindex=api.get("noindex").flag(),
        image=parse_image(data.get("image")),
        next_url=next_link.get("url").text(nullable=True) or None,
        unmodelled={
            key: data.get(key).value
            for key, empty in UNMODELLED_DATA.items()
            if data.get(key).value not in (None, empty)
        },
    )


def slug_from_url(cursor, code):
    path = urlsplit(cursor.text()).path
    prefix = f"/{code}/press-releases/"
    slug = unquote(path[len(prefix) :]) if path.startswith(prefix) else ""
    if not slug or "/" in slug or "\x00" in slug:
        raise cursor.error(f"expected {prefix}<slug>, got {describe(cursor.value)}")
    if len(slug) > 255:
        raise cursor.error(f"slug longer than 255 characters ({len(slug)})")
    return slug


def parse_datetime(cursor):
    value = cursor.value
    if not isinstance(value, str) or not ISO_DATETIME.match(value):
        raise cursor.error(f"expected an ISO date-time, got {describe(value)}")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise cursor.error(f"expected an ISO date-time, got {describe(value)}") from None
    if timezone.is_naive(moment):
        # The old site writes Paris wall-clock times without an offset.
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def plain_text(markup):
    return html.unescape(strip_tags(markup)).strip()


def original_file_name(url):
    """The original file name: last path segment, percent-decoded, without the variant's .webp."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    stem = name.removesuffix(".webp")
    return stem if stem != name and "." in stem else name


def name_from_url(cursor, url):
    name = original_file_name(url)
    if not name or name in {".", ".."}:
        raise cursor.error(f"expected a file URL, got {describe(url)}")
    return name


def parse_image(cursor):
    """An ``ImageRef`` from ``{url: {size: URL}, alt, title}``; None when there is no image."""
    if cursor.value in (None, {}, []):
        return None
    urls = cursor["url"]
    candidates = [(size, url) for size, url in urls.items() if url.expect(str, nullable=True)]
    if not candidates:
        raise urls.error("expected at least one image URL")
    # Every size names the same source; prefer the uncropped one.
    size, url = next(((s, u) for s, u in candidates if s == "_1920"), candidates[0])
    return ImageRef(
        original_name=name_from_url(url, url.value),
        alt=cursor.get("alt").text(nullable=True, max_length=300),
        title=cursor.get("title").text(nullable=True, max_length=255),
        path=cursor.path,
    )


def parse_chrome(common, api, language, warnings):
    labels = {key: value.text(nullable=True) for key, value in common["labels"].items()}
    crumbs = api.get("breadcrumb.paths").each(nullable=True)
    for key, crumb in zip(BREADCRUMB_LABELS, crumbs, strict=False):
        labels[key] = crumb["label"].text(nullable=True)
    check_locales(common["locales"], warnings)

    menus = {}
    for slug, items in common["navs"].items():
        if slug not in MENU_SLUGS:
            warnings.append(
                (items.path, f"menu {describe(slug)} has no place on this site; skipped")
            )
            continue
        menus[slug] = parse_menu(items, slug)
    sitemap = common.get("sitemapNavs")
    for slug, items in sitemap.items(nullable=True):
        if slug == "main":
            menus[SITEMAP_MENU] = parse_menu(items, SITEMAP_MENU)
        elif slug in menus:
            # The sitemap repeats the social and copyright menus (minus its own link).
            known = {item.legacy_id for item in walk(menus[slug])}
            extra = [
                item.legacy_id
                for item in walk(parse_menu(items, slug))
                if item.legacy_id not in known
            ]
            if extra:
                warnings.append(
                    (items.path, f"items not in navs.{slug} ignored: {', '.join(extra)}")
                )

    options = common["options"]
    email = options.get("contactEmail")
    contact_email = email.text(nullable=True, max_length=254)
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            raise email.error(
                f"expected an e-mail address, got {describe(contact_email)}"
            ) from None
    logos = {}
    for place in ("header", "footer"):
        logo = options.get(f"logo{place.title()}")
        url = logo.get("url")
        url_text = url.text(nullable=True)
        logos[place] = (
            name_from_url(url, url_text) if url_text else None,
            logo.get("description").text(nullable=True, max_length=200),
        )
    footer_images = []
    for entry in options.get("imagesFooter").each(nullable=True):
        image = parse_image(entry["media_image"])
        if image is not None:
            footer_images.append(image)
    paths = {}
    for key, model_field in OPTION_PATHS.items():
        paths[model_field] = {}
        for code, path in options.get(key).items(nullable=True):
            check_language(path, code)
            paths[model_field][code] = path.text(nullable=True, max_length=200)
    return ChromeData(language, labels, menus, contact_email, logos, footer_images, paths)


def check_locales(cursor, warnings):
    default = cursor["defaultLang"]
    check_language(default)
    active = [check_language(code) for code in cursor["activeLang"].each()]
    other = [check_language(code) for code in cursor.get("otherLang").each(nullable=True)]
    if (default.value, active, other) != (
        settings.LANGUAGE_CODE,
        settings.ACTIVE_LANGUAGES,
        settings.OTHER_LANGUAGES,
    ):
        warnings.append(
            (cursor.path, "languages differ from this site's settings (kept the settings)")
        )


def parse_menu(cursor, menu_slug):
    seen = set()
    items = parse_items(cursor, menu_slug)
    for item in walk(items):
        if item.legacy_id in seen:
            raise cursor.error(f"the id {describe(item.legacy_id)} appears twice in this menu")
        seen.add(item.legacy_id)
    return items


def parse_items(cursor, parent_key):
    items = []
    for index, entry in enumerate(cursor.each(nullable=True)):
        entry.expect(dict)
        identifier = entry.get("id")
        if identifier.is_null:
            # Generated links (the activities under "What we do") have no id on the old site;
            # their place under the parent is the same in every language.
            legacy_id = f"{SYNTHETIC}{parent_key}/{index}"
            if len(legacy_id) > 100:
                digest = hashlib.blake2b(legacy_id.encode(), digest_size=16).hexdigest()
                legacy_id = SYNTHETIC + digest
        else:
            legacy_id = identifier.text(blank=False, max_length=100)
        weight = entry.get("weight").integer(nullable=True)
        link = entry.get("link")
        item = MenuItemData(
            legacy_id=legacy_id,
            name=entry.get("name").text(nullable=True, max_length=200),
            description=entry.get("desc").text(nullable=True, max_length=300),
            url=link.get("url").text(nullable=True, max_length=500),
            target=parse_target(link.get("target")),
            nolink=entry.get("nolink").flag(),
            weight=index if weight is None else weight,
        )
        item.children = parse_items(entry.get("items"), legacy_id.removeprefix(SYNTHETIC))
        items.append(item)
    return items


def parse_target(cursor):
    """``_self``/``_blank``; Drupal sometimes repeats it in a list (["_blank", "_blank"])."""
    value = cursor.expect(str, list, nullable=True)
    if isinstance(value, list):
        values = {item.text() for item in cursor.each()}
        if len(values) > 1:
            raise cursor.error(f"conflicting targets {describe(value)}")
        value = values.pop() if values else None
    if not value:
        return "_self"
    if value not in TARGETS:
        raise cursor.error(f"expected _self or _blank, got {describe(value)}")
    return value


def walk(items):
    for item in items:
        yield item
        yield from walk(item.children)
