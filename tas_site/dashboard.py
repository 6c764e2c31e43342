"""The admin index's dashboard: what is waiting, what went out, what lacks a translation.

Each panel is registered with ``register_panel`` and builds its context in a
fixed number of queries (see tests/test_dashboard.py), however many releases
there are. Panels a user may not see are skipped.
"""

from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timeuntil

from navigation import completeness
from press.models import PressRelease, PressReleaseDraft

LIST_LENGTH = 10


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    build: object  # build(request) -> dict for the template
    order: int
    permission: str


PANELS = {}


def register_panel(key, *, title, template, order, permission="press.view_pressrelease"):
    """Decorator: ``build(request)`` returns the panel's template context."""

    def decorate(build):
        PANELS[key] = Panel(key, title, template, build, order, permission)
        return build

    return decorate


def dashboard_panels(request):
    """[(panel, context)] the user may see, in order."""
    panels = sorted(PANELS.values(), key=lambda panel: panel.order)
    return [
        (panel, panel.build(request)) for panel in panels if request.user.has_perm(panel.permission)
    ]


def changelist_url(**params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    url = reverse("admin:press_pressrelease_changelist")
    return f"{url}?{query}" if query else url


def last_editor():
    """The username of whoever last saved the release in the admin (its history)."""
    history = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(PressRelease),
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-action_time", "-id")
    return Subquery(history.values("user__username")[:1])


@register_panel("drafts", title="Drafts", template="admin/dashboard/drafts.html", order=10)
def drafts(request):
    releases = (
        PressRelease.objects.filter(status=PressRelease.Status.DRAFT)
        .annotate(last_editor=last_editor())
        .order_by("-updated_at", "-id")[: LIST_LENGTH + 1]
    )
    releases = list(releases)
    return {
        "releases": releases[:LIST_LENGTH],
        "more": len(releases) > LIST_LENGTH,
        "all_url": changelist_url(state="draft"),
    }


@register_panel("scheduled", title="Scheduled", template="admin/dashboard/scheduled.html", order=20)
def scheduled(request):
    now = timezone.now()
    waiting = PressRelease.objects.scheduled().order_by("publish_at", "id")
    releases = list(waiting[: LIST_LENGTH + 1])
    for release in releases:
        release.go_live = timezone.localtime(release.publish_at, timezone.get_default_timezone())
        release.time_left = timeuntil(release.publish_at, now)
    return {
        "releases": releases[:LIST_LENGTH],
        "more": len(releases) > LIST_LENGTH,
        "all_url": changelist_url(state="scheduled"),
    }


@register_panel(
    "pending_drafts",
    title="Changes waiting on live releases",
    template="admin/dashboard/pending_drafts.html",
    order=30,
)
def pending_drafts(request):
    """Drafts of live releases: scheduled ones first, by their moment, then the newest."""
    now = timezone.now()
    waiting = PressReleaseDraft.objects.select_related("release", "saved_by").order_by(
        F("publish_at").asc(nulls_last=True), "-saved_at", "-id"
    )
    drafts = list(waiting[: LIST_LENGTH + 1])
    for draft in drafts:
        if draft.publish_at:
            draft.go_live = timezone.localtime(draft.publish_at, timezone.get_default_timezone())
            draft.time_left = timeuntil(draft.publish_at, now)
    return {"drafts": drafts[:LIST_LENGTH], "more": len(drafts) > LIST_LENGTH}


@register_panel(
    "published", title="Recently published", template="admin/dashboard/published.html", order=40
)
def published(request):
    releases = PressRelease.objects.live().order_by("-publish_at", "-id")[:LIST_LENGTH]
    return {"releases": list(releases), "all_url": changelist_url(state="published")}


@register_panel(
    "translations",
    title="Missing translations",
    template="admin/dashboard/translations.html",
    order=50,
    permission="navigation.view_label",
)
def translations(request):
    return {
        "languages": completeness.summary(),
        "board_url": reverse("admin:navigation_completeness"),
    }
