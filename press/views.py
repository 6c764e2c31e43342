from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, override
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from navigation.chrome import get_chrome
from navigation.i18n import best_language

from .models import Activity, PressRelease, localized


class RootRedirectView(View):
    """``/`` sends visitors to the home page in their best language."""

    def get(self, request):
        with override(best_language(request)):
            response = redirect("home")
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response


class HomeView(TemplateView):
    template_name = "press/home.html"
    latest_count = 7

    def get_context_data(self, **kwargs):
        releases = list(PressRelease.objects.published().for_listing()[: self.latest_count])
        return super().get_context_data(
            featured=releases[0] if releases else None,
            latest=releases[1:],
            activities=Activity.objects.all(),
            **kwargs,
        )


class PressReleaseListView(ListView):
    template_name = "press/list.html"
    context_object_name = "releases"
    paginate_by = 12

    def get_queryset(self):
        return PressRelease.objects.published().for_listing()


class PressReleaseDetailView(DetailView):
    template_name = "press/detail.html"
    context_object_name = "release"
    preview = False

    def get_queryset(self):
        return PressRelease.objects.published().select_related("activity", "image")

    def get_object(self, queryset=None):
        queryset = queryset if queryset is not None else self.get_queryset()
        slug_field = localized("slug", get_language())
        release = queryset.filter(**{slug_field: self.kwargs["slug"]}).first()
        if release is None and self.can_preview():
            # Staff see drafts and scheduled releases at their real address;
            # the language must still have its text.
            candidates = PressRelease.objects.available_in().select_related("activity", "image")
            release = candidates.filter(**{slug_field: self.kwargs["slug"]}).first()
            self.preview = release is not None
        if release is None:
            raise Http404("No press release with this address in this language.")
        return release

    def can_preview(self):
        user = self.request.user
        return user.is_staff and user.has_perm("press.change_pressrelease")

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.preview:
            # Never stored by the page cache or a CDN, never indexed.
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        release = self.object
        labels = get_chrome()["labels"]
        return super().get_context_data(
            preview=self.preview,
            noindex=release.noindex or self.preview,
            next_release=release.next_release(),
            alternates=release.alternate_urls(),
            # The menu marks the release's section (the list) as active.
            section_url=reverse("press:list"),
            breadcrumb=[
                (labels["breadcrumbHome"], reverse("home")),
                (labels["breadcrumbPressReleases"], reverse("press:list")),
                (release.title, None),
            ],
            **kwargs,
        )


def page_not_found(request, exception):
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with override(language):
        return render(request, "404.html", {"alternates": {}}, status=404)
