"""Menus, labels and site options: read once per language, cached, cleared when staff save.

Everything here is plain dicts and lists (plus the footer's Image rows, fully
loaded) so the cache (local memory or Redis) can hold it and templates never
reach back into the database. A cold build costs four queries whatever the
number of labels, menu items or footer images (five when a menu links to a
release, to check it is published).

Two savings on top, for pages the page cache does not answer:

* ``get_chrome(request=...)`` reads the chrome once per request, however many
  times the view and the context processor ask.
* ``fragment()`` keeps rendered HTML (header menu, footer) per process, keyed
  by the chrome's ``version`` (new at every rebuild, so after every staff
  save), the language and which menu items the page marks as current: the
  chrome is rendered once per language and version, then reused as HTML.
"""

import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, override

from .links import each_node, link_menu_items
from .models import FooterImage, Label, MenuItem, SiteOptions

CACHE_KEY = "navigation:chrome:{language}"
CACHE_TIMEOUT = 60 * 60 * 24


class Labels(dict):
    """UI labels by key; an unknown key shows itself rather than a blank."""

    def __missing__(self, key):
        return key

    def format(self, label_key, /, **values):
        # Positional-only: labels use {key} as a placeholder (pageSearchTitleResults).
        text = self[label_key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text


def get_chrome(language=None, request=None):
    language = language or get_language() or settings.LANGUAGE_CODE
    memo = request.__dict__.setdefault("_chrome", {}) if request is not None else {}
    if language in memo:
        return memo[language]
    key = CACHE_KEY.format(language=language)
    chrome = cache.get(key)
    if chrome is None:
        with override(language):
            chrome = build_chrome(language)
        cache.set(key, chrome, CACHE_TIMEOUT)
    memo[language] = chrome
    return chrome


def clear_chrome_cache():
    cache.delete_many([CACHE_KEY.format(language=code) for code, _ in settings.LANGUAGES])


def build_chrome(language):
    menus = load_menus()
    return {
        "labels": load_labels(),
        "menus": menus,
        "options": load_options(),
        "version": uuid.uuid4().hex,
        # The pages a menu links to: only these change how the chrome renders.
        "targets": frozenset(
            node["target_view"]
            for node in each_node(root for roots in menus.values() for root in roots)
            if node["target_view"] is not None
        ),
    }


class FragmentCache:
    """Rendered chrome HTML in this process, least recently used out first."""

    def __init__(self, size=512):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get_or_render(self, key, render):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        html = render()
        with self.lock:
            self.entries[key] = html
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return html

    def clear(self):
        with self.lock:
            self.entries.clear()


fragments = FragmentCache()


def load_labels():
    # modeltranslation falls back to English for a label not yet translated.
    return Labels((label.key, label.value) for label in Label.objects.all())


def menu_node(item):
    return {
        "id": item.pk,
        "name": item.name,
        "description": item.description,
        "url": item.url,
        "target": item.target,
        "nolink": item.nolink,
        "children": [],
    }


def load_menus():
    """{menu slug: [root nodes]}, each node with ``children``, ``href`` and ``target_view``."""
    roots = MenuItem.objects.tree(menu_node)
    link_menu_items([node for menu in roots.values() for node in menu])
    return roots


def load_options():
    options = SiteOptions.objects.filter(pk=1).first()
    if options is None:
        return {"contact_email": "", "footer_images": [], "paths": {}}
    footer = FooterImage.objects.filter(options=options).select_related("image")
    return {
        "contact_email": options.contact_email,
        "logo_header_url": options.logo_header.url if options.logo_header else "",
        "logo_header_description": options.logo_header_description,
        "logo_footer_url": options.logo_footer.url if options.logo_footer else "",
        "logo_footer_description": options.logo_footer_description,
        "footer_images": [row.image for row in footer],
        "paths": {
            "press": options.press_path,
            "news": options.news_path,
            "what_we_do": options.what_we_do_path,
        },
    }
