from datetime import UTC, datetime, timedelta

from django.test import TestCase
from django.utils import timezone
from lxml import etree

from tests.builders import make_release
from tests.clock import frozen_at

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class SitemapXmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.both = make_release(languages=("en", "fr"), slug_en="mars", slug_fr="mars-fr")
        cls.french = make_release(languages=("fr",), slug_fr="seulement")
        cls.hidden = make_release(languages=("en",), slug_en="hidden", noindex=True)
        cls.draft = make_release(languages=("en",), slug_en="draft", status="draft")
        cls.future = make_release(
            languages=("en",), slug_en="future", publish_at=timezone.now() + timedelta(days=1)
        )

    def urls(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        tree = etree.fromstring(response.content)
        return {
            url.findtext("s:loc", namespaces=NS): {
                "lastmod": url.findtext("s:lastmod", namespaces=NS),
                "alternates": {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall("x:link", namespaces=NS)
                },
            }
            for url in tree.findall("s:url", namespaces=NS)
        }

    def test_releases_in_each_language_they_exist_in_with_alternates_and_x_default(self):
        urls = self.urls()
        base = "http://testserver"
        expected = {
            "en": f"{base}/en/press-releases/mars",
            "fr": f"{base}/fr/press-releases/mars-fr",
        }
        for loc in expected.values():
            self.assertEqual(urls[loc]["alternates"], {**expected, "x-default": expected["en"]})
            # The date of the last change as the site's visitors count days: in Paris.
            lastmod = timezone.localdate(self.both.updated_at).isoformat()
            self.assertEqual(urls[loc]["lastmod"], lastmod)
        french = f"{base}/fr/press-releases/seulement"
        # Not in English: x-default is the one language it has, never an unprefixed path.
        self.assertEqual(urls[french]["alternates"], {"fr": french, "x-default": french})
        self.assertNotIn(f"{base}/it/press-releases/mars", urls)

    def test_noindex_drafts_and_scheduled_releases_are_left_out(self):
        locs = " ".join(self.urls())
        for slug in ["hidden", "draft", "future"]:
            self.assertNotIn(f"/press-releases/{slug}", locs)

    def test_list_pages_in_every_language(self):
        urls = self.urls()
        for code in ["en", "it", "fr", "es"]:
            self.assertIn(f"http://testserver/{code}/press-releases", urls)
            self.assertIn(f"http://testserver/{code}", urls)
        self.assertEqual(
            urls["http://testserver/it/press-releases"]["alternates"]["x-default"],
            "http://testserver/en/press-releases",
        )

    def test_robots_txt_points_at_it(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("Sitemap: http://testserver/sitemap.xml", response.content.decode())
        self.assertIn("Disallow: /admin/", response.content.decode())


class SitemapDatesTests(TestCase):
    """lastmod is the Paris date of the last change, whatever the hour in UTC."""

    def lastmod_of_a_release_saved_at(self, moment):
        with frozen_at(moment):
            release = make_release(languages=("en",), slug_en=f"saved-{moment:%m%d%H%M}")
        tree = etree.fromstring(self.client.get("/sitemap.xml").content)
        for url in tree.findall("s:url", namespaces=NS):
            if url.findtext("s:loc", namespaces=NS).endswith(release.slug_en):
                return url.findtext("s:lastmod", namespaces=NS)

    def test_late_evening_utc_is_already_tomorrow_in_paris(self):
        moments = {
            datetime(2026, 11, 28, 23, 30, tzinfo=UTC): "2026-11-29",  # winter, UTC+1
            datetime(2026, 7, 14, 22, 30, tzinfo=UTC): "2026-07-15",  # summer, UTC+2
            datetime(2026, 7, 14, 21, 30, tzinfo=UTC): "2026-07-14",
            # The nights the clocks change: 01:00 UTC both times.
            datetime(2026, 3, 28, 23, 30, tzinfo=UTC): "2026-03-29",
            datetime(2026, 3, 29, 0, 30, tzinfo=UTC): "2026-03-29",
            datetime(2026, 10, 24, 22, 30, tzinfo=UTC): "2026-10-25",
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC): "2026-10-25",
        }
        for moment, paris_date in moments.items():
            with self.subTest(moment=moment):
                self.assertEqual(self.lastmod_of_a_release_saved_at(moment), paris_date)
