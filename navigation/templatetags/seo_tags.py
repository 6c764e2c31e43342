from django import template
from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import seo

register = template.Library()

OG_LOCALES = {"en": "en_GB", "it": "it_IT", "fr": "fr_FR", "es": "es_ES"}


@register.inclusion_tag("navigation/seo_meta.html", takes_context=True)
def seo_meta(context, title="", description="", image=None, noindex=False, og_type="website"):
    """Canonical, hreflang alternates, robots, Open Graph and Twitter tags for the page shown."""
    request = context["request"]
    labels = context["labels"]
    urls = seo.page_alternates(request, context.get("alternates"))
    # Pagination pages are canonical to themselves; other languages have no page N to pair with.
    paired = bool(urls) and "page" not in request.GET
    alternates = []
    if paired:
        alternates = [(code, request.build_absolute_uri(url)) for code, url in urls.items()]
        alternates.append(("x-default", request.build_absolute_uri(seo.x_default(urls))))
    current = get_language()
    share = seo.share_image(image)
    return {
        "title": f"{title} | {labels['defaultPageTitle']}" if title else labels["defaultPageTitle"],
        "description": " ".join(
            strip_tags(description or labels["defaultPageDescription"]).split()
        ),
        "canonical": seo.canonical_url(request, context.get("alternates")) if urls else "",
        "alternates": alternates,
        "noindex": noindex,
        "og_type": og_type,
        "og_locale": OG_LOCALES.get(current, current),
        "og_locale_alternates": [OG_LOCALES.get(code, code) for code in urls if code != current],
        "image": share
        and {
            "url": request.build_absolute_uri(share[0]),
            "width": share[1],
            "height": share[2],
            "alt": image.alt,
        },
        "site_name": settings.SITE_NAME,
        "labels": labels,
    }


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, release):
    """A NewsArticle <script type="application/ld+json">, escaped so no text can end it early."""
    request = context["request"]
    canonical = seo.canonical_url(request, context.get("alternates"))
    data = seo.news_article(request, release, canonical)
    # script_json escapes <, > and &, as django.utils.html.json_script does.
    escaped = mark_safe(seo.script_json(data))  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', escaped)
