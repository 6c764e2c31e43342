"""The release admin's versions: who saved what, compare any two versions, restore one.

Every POST of the change form is one version (``press.versions.recording``);
the history page lists the versions with what changed in plain words; the
compare page shows the differences field by field and language by language,
with a word-level diff of texts; restoring saves the old content as a new
version through the normal save path.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from . import diffs, drafts, versions
from .admin_pages import admin_url, object_paths
from .models import localized

HISTORY_LIMIT = 200
TEXT_FIELDS = {
    localized(name, code)
    for name in ("title", "description", "body", "image_caption")
    for code, _ in settings.LANGUAGES
}


class VersionsAdminMixin:
    object_history_template = "admin/press/pressrelease/object_history.html"

    def get_urls(self):
        return [
            *object_paths(
                self,
                ("history/compare/", self.compare_view, "compare"),
                ("history/<int:version_id>/restore/", self.restore_view, "restore"),
            ),
            *super().get_urls(),
        ]

    # Recording ---------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with versions.recording(request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        versions.set_comment("Edited in the admin" if change else "Created in the admin")
        keep_unchanged_moments(obj, form)
        super().save_model(request, obj, form, change)

    # History -----------------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        release = self.get_object(request, unquote(object_id))
        context = {}
        if release is not None and self.has_view_or_change_permission(request, release):
            context = self.history_context(request, release)
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    def history_context(self, request, release):
        found = list(versions.versions_of(release)[:HISTORY_LIMIT])
        values = [_safe_values(version) for version in found]
        rows = []
        for index, version in enumerate(found):
            older = values[index + 1] if index + 1 < len(values) else None
            if values[index] is None:
                summary = "This version can no longer be read."
            elif older is None:
                summary = "First recorded version."
            else:
                summary = versions.summary(versions.changes(older, values[index])) or "No change."
            rows.append(
                {
                    "version": version,
                    "summary": summary,
                    "restore_url": self._url("restore", release.pk, version.pk)
                    if index and values[index] is not None
                    else None,
                }
            )
        draft = drafts.pending(release)
        return {
            "version_rows": rows,
            "pending_draft": draft,
            "compare_url": self._url("compare", release.pk),
            "can_restore": self.has_change_permission(request, release),
        }

    def _url(self, name, *args):
        return admin_url(self, name, *args)

    # Compare -----------------------------------------------------------------------------

    def compare_view(self, request, object_id):
        release = self._release_or_404(request, object_id, change=False)
        found = list(versions.versions_of(release)[:2])
        default_to = str(found[0].pk) if found else "live"
        default_from = str(found[1].pk) if len(found) > 1 else default_to
        side_a = self._side(release, request.GET.get("from") or default_from)
        side_b = self._side(release, request.GET.get("to") or default_to)
        context = {
            **self.admin_site.each_context(request),
            **self.compare_context(side_a, side_b),
            "opts": self.opts,
            "original": release,
            "title": f"Compare versions of “{release}”",
            "history_url": self._url("history", release.pk),
        }
        return TemplateResponse(request, "admin/press/pressrelease/compare.html", context)

    def _release_or_404(self, request, object_id, *, change):
        release = self.get_object(request, unquote(object_id))
        if release is None:
            raise Http404("No such press release.")
        allowed = (
            self.has_change_permission(request, release)
            if change
            else self.has_view_or_change_permission(request, release)
        )
        if not allowed:
            raise PermissionDenied
        return release

    def _side(self, release, key):
        """(label, values) of a version id, "live" or "draft"."""
        if key == "live":
            return "The live release", versions.values_of(release)
        if key == "draft":
            draft = drafts.pending(release)
            if draft is None:
                raise Http404("This release has no pending draft.")
            saved = versions.format_moment(draft.saved_at)
            values = {**versions.values_of(release), **drafts.values(draft)}
            return f"Pending draft ({drafts.display_name(draft.saved_by)}, {saved})", values
        if not key.isdigit():
            raise Http404("Unknown version.")
        version = versions.versions_of(release).filter(pk=int(key)).first()
        values = _safe_values(version) if version else None
        if values is None:
            raise Http404("No such version of this release.")
        return version_label(version), values

    def compare_context(self, side_a, side_b):
        (label_a, old), (label_b, new) = side_a, side_b
        sections = []
        for group, fields in versions.groups():
            rows = [self._compare_row(name, label, old.get(name), new.get(name))
                    for name, label in fields]  # fmt: skip
            if all(not row["before"] and not row["after"] for row in rows):
                continue  # a language neither version has
            changed = [row for row in rows if row["changed"]]
            unchanged = [row for row in rows if not row["changed"]]
            sections.append({"title": group, "changed": changed, "unchanged": unchanged})
        return {
            "label_from": label_a,
            "label_to": label_b,
            "sections": sections,
            "changed_sections": [s for s in sections if s["changed"]],
            "unchanged_sections": [s for s in sections if not s["changed"]],
        }

    def _compare_row(self, name, label, before, after):
        changed = versions.normalised(before) != versions.normalised(after)
        row = {
            "label": label,
            "changed": changed,
            "before": before not in (None, ""),
            "after": after not in (None, ""),
            "old": versions.display(name, before),
            "new": versions.display(name, after),
            "diff": None,
            "markup_only": False,
        }
        if name in TEXT_FIELDS:
            is_body = name.startswith("body_")
            row["diff"] = diffs.word_diff(before or "", after or "", html=is_body)
            row["markup_only"] = is_body and diffs.only_markup_changed(before, after)
        return row

    # Restore -----------------------------------------------------------------------------

    def restore_view(self, request, object_id, version_id):
        release = self._release_or_404(request, object_id, change=True)
        version = get_object_or_404(versions.versions_of(release), pk=version_id)
        if _safe_values(version) is None:
            raise Http404("This version can no longer be read.")
        history_url = self._url("history", release.pk)
        problems = versions.check_restorable(release, version)
        if request.method == "POST" and not problems:
            try:
                versions.restore(release, version, user=request.user)
            except ValidationError as error:
                problems = error.messages
            else:
                self.log_change(request, release, f"Restored {version_label(version)}.")
                messages.success(
                    request,
                    f"Restored {version_label(version)} as a new version. "
                    "The version it replaced is kept in the history.",
                )
                return HttpResponseRedirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            **self.compare_context(
                ("The live release", versions.values_of(release)),
                (version_label(version), versions.version_values(version)),
            ),
            "opts": self.opts,
            "original": release,
            "version": version,
            "version_label": version_label(version),
            "problems": problems,
            "pending_draft": drafts.pending(release),
            "history_url": history_url,
            "title": f"Restore a version of “{release}”",
        }
        return TemplateResponse(request, "admin/press/pressrelease/restore.html", context)


def keep_unchanged_moments(release, form):
    """The admin shows moments to the second: one posted back untouched is not a change."""
    for name in ("date", "publish_at"):
        stored, posted = form.initial.get(name), getattr(release, name)
        if stored and posted and posted == stored.replace(microsecond=0):
            setattr(release, name, stored)


def version_label(version):
    revision = version.revision
    who = drafts.display_name(revision.user) if revision.user_id else "the system"
    return f"the version of {versions.format_moment(revision.date_created)} by {who}"


def _safe_values(version):
    """A version's values, or None if it cannot be read any more (fields since removed)."""
    try:
        return versions.version_values(version)
    except Exception:  # noqa: BLE001 (an unreadable old version must not break the history)
        return None
