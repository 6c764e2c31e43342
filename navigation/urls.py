from django.urls import path

from .views import SitemapPageView

app_name = "navigation"

urlpatterns = [
    path("sitemap", SitemapPageView.as_view(), name="sitemap"),
]
