from datetime import timedelta

from django.test import TestCase
from django.utils import timezone
from lxml import etree

from tests.builders import make_release


class FeedTests(TestCase):
    def items(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        channel = etree.fromstring(response.content).find("channel")
        return channel, channel.findall("item")

    def test_newest_twenty_published_in_the_language(self):
        releases = [make_release(languages=("en", "fr")) for _ in range(22)]  # newest first
        make_release("Draft", status="draft", date=timezone.now())
        make_release("Later", publish_at=timezone.now() + timedelta(hours=1), date=timezone.now())
        channel, items = self.items("/en/press-releases/feed")
        self.assertEqual(len(items), 20)
        self.assertEqual(
            [item.findtext("link") for item in items],
            [f"http://testserver{r.get_absolute_url('en')}" for r in releases[:20]],
        )
        self.assertEqual(channel.findtext("language"), "en")
        self.assertEqual(channel.findtext("link"), "http://testserver/en/press-releases")

    def test_each_language_has_its_own_feed(self):
        make_release("English only", languages=("en",))
        both = make_release("Both", languages=("en", "fr"))
        channel, items = self.items("/fr/press-releases/feed")
        self.assertEqual([i.findtext("title") for i in items], [both.title_fr])
        self.assertEqual(channel.findtext("language"), "fr")
        self.assertEqual(channel.findtext("title"), "Communiqués de presse | Thales Alenia Space")

    def test_feed_is_not_mistaken_for_a_release_and_is_announced_in_pages(self):
        self.assertContains(
            self.client.get("/en"),
            '<link rel="alternate" type="application/rss+xml" '
            'title="Press releases | Thales Alenia Space" href="/en/press-releases/feed">',
        )
