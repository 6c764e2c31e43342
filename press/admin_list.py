"""The release changelist: columns that fit 1280 px, and the site's full-text search.

A mixin for ``PressReleaseAdmin`` so the change form (press/admin.py) and the
list evolve apart.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info

from .models import PressRelease
from .search import clean_query, search


class ReleaseChangeListMixin:
    # Activity is a filter, not a column: the title keeps the room beside the two sidebars.
    list_display = ["title_cell", "state_badge", "language_badges", "date_cell"]
    list_display_links = ["title_cell"]
    # Substring matches on titles and slugs; words of any field in any language come
    # from the full-text search (get_search_results).
    search_fields = ["title_en", "title_it", "title_fr", "title_es", "slug_en", "slug_it",
                     "slug_fr", "slug_es"]  # fmt: skip
    search_help_text = "Words of a title, summary or text, in any language; or part of a slug."

    @admin.display(description="title", ordering="title")
    def title_cell(self, obj):
        title = str(obj)
        # Cut to one line by the stylesheet; the full title shows on hover.
        return format_html('<span class="release-title" title="{}">{}</span>', title, title)

    @admin.display(description="state", ordering="status")
    def state_badge(self, obj):
        state = obj.state
        badge = format_html(
            '<span class="state-badge state-badge--{}">{}</span>', state, state.label
        )
        if state != PressRelease.State.SCHEDULED:
            return badge
        at = timezone.localtime(obj.publish_at, timezone.get_default_timezone())
        return format_html(
            '{} <time class="state-time" datetime="{}" title="Paris time">{}</time>',
            badge,
            obj.publish_at.isoformat(),
            f"{at:%d %b %H:%M}",
        )

    @admin.display(description="languages")
    def language_badges(self, obj):
        present = set(obj.languages())
        codes = [code for code in settings.ACTIVE_LANGUAGES]
        codes += [code for code, _ in settings.LANGUAGES if code in present and code not in codes]
        return format_html(
            '<span class="lang-badges">{}</span>',
            format_html_join(
                "",
                '<span class="lang-badge lang-badge--{}" title="{}: {}">{}'
                '<span class="visually-hidden"> ({})</span></span>',
                (
                    (
                        "present" if code in present else "missing",
                        get_language_info(code)["name"],
                        "present" if code in present else "missing",
                        code.upper(),
                        "present" if code in present else "missing",
                    )
                    for code in codes
                ),
            ),
        )

    @admin.display(description="date", ordering="date")
    def date_cell(self, obj):
        return format_html(
            '<time datetime="{}">{}</time>',
            obj.date.isoformat(),
            timezone.localtime(obj.date).strftime("%d %b %Y"),
        )

    def get_search_results(self, request, queryset, search_term):
        query = clean_query(search_term)
        if not query:
            return queryset, False
        by_slug_or_title, _ = super().get_search_results(
            request, PressRelease.objects.all(), search_term
        )
        everywhere = PressRelease.objects.all()
        matches = [Q(pk__in=by_slug_or_title.values("pk"))] + [
            Q(pk__in=search(everywhere, query, code).values("pk")) for code, _ in settings.LANGUAGES
        ]
        return queryset.filter(reduce(or_, matches)), False
