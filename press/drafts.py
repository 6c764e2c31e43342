"""Draft changes to a live release: saved aside, published by hand or at their moment.

A draft is a ``PressReleaseDraft`` row holding the edited field values;
public pages never read it, so visitors keep seeing the ``PressRelease`` row
through ``published()``. Publishing writes the values onto the release with
``save()`` (cleaning, redirects for changed slugs, page-cache purge, a new
version) and deletes the draft.

A scheduled draft goes live with no cron job and no worker, the way a
scheduled release does: the first request after its moment applies it
(``DueDraftsMiddleware``). The moment of the next due draft is kept in the
cache, so a request costs no query until then; several processes may race
for a due draft, ``select_for_update(skip_locked=True)`` and deleting the row
first make only one of them apply it. If applying fails, the error is logged
and stored on the draft (staff see it on the form), and the visitor gets the
live version.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from . import versions
from .models import PressRelease, PressReleaseDraft

logger = logging.getLogger(__name__)

NEXT_DUE_KEY = "press:drafts:next-due"
# How long a process trusts its own answer when the shared cache has lost it.
NEXT_DUE_SECONDS = 60
NONE = "none"
_memo = {"at": None, "until": float("-inf")}


def pending(release):
    """The release's draft, or None."""
    if release is None or release.pk is None:
        return None
    return PressReleaseDraft.objects.filter(release=release).select_related("saved_by").first()


def values(draft):
    return versions.deserialize(draft.serialized_data)


def with_draft(release, draft):
    """``release`` in memory with the draft's content (for the form and the compare page)."""
    return versions.apply_values(release, values(draft))


def save_draft(release, user):
    """Store ``release``'s in-memory content as its draft; the row is left as it is."""
    _commit_files(release)
    release.prepare_text()
    data = versions.serialize(release, fields=versions.CONTENT_FIELDS)
    draft, _ = PressReleaseDraft.objects.update_or_create(
        release_id=release.pk,
        defaults={"serialized_data": data, "saved_by": user, "failure": ""},
    )
    return draft


def _commit_files(release):
    # A file uploaded with the draft is written to storage now (as a save would).
    for field in release._meta.get_fields():
        if hasattr(field, "storage") and hasattr(field, "pre_save"):
            field.pre_save(release, add=False)


def schedule(draft, at, user):
    draft.publish_at = at
    draft.scheduled_by = user if at else None
    draft.failure = ""
    draft.save(update_fields=["publish_at", "scheduled_by", "failure"])


def discard(release):
    PressReleaseDraft.objects.filter(release=release).delete()


def publish(draft, *, user, comment):
    """Make the draft's content live as a new version; delete the draft.

    Returns None when another process published it first (or it was edited
    since it was read). Raises ``ValidationError`` (a slug taken meanwhile)
    and leaves everything as it was.
    """
    with transaction.atomic():
        # Claim the draft first: of two processes, only the one that deletes it goes on.
        claimed, _ = PressReleaseDraft.objects.filter(pk=draft.pk, saved_at=draft.saved_at).delete()
        if not claimed:
            return None
        release = PressRelease.objects.select_for_update().get(pk=draft.release_id)
        versions.apply_values(release, values(draft))
        release.validate_constraints()
        with versions.recording(user, comment):
            release.save()
    return release


def publish_comment(draft):
    who = display_name(draft.saved_by)
    return f"Published the draft saved by {who} on {versions.format_moment(draft.saved_at)}"


def display_name(user):
    if user is None:
        return "someone"
    return user.get_full_name() or user.get_username()


def apply_due(now=None):
    """Publish every draft whose moment has come; return how many went live."""
    now = now or timezone.now()
    applied = 0
    with transaction.atomic():
        due = (
            PressReleaseDraft.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("scheduled_by")
            .order_by("publish_at", "pk")
        )
        for draft in list(due):
            try:
                with transaction.atomic():
                    who = display_name(draft.scheduled_by)
                    comment = f"Scheduled draft went live (scheduled by {who})"
                    if publish(draft, user=draft.scheduled_by, comment=comment):
                        applied += 1
            except Exception as error:  # any failure: logged, kept on the draft, page served
                logger.exception("Draft of release #%s could not go live", draft.release_id)
                failure = "; ".join(getattr(error, "messages", None) or [str(error)])
                PressReleaseDraft.objects.filter(pk=draft.pk).update(
                    failure=f"Could not go live at its moment: {failure}"[:2000]
                )
    return applied


def next_due_at():
    """The moment (timestamp) of the next scheduled draft, or None; usually without a query.

    The shared cache holds it for every process, rewritten whenever a draft
    changes. When the cache has lost it (flushed, evicted, down), the
    process's own last answer serves for up to ``NEXT_DUE_SECONDS``; only then
    is the database asked.
    """
    try:
        found = cache.get(NEXT_DUE_KEY)
    except Exception:  # a cache outage costs at most a query per interval, never a page
        logger.warning("Cache unavailable; using this process's last draft moment")
        found = None
    if found is not None:
        at = None if found == NONE else found
        _remember(at)
        return at
    if _memo["until"] > time.monotonic():
        return _memo["at"]
    return refresh_next_due()


def refresh_next_due():
    """Read the next draft moment from the database and share it."""
    at = (
        PressReleaseDraft.objects.scheduled()
        .order_by("publish_at")
        .values_list("publish_at", flat=True)[:1]
    )
    at = at[0].timestamp() if at else None
    _remember(at)
    try:
        cache.set(NEXT_DUE_KEY, NONE if at is None else at, None)
    except Exception:
        logger.warning("Could not share the next draft moment")
    return at


def _remember(at):
    _memo.update(at=at, until=time.monotonic() + NEXT_DUE_SECONDS)


def assume_none_due():
    """For a process that knows no draft is scheduled and that every draft change will
    happen in it (a fresh test database): trusted until a draft changes here."""
    _memo.update(at=None, until=float("inf"))


def _draft_changed(**kwargs):
    # Now for this process (and its transaction), and again after commit for the others.
    refresh_next_due()
    transaction.on_commit(refresh_next_due)


def connect_signals():
    for signal in (post_save, post_delete):
        signal.connect(_draft_changed, sender=PressReleaseDraft, dispatch_uid="press_draft_due")


def apply_if_due():
    """What every request does first: nothing (no query) until a draft's moment has come."""
    try:
        at = next_due_at()
        if at is None or at > timezone.now().timestamp():
            return
        apply_due()
        refresh_next_due()
    except Exception:  # the visitor gets the live version; staff see the failure on the draft
        logger.exception("Applying due drafts failed")


class DueDraftsMiddleware:
    """Place after the page cache: a cached page expires at a draft's moment by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        apply_if_due()
        return self.get_response(request)
