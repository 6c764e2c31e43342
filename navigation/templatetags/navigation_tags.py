from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from ..chrome import fragments
from ..i18n import language_name
from ..links import Target, resolve_path
from ..seo import page_alternates

register = template.Library()


def current_targets(context):
    """(views this page is, views this page belongs to): a release belongs to the list."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    page = {Target.of(match)} if match is not None else set()
    section = resolve_path(context["section_url"]) if context.get("section_url") else None
    return page, {section} - {None}


def decorate(items, targets, prefix="menu"):
    """Copies of cached menu nodes with ``current`` and a DOM id; the cache is never mutated.

    ``current`` is "page" on the item for this very page and "true" on its
    section (the values of aria-current); ``active`` also marks the ancestors.
    """
    page, section = targets
    decorated = []
    for item in items:
        children = decorate(item["children"], targets, prefix)
        target = item["target_view"]
        current = None
        if target is not None and target in page:
            current = "page"
        elif target is not None and target in section:
            current = "true"
        decorated.append(
            {
                **item,
                "children": children,
                "dom_id": f"{prefix}-{item['id']}",
                "current": current,
                "active": bool(current) or any(child["active"] for child in children),
            }
        )
    return decorated


def menu_context(context, **menus):
    """An inclusion tag's context: each ``name=(items, prefix)`` decorated, and the labels."""
    targets = current_targets(context)
    decorated = {name: decorate(items, targets, prefix) for name, (items, prefix) in menus.items()}
    return {**decorated, "labels": context["labels"]}


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    menus = context["chrome"]["menus"]
    return menu_context(context, items=(menus.get("main", []), "main-menu"))


@register.inclusion_tag("navigation/footer_menus.html", takes_context=True)
def footer_menus(context):
    menus = context["chrome"]["menus"]
    return menu_context(
        context,
        social=(menus.get("social", []), "social"),
        copyright=(menus.get("copyright", []), "copyright"),
    )


@register.inclusion_tag("navigation/sitemap_menu.html", takes_context=True)
def sitemap_menu(context):
    """The sitemap menu (the old site's ``sitemapNavs``), or the main menu until one is filled."""
    menus = context["chrome"]["menus"]
    return menu_context(
        context,
        items=(menus.get("sitemap") or menus.get("main", []), "sitemap"),
        credits=(menus.get("copyright", []), "sitemap-credits"),
    )


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """This page in each language; a language the page does not exist in is not linked.

    Detail views pass ``alternates`` (the release's translated slugs); other
    pages are translated by URL name, keeping their filters but not the page
    number (page 5 of a list need not exist in another language).
    """
    current = get_language()
    urls = page_alternates(context.get("request"), context.get("alternates"))

    def entry(code):
        return {
            "code": code,
            "name": language_name(code),
            "url": urls.get(code),
            "current": code == current,
        }

    return {
        "languages": [entry(code) for code in settings.ACTIVE_LANGUAGES],
        # Spanish is the old site's "otherLang": listed apart, and only where it exists.
        "others": [e for e in map(entry, settings.OTHER_LANGUAGES) if e["url"] or e["current"]],
        "page_language": current,
        "labels": context["labels"],
    }


class ChromeFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        chrome = context.get("chrome")
        if not chrome or "version" not in chrome:
            return self.nodelist.render(context)
        page, section = current_targets(context)
        linked = chrome["targets"]
        key = (
            chrome["version"],
            get_language(),
            self.name,
            frozenset(page & linked),
            frozenset(section & linked),
            timezone.localdate().year,  # the footer's copyright year
        )
        return fragments.get_or_render(key, lambda: self.nodelist.render(context))


@register.tag
def chrome_fragment(parser, token):
    """``{% chrome_fragment "footer" %}...{% endchrome_fragment %}``: rendered once per
    chrome version, language and current menu item, then reused (navigation.chrome).

    Only for markup that depends on nothing else: not the language switcher.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("chrome_fragment takes one name")
    nodelist = parser.parse(("endchrome_fragment",))
    parser.delete_first_token()
    return ChromeFragmentNode(bits[1].strip("\"'"), nodelist)


@register.simple_tag(name="language_name")
def language_name_tag(code):
    return language_name(code)
