from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "press"

urlpatterns = [
    # The home page lives at /<lang>; /<lang>/ is a stray slash.
    path("", RedirectView.as_view(pattern_name="home", permanent=True)),
    path("press-releases", views.PressReleaseListView.as_view(), name="list"),
    path("press-releases/<str:slug>", views.PressReleaseDetailView.as_view(), name="detail"),
]
