"""The chrome is read once per request and its HTML rendered once per version and language."""

from unittest import mock

from django.core.cache import cache
from django.test import TestCase

from navigation import chrome
from tests.builders import make_menu_item, make_release


class ChromeRenderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_release("Listed", languages=("en", "fr"))
        make_menu_item("main", "Press", url="/en/press-releases", name_fr="Presse",
                       url_fr="/fr/press-releases")  # fmt: skip
        make_menu_item("main", "Home", url="/en")

    def setUp(self):
        cache.clear()
        chrome.fragments.clear()

    def test_a_page_reads_the_chrome_once(self):
        self.client.get("/en/press-releases")  # builds the chrome
        reads = []
        real_get = cache.get

        def counting_get(key, *args, **kwargs):
            reads.append(key)
            return real_get(key, *args, **kwargs)

        with mock.patch.object(chrome.cache, "get", side_effect=counting_get):
            self.client.get("/en/press-releases")
        self.assertEqual(reads.count(chrome.CACHE_KEY.format(language="en")), 1)

    def test_header_and_footer_html_are_reused_per_language_and_current_item(self):
        first = self.client.get("/en/press-releases").content
        entries = len(chrome.fragments.entries)
        self.assertEqual(entries, 2, "header and footer")
        self.assertEqual(self.client.get("/en/press-releases").content, first)
        self.assertEqual(len(chrome.fragments.entries), entries, "reused, not rendered again")
        self.client.get("/en/press-releases?page=1")
        self.assertEqual(len(chrome.fragments.entries), entries, "same current item")
        home = self.client.get("/en").content.decode()
        self.assertIn('href="/en" class="main-menu__link" aria-current="page"', home)
        self.assertIn('href="/en/press-releases" class="main-menu__link">', home)
        french = self.client.get("/fr/press-releases").content.decode()
        self.assertIn("Presse", french)

    def test_a_menu_change_shows_at_once(self):
        self.client.get("/en/press-releases")
        make_menu_item("main", "Careers", url="https://example.com/careers")
        self.assertContains(self.client.get("/en/press-releases"), "Careers")
