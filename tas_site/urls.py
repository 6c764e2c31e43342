from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from navigation.i18n import language_home_patterns
from navigation.sitemaps import SITEMAPS
from navigation.views import RobotsView
from press.views import RootRedirectView

urlpatterns = [
    path("", RootRedirectView.as_view(), name="root"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    *language_home_patterns(),
    *i18n_patterns(
        path("", include("navigation.urls")),
        path("", include("press.urls")),
        prefix_default_language=True,
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "press.views.page_not_found"
