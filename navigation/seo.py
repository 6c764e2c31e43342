"""What search engines and link previews read: canonical, alternates, Open Graph, JSON-LD."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.translation import get_language

# Query parameters that make a different page worth its own canonical URL;
# anything else (tracking tags, typos) collapses onto the clean address.
CANONICAL_QUERY = ("activity", "page")
# Pagination does not carry over to another language: page 5 need not exist there.
UNTRANSLATED_QUERY = ("page",)
OG_IMAGE_SIZE = "_1920x1200"

# The characters that could close or confuse a <script> element, as JSON escapes
# (what django.utils.html.json_script does for application/json).
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _query(request, keep=None, drop=()):
    pairs = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if (keep is None or name in keep) and name not in drop
    ]
    return "?" + urlencode(pairs) if pairs else ""


def page_alternates(request, alternates=None):
    """{language: URL} of the page shown, for every language it exists in.

    ``alternates`` comes from views that know better (a release's translated
    slugs, or ``{}`` on an error page).
    """
    if alternates is not None:
        return dict(alternates)
    if request is None or getattr(request, "resolver_match", None) is None:
        return {}
    current = get_language()
    query = _query(request, drop=UNTRANSLATED_QUERY)
    urls = {}
    for code, _ in settings.LANGUAGES:
        url = translate_url(request.path, code)
        # translate_url hands back its input when the page has no equivalent.
        if code == current or url != request.path:
            urls[code] = url + query
    return urls


def canonical_url(request, alternates=None):
    current = get_language()
    if alternates and alternates.get(current):
        return request.build_absolute_uri(alternates[current])
    return request.build_absolute_uri(request.path + _query(request, keep=CANONICAL_QUERY))


def x_default(urls):
    """The English version when there is one, else the first language the page exists in."""
    if not urls:
        return None
    return urls.get(settings.LANGUAGE_CODE) or next(iter(urls.values()))


def share_image(image):
    """(path, width, height) of the 1920x1200 variant, or of the original until it exists."""
    if image is None:
        return None
    return image.variant_or_original(OG_IMAGE_SIZE)


def news_article(request, release, canonical):
    """NewsArticle structured data (schema.org) for a release page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "description": strip_tags(release.summary())[:300],
        "datePublished": release.date.isoformat(),
        "dateModified": release.updated_at.isoformat(),
        "inLanguage": get_language(),
        "mainEntityOfPage": canonical,
        "url": canonical,
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("img/logo.svg")),
            },
        },
    }
    image = share_image(release.image)
    if image:
        data["image"] = [request.build_absolute_uri(image[0])]
    return data


def script_json(data):
    """JSON that cannot end the <script> element it sits in."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
