"""Confirmation before live releases go offline, from the list action or from the change form.

Like Django's delete confirmation: an intermediate page lists what visitors
will stop seeing, and only a second POST (with the confirmation flag) acts.
"""

from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from .models import PressRelease

CONFIRM_FIELD = "_confirm_unpublish"


def _offline_rows(releases):
    return [(release, list(release.alternate_urls().values())) for release in releases]


def _page(model_admin, request, context):
    return TemplateResponse(
        request,
        "admin/press/pressrelease/unpublish_confirmation.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Take live releases offline?",
            "subtitle": None,
            **context,
        },
    )


def confirm_unpublish_action(model_admin, request, queryset):
    """The confirmation page for the "Unpublish" action, or None once confirmed."""
    if request.POST.get("post") == "yes":
        return None
    live = [release for release in queryset if release.state == PressRelease.State.PUBLISHED]
    if not live:
        return None
    return _page(
        model_admin,
        request,
        {
            "rows": _offline_rows(live),
            "selected": [release.pk for release in queryset],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "from_action": True,
        },
    )


def confirm_unpublish_in_form(model_admin, request, object_id):
    """The confirmation page when a change form turns a live release to unpublished."""
    if request.method != "POST" or object_id is None or CONFIRM_FIELD in request.POST:
        return None
    if request.POST.get("status") != PressRelease.Status.UNPUBLISHED:
        return None
    release = model_admin.get_object(request, object_id)
    if release is None or release.state != PressRelease.State.PUBLISHED:
        return None
    if not model_admin.has_publish_permission(request, release):
        return None  # the status field is read-only for them: nothing would change
    # Everything the form sent goes back with the confirmation, so no typing is lost.
    posted = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    return _page(
        model_admin,
        request,
        {
            "rows": _offline_rows([release]),
            "posted": posted,
            "confirm_field": CONFIRM_FIELD,
            "lost_files": bool(request.FILES),
            "back_url": request.get_full_path(),
        },
    )
