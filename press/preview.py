"""Preview before saving: the change form's unsaved content, rendered with the public template.

The form is posted here (``formaction``, new tab) instead of to the change
view. It is validated like a save would be, then only rendered: the release
is never saved, no redirect, image or log entry is written, and the page is
``noindex``, ``private, no-store`` (so the page cache never keeps it).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import override

from navigation.chrome import get_chrome

from .views import press_section


def preview_language(request):
    language = request.GET.get("language") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def preview_release(model_admin, request, object_id=None):
    """``POST`` the change (or add) form here to see it as a visitor would, unsaved."""
    if request.method != "POST":
        raise Http404("Preview the form with its Preview button.")
    release = None
    if object_id is not None:
        release = model_admin.get_object(request, object_id)
        if release is None:
            raise Http404("No such press release.")
        allowed = model_admin.has_change_permission(request, release)
    else:
        allowed = model_admin.has_add_permission(request)
    if not allowed:
        raise PermissionDenied
    form_class = model_admin.get_form(request, release, change=release is not None)
    form = form_class(request.POST, request.FILES, instance=release)
    language = preview_language(request)
    with override(language):
        if form.is_valid():
            response = _render_release(request, form, language)
        else:
            response = render(
                request,
                "admin/press/pressrelease/preview_errors.html",
                {"form": form, "title": "Preview: the form has errors"},
            )
    # Never stored by the page cache or a CDN, never indexed.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _render_release(request, form, language):
    release = form.instance  # filled in by validation, never saved
    # A new release has no timestamps yet; the page's metadata shows "now".
    release.created_at = release.created_at or timezone.now()
    release.updated_at = timezone.now()
    labels = get_chrome(request=request)["labels"]
    context = {
        "release": release,
        "preview_unsaved": True,
        "cleaning_messages": form.cleaning_messages(),
        "noindex": True,
        # The "next release" of an unsaved release is not known yet.
        "next_release": release.next_release() if release.pk else None,
        "alternates": release.alternate_urls(),
        "preview_language": language,
        **press_section(labels, release.title),
    }
    return render(request, "press/detail.html", context)
