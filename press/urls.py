from django.urls import path, register_converter
from django.views.generic import RedirectView

from . import page_json, views

app_name = "press"


class LegacySlugConverter:
    """Old-site slugs are kept verbatim, so accept any segment but a NUL (which no DB stores)."""

    regex = "[^/\x00]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LegacySlugConverter, "legacy_slug")

urlpatterns = [
    # The home page lives at /<lang>; /<lang>/ is a stray slash.
    path("", RedirectView.as_view(pattern_name="home", permanent=True)),
    path("press-releases", views.PressReleaseListView.as_view(), name="list"),
    # Before the detail pattern, which would otherwise take "gallery" for a slug.
    path("press-releases/gallery", views.GalleryView.as_view(), name="gallery"),
    path("search", views.SearchView.as_view(), name="search"),
    path(
        "press-releases/<legacy_slug:slug>/index.json",
        page_json.PressReleaseJSONView.as_view(),
        name="detail_json",
    ),
    path(
        "press-releases/<legacy_slug:slug>", views.PressReleaseDetailView.as_view(), name="detail"
    ),
]
