from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, override
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from navigation.chrome import get_chrome
from navigation.i18n import best_language

from .forms import ReleaseFilterForm, SiteSearchForm
from .models import Activity, PressRelease
from .search import attach_snippets


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


class QueryPageMixin:
    """A list driven by GET parameters: an unusable ``?page=`` shows the nearest page with
    a notice instead of a 404, and page links keep the usable parameters."""

    form = None
    # Query parameters whose values are free text: a page per value is not worth sharing.
    free_text_params = ()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        raw = self.request.GET.get(self.page_kwarg) or 1
        try:
            paginator.validate_number(raw)
            self.page_is_valid = True
        except InvalidPage:
            self.page_is_valid = False
        page = paginator.get_page(raw)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # paginates
        page = context["page_obj"]
        labels = get_chrome(request=self.request)["labels"]
        notices = self.form.notices if self.form is not None else []
        if not self.page_is_valid:
            notices.append("invalidPageMessage")
        query = self.form.query_string() if self.form is not None else ""
        self.shareable = not notices and not any(
            self.request.GET.get(name, "").strip() for name in self.free_text_params
        )
        context.update(
            form=self.form,
            notices=[labels[key] for key in notices],
            query_prefix=f"{query}&" if query else "",
            page_range=list(
                page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            ),
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.shareable:
            # Kept out of the page cache and shared caches: searches and junk values
            # are unbounded, and would fill the cache one page each.
            patch_cache_control(response, private=True)
        return response


class PressReleaseListView(QueryPageMixin, ListView):
    template_name = "press/list.html"
    context_object_name = "releases"
    paginate_by = 12
    # What the page cache keys this page by (tas_site.page_cache).
    page_cache_params = ("activity", "from", "to", "q", "page")
    free_text_params = ("q",)

    def get_queryset(self):
        self.form = ReleaseFilterForm(self.request.GET, activities=Activity.objects.all())
        return self.form.filter(PressRelease.objects.published().for_listing(), get_language())


class SearchView(QueryPageMixin, ListView):
    """Site search: ``/<lang>/search?key=...&category=press-releases``."""

    template_name = "press/search.html"
    context_object_name = "results"
    paginate_by = 10
    page_cache_params = ("key", "category", "page")
    free_text_params = ("key",)

    def get_queryset(self):
        self.form = SiteSearchForm(self.request.GET)
        if not self.form.searches_releases:
            return PressRelease.objects.none()
        return PressRelease.objects.published().for_listing().search(self.form.key_value)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        page.object_list = attach_snippets(page.object_list, self.form.key_value, get_language())
        labels = get_chrome(request=self.request)["labels"]
        category = self.form.category_value
        category_label = SiteSearchForm.CATEGORY_LABELS.get(category)
        context.update(
            results=page.object_list,
            key=self.form.key_value,
            category=category,
            page_title=labels.format(
                "pageSearchTitleResults",
                key=self.form.key_value,
                category=labels[category_label] if category_label else category,
            )
            if self.form.key_value
            else labels["pageSearchTitle"],
        )
        return context


def press_section(labels, title):
    """Context of a page inside Press Releases: its breadcrumb, and the section the menu
    marks as active (the list)."""
    press_list = reverse("press:list")
    return {
        "breadcrumb": [
            (labels["breadcrumbHome"], reverse("home")),
            (labels["breadcrumbPressReleases"], press_list),
            (title, None),
        ],
        "section_url": press_list,
    }


class GalleryView(QueryPageMixin, ListView):
    """The images of published releases, newest first, each linking to its release."""

    template_name = "press/gallery.html"
    context_object_name = "releases"
    paginate_by = 24
    page_cache_params = ("page",)

    def get_queryset(self):
        return (
            PressRelease.objects.published()
            .filter(image__isnull=False)
            .select_related("image")
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        labels = get_chrome(request=self.request)["labels"]
        return super().get_context_data(**press_section(labels, labels["galleryLabel"]), **kwargs)


class PressReleaseDetailView(DetailView):
    template_name = "press/detail.html"
    context_object_name = "release"
    preview = False

    def get_queryset(self):
        return PressRelease.objects.published().select_related("activity", "image")

    def get_object(self, queryset=None):
        queryset = queryset if queryset is not None else self.get_queryset()
        release = queryset.with_slug(self.kwargs["slug"]).first()
        if release is None and self.can_preview():
            # Staff see drafts and scheduled releases at their real address;
            # the language must still have its text.
            candidates = PressRelease.objects.available_in().select_related("activity", "image")
            release = candidates.with_slug(self.kwargs["slug"]).first()
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
        labels = get_chrome(request=self.request)["labels"]
        next_release = release.next_release()
        skip = [next_release.pk] if next_release else []
        return super().get_context_data(
            preview=self.preview,
            noindex=release.noindex or self.preview,
            next_release=next_release,
            related=list(release.related(exclude=skip)),
            alternates=release.alternate_urls(),
            **press_section(labels, release.title),
            **kwargs,
        )


def page_not_found(request, exception):
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with override(language):
        return render(request, "404.html", {"alternates": {}}, status=404)
