from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from tas_site.urls import handler404  # noqa: F401
from tas_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
