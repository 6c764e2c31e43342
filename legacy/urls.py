from django.urls import path

from press import converters  # noqa: F401 (registers legacy_slug)

from .export import PressReleaseJSONView

app_name = "legacy"

urlpatterns = [
    path(
        "press-releases/<legacy_slug:slug>/index.json",
        PressReleaseJSONView.as_view(),
        name="detail_json",
    ),
]
