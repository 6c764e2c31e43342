from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from ..i18n import language_name
from ..links import href, path_of

register = template.Library()


def _decorate(items, active_paths):
    decorated = []
    for item in items:
        children = _decorate(item["children"], active_paths)
        own_path = path_of(item["url"])
        decorated.append(
            {
                **item,
                "href": href(item["url"]),
                "children": children,
                "active": (own_path in active_paths and not item["nolink"])
                or any(child["active"] for child in children),
            }
        )
    return decorated


def _active_paths(context):
    request = context.get("request")
    paths = {request.path} if request else set()
    # A detail page belongs to its section (e.g. a release to the list).
    if context.get("section_url"):
        paths.add(context["section_url"])
    return paths


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    menus = context["chrome"]["menus"]
    return {
        "items": _decorate(menus.get("main", []), _active_paths(context)),
        "labels": context["labels"],
    }


@register.inclusion_tag("navigation/footer_menus.html", takes_context=True)
def footer_menus(context):
    menus = context["chrome"]["menus"]
    active = _active_paths(context)
    return {
        "social": _decorate(menus.get("social", []), active),
        "copyright": _decorate(menus.get("copyright", []), active),
        "labels": context["labels"],
    }


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language; ``alternates`` (set by detail views) wins."""
    request = context.get("request")
    current = get_language()
    alternates = context.get("alternates")

    def entry(code):
        if alternates is not None:
            url = alternates.get(code)
        elif request is not None and getattr(request, "resolver_match", None):
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        return {"code": code, "name": language_name(code), "url": url, "current": code == current}

    return {
        "languages": [entry(code) for code in settings.ACTIVE_LANGUAGES],
        "others": [
            e
            for e in (entry(code) for code in settings.OTHER_LANGUAGES)
            if e["url"] or e["current"]
        ],
        "labels": context["labels"],
    }


@register.simple_tag(name="language_name")
def language_name_tag(code):
    return language_name(code)
