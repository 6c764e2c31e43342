"""What is missing a translation, per language: the completeness board's data."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from press.models import PressRelease, localized

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


def release_gaps(code):
    """Releases published in another language but not available in ``code``."""
    elsewhere = PressRelease.objects.none()
    for other, _ in settings.LANGUAGES:
        if other != code:
            elsewhere |= PressRelease.objects.published(other)
    missing = elsewhere.filter(blank(localized("title", code)) | blank(localized("slug", code)))
    return Gaps("Releases", missing.count(), [(str(r), admin_url(r)) for r in missing[:LIST_LIMIT]])


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


def board():
    """[(language code, name, {kind: Gaps})]: releases in every language; labels and
    menus only in the languages whose interface is translated (not "otherLang")."""
    rows = []
    for code, name in settings.LANGUAGES:
        kinds = {"releases": release_gaps(code)}
        if code in settings.ACTIVE_LANGUAGES:
            kinds["labels"] = label_gaps(code)
            kinds["menu_items"] = menu_item_gaps(code)
        rows.append((code, name, kinds))
    return rows
