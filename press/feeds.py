"""RSS feed of the newest releases, one per language, from the same ``published()``."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from navigation.chrome import get_chrome

from .models import PressRelease


class LatestPressReleasesFeed(Feed):
    feed_type = Rss201rev2Feed
    size = 20

    def title(self):
        return f"{get_chrome()['labels']['pressReleaseLabel']} | {settings.SITE_NAME}"

    def description(self):
        return get_chrome()["labels"]["defaultPageDescription"]

    def link(self):
        return reverse("press:list")

    def feed_url(self):
        return reverse("press:feed")

    def items(self):
        return PressRelease.objects.published().for_listing()[: self.size]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary()

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.activity.name] if item.activity else []
