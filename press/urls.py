from django.urls import path
from django.views.generic import RedirectView

from . import converters, views  # noqa: F401 (registers legacy_slug)
from .feeds import LatestPressReleasesFeed

app_name = "press"

urlpatterns = [
    # The home page lives at /<lang>; /<lang>/ is a stray slash.
    path("", RedirectView.as_view(pattern_name="home", permanent=True)),
    path("press-releases", views.PressReleaseListView.as_view(), name="list"),
    # Before the detail pattern, which would otherwise take "gallery" for a slug.
    path("press-releases/gallery", views.GalleryView.as_view(), name="gallery"),
    path("search", views.SearchView.as_view(), name="search"),
    # Before the detail pattern, which would otherwise take "feed" for a slug.
    path("press-releases/feed", LatestPressReleasesFeed(), name="feed"),
    path(
        "press-releases/<legacy_slug:slug>", views.PressReleaseDetailView.as_view(), name="detail"
    ),
]
