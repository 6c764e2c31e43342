"""Old addresses that answer 301: recorded when a slug changes, served when a page is missing."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import override

from .models import PressRelease, Redirect, localized

SLUG_FIELDS = [localized("slug", code) for code, _ in settings.LANGUAGES]


def remember_slugs(release):
    """Keep the stored slugs before a save, to see afterwards which ones changed."""
    if release.pk is None:
        release._stored_slugs = {}
        return
    release._stored_slugs = (
        PressRelease.objects.filter(pk=release.pk).values(*SLUG_FIELDS).first() or {}
    )


def record_slug_changes(release):
    """Point each language's old address at the new one; never leave chains or loops."""
    stored = getattr(release, "_stored_slugs", {})
    # Read by the admin to tell the writer (press.admin.PressReleaseAdmin.save_model).
    release.redirects_created = []
    for code, _ in settings.LANGUAGES:
        old_slug = stored.get(localized("slug", code)) or ""
        new_slug = getattr(release, localized("slug", code)) or ""
        if not old_slug or old_slug == new_slug:
            continue
        old_path = release_path(code, old_slug)
        new_url = release.get_absolute_url(code)
        if new_url is None:
            # The language lost its slug: nothing to point to, so the old URL stays 404.
            continue
        # The new address is live again: a redirect from it would hide the page.
        Redirect.objects.filter(old_path=new_url).delete()
        # Earlier redirects to the old address now go straight to the new one.
        Redirect.objects.filter(new_path=old_path).update(new_path=new_url)
        Redirect.objects.update_or_create(
            old_path=old_path, defaults={"language": code, "new_path": new_url}
        )
        release.redirects_created.append(old_path)
    release._stored_slugs = {field: getattr(release, field) for field in SLUG_FIELDS}


def release_path(language, slug):
    with override(language):
        return reverse("press:detail", kwargs={"slug": slug})


class RedirectFallbackMiddleware:
    """Answer a 404 with a 301 when the path has a ``Redirect`` (like contrib.redirects).

    Only missing pages pay for the lookup, so a live page always wins over a
    stale redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No stored path holds a NUL, and PostgreSQL refuses one in a query.
        if response.status_code != 404 or "\x00" in request.path:
            return response
        target = (
            Redirect.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        if query and target.startswith("/") and "?" not in target:
            target = f"{target}?{query}"
        return HttpResponsePermanentRedirect(target)
