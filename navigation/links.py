"""Turns menu URLs from the old site into links that work on this one.

A menu item keeps the old site's path (``/en/who-we-are``). When this site
serves the page, the link stays relative and the item remembers the view it
resolves to, so the active item is found by view and arguments, never by
comparing strings. Anything else goes to ``settings.LEGACY_BASE_URL``, so
sections can move here one at a time without dead links.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

# Most views a menu may point at answer for any argument (a list, the home
# page). A detail view answers only for content that is live: the app that
# owns it registers {view name: live_slugs(language, slugs) -> live slugs}
# (press does, in its AppConfig), so this module never imports it.
DETAIL_VIEWS = {}


def register_detail_view(view_name, live_slugs):
    DETAIL_VIEWS[view_name] = live_slugs


@dataclass(frozen=True)
class Target:
    view_name: str
    kwargs: tuple  # sorted (name, value) pairs, hashable and cache-friendly

    @classmethod
    def of(cls, match):
        return cls(match.view_name, tuple(sorted(match.kwargs.items())))


def language_of(path):
    """The language a path is written in, from its first segment (``/fr/...``)."""
    code = path.lstrip("/").split("/", 1)[0]
    return code if code in dict(settings.LANGUAGES) else None


def resolve_path(path):
    """The view a local path resolves to, as ``Target``, or None.

    i18n_patterns only match the active language's prefix, so the path is
    resolved in the language it is written in.
    """
    if not path or not path.startswith("/"):
        return None
    language = language_of(path) or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return Target.of(resolve(path))
        except Resolver404:
            return None


def is_external(url):
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or not url.startswith("/")


def legacy_url(url):
    return settings.LEGACY_BASE_URL.rstrip("/") + url


def live_details(details):
    """The (target, language) detail pairs whose content is live: a query per view and language."""
    wanted = {}
    for target, language in details:
        wanted.setdefault((target.view_name, language), set()).add(dict(target.kwargs)["slug"])
    live = set()
    for (view_name, language), slugs in wanted.items():
        live.update(
            (Target(view_name, (("slug", slug),)), language)
            for slug in DETAIL_VIEWS[view_name](language, slugs)
        )
    return details & live


def each_node(nodes):
    """Every menu node under ``nodes`` (dicts with ``children``), parents first."""
    for node in nodes:
        yield node
        yield from each_node(node["children"])


def link_menu_items(nodes):
    """Set ``href`` and ``target_view`` on menu nodes (dicts, nested in ``children``).

    Runs when the chrome is built (then cached), so checking that a detail
    page exists costs nothing per request.
    """
    flat = list(each_node(nodes))
    local = {}
    for node in flat:
        url = node["url"]
        if url and not node["nolink"] and not is_external(url):
            target = resolve_path(urlsplit(url).path)
            language = language_of(url) or translation.get_language()
            local[node["id"]] = (target, language) if target else None
    details = {pair for pair in local.values() if pair and pair[0].view_name in DETAIL_VIEWS}
    live = live_details(details) if details else set()
    for node in flat:
        url, pair = node["url"], local.get(node["id"])
        node["href"], node["target_view"] = url, None
        if node["nolink"] or not url:
            node["href"] = ""
        elif node["id"] not in local:
            pass  # an external URL, kept as it is
        elif pair is None or (pair in details and pair not in live):
            node["href"] = legacy_url(url)
        else:
            node["target_view"] = pair[0]
    return nodes
