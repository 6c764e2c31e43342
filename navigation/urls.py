from django.urls import path

from .feeds import LatestPressReleasesFeed
from .views import SitemapPageView

app_name = "navigation"

# Included before press.urls: "press-releases/feed" would otherwise be read as a release slug.
urlpatterns = [
    path("sitemap", SitemapPageView.as_view(), name="sitemap"),
    path("press-releases/feed", LatestPressReleasesFeed(), name="feed"),
]
