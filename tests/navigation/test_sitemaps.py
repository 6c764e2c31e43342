from datetime import timedelta

from django.test import TestCase
from django.utils import timezone
from lxml import etree

from tests.builders import make_release

from .builders import make_menu_item

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
            self.assertEqual(urls[loc]["lastmod"], self.both.updated_at.date().isoformat())
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


def main_content(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


class HtmlSitemapTests(TestCase):
    def test_built_from_the_sitemap_menu(self):
        who = make_menu_item("sitemap", name="Who we are", url="/en/who-we-are")
        make_menu_item("sitemap", name="Governance", url="/en/who-we-are#governance", parent=who)
        make_menu_item("sitemap", name="Press Releases", url="/en/press-releases", weight=1)
        make_menu_item("main", name="Main only", url="/en/news")
        page = main_content(self.client.get("/en/sitemap"))
        self.assertIn("<h1>Sitemap</h1>", page)
        self.assertIn('<a href="https://www.thalesaleniaspace.com/en/who-we-are#governance">', page)
        self.assertIn('<a href="/en/press-releases">Press Releases</a>', page)
        self.assertNotIn("Main only", page)

    def test_falls_back_to_the_main_menu_until_a_sitemap_menu_exists(self):
        make_menu_item("main", name="Stories", url="/en/news")
        page = main_content(self.client.get("/fr/sitemap"))
        self.assertIn("<h1>Plan du site</h1>", page)
        self.assertIn("Stories", page)
