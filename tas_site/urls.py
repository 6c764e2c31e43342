from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLResolver, include, path

from navigation.i18n import ExactLanguagePattern
from navigation.views import RobotsView
from press.views import HomeView, RootRedirectView

from .sitemaps import SITEMAPS


def sitemap_view(request, **kwargs):
    return sitemap(request, **kwargs)


# The sitemap index's pages: what the page cache keys sitemap.xml by.
sitemap_view.page_cache_params = ("p",)

urlpatterns = [
    path("", RootRedirectView.as_view(), name="root"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    # The home page is /<lang> exactly, as the old site links it (see ExactLanguagePattern).
    URLResolver(
        ExactLanguagePattern(prefix_default_language=True),
        [
            path("", HomeView.as_view(), name="home"),
        ],
    ),  # fmt: skip
    *i18n_patterns(
        path("", include("navigation.urls")),
        # Before press.urls: its detail pattern would take "<slug>/index.json" otherwise.
        path("", include("legacy.urls")),
        path("", include("press.urls")),
        prefix_default_language=True,
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "press.views.page_not_found"
handler500 = "tas_site.outages.server_error"
