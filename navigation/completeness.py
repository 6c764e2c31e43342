"""What is missing a translation, per language: the completeness board's data.

Each kind of content (labels and menu items here; releases registered by press)
gives a finder (the gaps of one language, each naming its missing fields with a
link straight to the field) and a counter (how many gaps per language, in one
query, for the dashboard).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse

from .models import Label, MenuItem

LIST_LIMIT = 200  # per kind and language; the count says how many there are in all


def blank(name):
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


def is_blank(obj, name):
    return not (getattr(obj, name) or "").strip()


@dataclass
class Gap:
    """One object lacking a translation: what it is, its English text, what to fill in."""

    item: str
    english: str
    fields: list = field(default_factory=list)  # (field name as shown, URL of the field)

    @property
    def url(self):
        return self.fields[0][1] if self.fields else ""


@dataclass
class Gaps:
    """The objects of one kind lacking a translation in one language."""

    title: str
    count: int = 0
    rows: list = field(default_factory=list)  # [Gap]


def admin_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def field_url(obj, name, code):
    """The change page scrolled to the field (the admin's script opens its language tab)."""
    return f"{admin_url(obj)}#id_{name}_{code}"


def missing_fields(obj, code, names):
    """[(shown name, field URL)] for the fields of ``names`` ({field: shown name}) left blank."""
    return [
        (shown, field_url(obj, name, code))
        for name, shown in names.items()
        if is_blank(obj, f"{name}_{code}")
    ]


def count_per_language(queryset, condition, codes):
    """{code: count} in one query: ``condition(code)`` selects the gaps of a language."""
    counts = queryset.aggregate(**{code: Count("pk", filter=condition(code)) for code in codes})
    return {code: counts[code] for code in codes}


# --- Labels ------------------------------------------------------------------


def _label_missing(code):
    return blank(f"value_{code}")


def label_gaps(code):
    missing = Label.objects.filter(_label_missing(code)).order_by("key")
    rows = [
        Gap(label.key, label.value_en, missing_fields(label, code, {"value": "text"}))
        for label in missing[:LIST_LIMIT]
    ]
    return Gaps("Labels", missing.count(), rows)


def label_counts(codes):
    return count_per_language(Label.objects.all(), _label_missing, codes)


# --- Menu items --------------------------------------------------------------


def _menu_item_missing(code):
    # A name without a link counts: the link would fall back to the English page.
    return blank(f"name_{code}") | (Q(nolink=False) & blank(f"url_{code}"))


def menu_item_gaps(code):
    missing = (
        MenuItem.objects.filter(_menu_item_missing(code))
        .select_related("menu", "parent")
        .order_by("menu__slug", "parent__weight", "weight", "id")
    )
    rows = []
    for item in missing[:LIST_LIMIT]:
        names = {"name": "name"} if item.nolink else {"name": "name", "url": "link"}
        place = f"{item.menu} › {item.parent.name_en}" if item.parent_id else str(item.menu)
        english = item.name_en or item.url_en or f"Menu item #{item.pk}"
        rows.append(Gap(place, english, missing_fields(item, code, names)))
    return Gaps("Menu items", missing.count(), rows)


def menu_item_counts(codes):
    return count_per_language(MenuItem.objects.all(), _menu_item_missing, codes)


# --- The board ---------------------------------------------------------------


@dataclass
class Kind:
    title: str
    order: int
    finder: object  # finder(code) -> Gaps
    counter: object  # counter(codes) -> {code: count}, one query
    every_language: bool = False


# {kind: Kind}. Labels and menus are navigation's own; an app above registers its
# content (press: releases).
KINDS = {}


def register(kind, finder, *, title, order, counter, every_language=False):
    """Add a kind of content to the board. ``every_language``: also list gaps in the
    languages whose interface is not translated ("otherLang") when those are shown."""
    KINDS[kind] = Kind(title, order, finder, counter, every_language)


def _kinds():
    return sorted(KINDS.items(), key=lambda entry: entry[1].order)


def board_languages(include_inactive=False):
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if include_inactive or code in settings.ACTIVE_LANGUAGES
    ]


def board(include_inactive=False):
    """[(language code, name, active, {kind: Gaps})]. Inactive languages (Spanish) only
    when asked, and then only for kinds registered for every language."""
    rows = []
    for code, name in board_languages(include_inactive):
        active = code in settings.ACTIVE_LANGUAGES
        gaps = {
            kind: entry.finder(code) for kind, entry in _kinds() if entry.every_language or active
        }
        rows.append((code, name, active, gaps))
    return rows


def summary(codes=None):
    """[(code, name, [(kind title, count)])] for ``codes`` (the active languages), one
    query per kind whatever the number of languages or objects."""
    codes = list(codes or settings.ACTIVE_LANGUAGES)
    counts = [(entry.title, entry.counter(codes)) for _, entry in _kinds()]
    names = dict(settings.LANGUAGES)
    return [
        (code, names[code], [(title, per_code[code]) for title, per_code in counts])
        for code in codes
    ]


register("labels", label_gaps, title="Labels", order=20, counter=label_counts)
register("menu_items", menu_item_gaps, title="Menu items", order=30, counter=menu_item_counts)
