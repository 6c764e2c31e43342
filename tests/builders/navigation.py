"""Menus, labels and options for navigation tests."""

import itertools
import json

from navigation.models import FooterImage, Label, Menu, MenuItem, SiteOptions

from .pages import SEED

_ids = itertools.count(1)


def make_menu_item(menu="main", name="Item", url="", *, parent=None, weight=0, **fields):
    """A menu item with an English name and link; pass ``name_fr=``… for translations."""
    menu_obj, _ = Menu.objects.get_or_create(slug=menu)
    return MenuItem.objects.create(
        menu=menu_obj, parent=parent, name_en=name, url_en=url, weight=weight, **fields
    )


def make_label(key, en, **translations):
    values = {f"value_{code}": text for code, text in translations.items()}
    label, _ = Label.objects.update_or_create(key=key, defaults={"value_en": en, **values})
    return label


def make_options(*, contact_email="press@example.com", footer_images=(), **fields):
    options, _ = SiteOptions.objects.update_or_create(
        pk=1, defaults={"contact_email": contact_email, **fields}
    )
    for weight, image in enumerate(footer_images):
        FooterImage.objects.create(options=options, image=image, weight=weight)
    return options


def make_items_from_navs(menu, entries, *, language="en", parent=None):
    """Menu items shaped like the old site's ``navs`` JSON (name, link, weight, items)."""
    for entry in entries:
        link = entry.get("link") or {}
        target = link.get("target")
        target = target[0] if isinstance(target, list) else target
        item = MenuItem.objects.create(
            menu=menu,
            parent=parent,
            weight=int(entry.get("weight") or 0),
            nolink=bool(entry.get("nolink")),
            target=target or MenuItem.Target.SELF,
            legacy_id=entry.get("id") or f"built-{next(_ids)}",
            **{
                f"name_{language}": (entry.get("name") or "").strip(),
                f"description_{language}": entry.get("desc") or "",
                f"url_{language}": link.get("url") or "",
            },
        )
        make_items_from_navs(menu, entry.get("items", []), language=language, parent=item)


def make_seed_like_menus():
    """The demo seed's menus: main, social, copyright and the sitemap (``sitemapNavs.main``)."""
    common = json.loads(SEED.read_text(encoding="utf-8"))["props"]["pageProps"]["query"]["common"]
    navs = {**common["navs"], "sitemap": common["sitemapNavs"]["main"]}
    for slug, entries in navs.items():
        menu, _ = Menu.objects.get_or_create(slug=slug)
        make_items_from_navs(menu, entries)
    return navs
