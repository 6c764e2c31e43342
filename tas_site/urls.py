from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from navigation.i18n import language_home_patterns
from press.views import RootRedirectView

urlpatterns = [
    path("", RootRedirectView.as_view(), name="root"),
    path("admin/", admin.site.urls),
    *language_home_patterns(),
    *i18n_patterns(
        path("", include("press.urls")),
        prefix_default_language=True,
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "press.views.page_not_found"
