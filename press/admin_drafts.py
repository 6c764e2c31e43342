"""The release admin's drafts: prepare changes to a live release, publish them later.

On a live release the change form offers "Save draft": the edits are stored
aside (``press.drafts``) and visitors keep the live version. While a draft
is pending the form shows it (by whom, when, scheduled or not) and edits it;
"Publish changes" makes it live and needs the publish permission, as does
any other save of the form meanwhile; "Discard draft" drops it after a
confirmation; "Schedule" sets the moment it goes live by itself.
"""

from datetime import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from . import drafts, versions
from .admin_pages import admin_url, object_paths
from .admin_versions import keep_unchanged_moments
from .models import PressRelease

SAVE_DRAFT, PUBLISH_DRAFT = "_save_draft", "_publish_draft"


class DraftScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish the draft at",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Paris time. Leave empty to publish the draft by hand.",
    )

    def clean_publish_at(self):
        at = self.cleaned_data["publish_at"]
        if at is not None and at <= timezone.now():
            raise forms.ValidationError(
                "Choose a moment in the future, or publish the changes now from the form."
            )
        return at


class DraftAdminMixin:
    def get_urls(self):
        return [
            *object_paths(
                self,
                ("draft/discard/", self.discard_draft_view, "discard_draft"),
                ("draft/schedule/", self.schedule_draft_view, "schedule_draft"),
            ),
            *super().get_urls(),
        ]

    def _draft_url(self, name, pk):
        return admin_url(self, name, pk)

    # The change form ---------------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        release = super().get_object(request, object_id, from_field)
        draft = getattr(request, "_press_draft", None)
        if release is not None and draft is not None and draft.release_id == release.pk:
            # The form edits the draft, not the live row.
            drafts.with_draft(release, draft)
        return release

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Read before the draft is set on the request: the live row, or None for a bad id.
        release = self.get_object(request, unquote(object_id))
        draft = drafts.pending(release)
        can_publish = self.has_publish_permission(request, release)
        # Any save of the form but "Save draft" publishes the draft's content.
        publishes = PUBLISH_DRAFT in request.POST or (draft and SAVE_DRAFT not in request.POST)
        if request.method == "POST" and publishes and not can_publish:
            raise PermissionDenied("Publishing a draft needs the publish permission.")
        request._press_draft = draft
        live = release is not None and release.state == release.State.PUBLISHED
        offer = draft is not None or live
        context = {
            "draft_offered": offer,
            "pending_draft": draft,
            "can_publish_draft": can_publish,
        }
        if draft is not None:
            context.update(
                # The plain save buttons would publish the draft; the draft has its own.
                show_save=False,
                show_save_and_continue=False,
                show_save_and_add_another=False,
                draft_compare_url=self._draft_url("compare", release.pk) + "?from=live&to=draft",
                draft_discard_url=self._draft_url("discard_draft", release.pk),
                draft_schedule_url=self._draft_url("schedule_draft", release.pk),
            )
        return super().changeform_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if getattr(request, "_press_draft", None) is not None:
            # A draft holds content; publishing it keeps the release's status and time.
            readonly += [name for name in versions.PUBLISHING if name not in readonly]
        return readonly

    def save_model(self, request, obj, form, change):
        if change and SAVE_DRAFT in request.POST:
            keep_unchanged_moments(obj, form)
            request._press_draft_saved = self._save_draft(request, obj)
            return
        draft = getattr(request, "_press_draft", None)
        super().save_model(request, obj, form, change)
        if change and draft is not None:
            # The form held the draft's content: it is live now.
            versions.set_comment(drafts.publish_comment(draft))
            drafts.discard(obj)

    def _save_draft(self, request, release):
        live = PressRelease.objects.get(pk=release.pk)
        if any(getattr(live, name) != getattr(release, name) for name in versions.PUBLISHING):
            self.message_user(
                request,
                "A draft keeps content only: the status and publish time were not changed. "
                "Publish or unpublish the release itself to change them.",
                messages.WARNING,
            )
        release.prepare_text()
        if not versions.changes(versions.values_of(live), versions.values_of(release)):
            drafts.discard(release)
            return False
        drafts.save_draft(release, request.user)
        return True

    def log_change(self, request, obj, message):
        if SAVE_DRAFT in request.POST:
            message = "Saved a draft (not published)."
        elif PUBLISH_DRAFT in request.POST:
            message = "Published the pending draft."
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        change_url = self._draft_url("change", obj.pk)
        if SAVE_DRAFT in request.POST:
            if getattr(request, "_press_draft_saved", False):
                self.message_user(
                    request,
                    "Draft saved. Visitors still see the published version until the changes "
                    "are published.",
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request, "Nothing differs from the live release: no draft kept.", messages.INFO
                )
            return HttpResponseRedirect(change_url)
        if PUBLISH_DRAFT in request.POST:
            self.message_user(request, "The changes are live.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return super().response_change(request, obj)

    # Discard and schedule ----------------------------------------------------------------

    def _release_with_draft(self, request, object_id):
        release = self.get_object(request, unquote(object_id))
        if release is None:
            raise Http404("No such press release.")
        if not self.has_change_permission(request, release):
            raise PermissionDenied
        return release, drafts.pending(release)

    def discard_draft_view(self, request, object_id):
        release, draft = self._release_with_draft(request, object_id)
        change_url = self._draft_url("change", release.pk)
        if draft is None:
            self.message_user(request, "This release has no pending draft.", messages.INFO)
            return HttpResponseRedirect(change_url)
        if request.method == "POST":
            drafts.discard(release)
            super().log_change(request, release, "Discarded the pending draft.")
            self.message_user(request, "Draft discarded.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return self._draft_page(request, release, draft, "draft_discard.html", "Discard the draft")

    def schedule_draft_view(self, request, object_id):
        release, draft = self._release_with_draft(request, object_id)
        change_url = self._draft_url("change", release.pk)
        if not self.has_publish_permission(request, release):
            raise PermissionDenied("Scheduling a draft needs the publish permission.")
        if draft is None:
            self.message_user(request, "This release has no pending draft.", messages.INFO)
            return HttpResponseRedirect(change_url)
        initial = {"publish_at": _local(draft.publish_at)}
        form = DraftScheduleForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            at = form.cleaned_data["publish_at"]
            drafts.schedule(draft, at, request.user)
            if at:
                when = versions.format_moment(at)
                super().log_change(request, release, f"Scheduled the draft for {when}.")
                self.message_user(request, f"The draft goes live on {when}.", messages.SUCCESS)
            else:
                super().log_change(request, release, "Unscheduled the draft.")
                self.message_user(request, "The draft is no longer scheduled.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return self._draft_page(
            request, release, draft, "draft_schedule.html", "Schedule the draft", form=form
        )

    def _draft_page(self, request, release, draft, template, title, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": release,
            "pending_draft": draft,
            "title": f"{title} of “{release}”",
            "change_url": self._draft_url("change", release.pk),
            **extra,
        }
        return TemplateResponse(request, f"admin/press/pressrelease/{template}", context)


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if isinstance(moment, datetime) else None
