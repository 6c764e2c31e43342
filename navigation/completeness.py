"""What is missing a translation, per language: the completeness board's data."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from .models import Label, MenuItem

LIST_LIMIT = 200  # per kind and language; the count says how many there are in all


def blank(name):
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


@dataclass
class Gaps:
    """The objects of one kind lacking a translation in one language."""

    title: str
    count: int = 0
    rows: list = field(default_factory=list)  # (text, admin change URL)


def admin_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def label_gaps(code):
    missing = Label.objects.filter(blank(f"value_{code}")).order_by("key")
    return Gaps(
        "Labels", missing.count(), [(label.key, admin_url(label)) for label in missing[:LIST_LIMIT]]
    )


def menu_item_gaps(code):
    missing = (
        MenuItem.objects.filter(blank(f"name_{code}") | (Q(nolink=False) & blank(f"url_{code}")))
        .select_related("menu")
        .order_by("menu__slug", "weight", "id")
    )
    return Gaps(
        "Menu items",
        missing.count(),
        [
            (f"{item.menu}: {item.name_en or item}", admin_url(item))
            for item in missing[:LIST_LIMIT]
        ],
    )


# {kind: (order, finder(code) -> Gaps, every_language)}. Labels and menus are
# navigation's own; an app above registers its content (press: releases).
KINDS = {}


def register(kind, finder, *, order, every_language=False):
    """Add a kind of content to the board. ``every_language``: also list gaps in the
    languages whose interface is not translated ("otherLang")."""
    KINDS[kind] = (order, finder, every_language)


def board():
    """[(language code, name, {kind: Gaps})]: every kind in the languages whose
    interface is translated; kinds registered for every language in all of them."""
    kinds = sorted(KINDS.items(), key=lambda entry: entry[1][0])
    rows = []
    for code, name in settings.LANGUAGES:
        active = code in settings.ACTIVE_LANGUAGES
        gaps = {kind: finder(code) for kind, (_, finder, every) in kinds if every or active}
        rows.append((code, name, gaps))
    return rows


register("labels", label_gaps, order=20)
register("menu_items", menu_item_gaps, order=30)
