"""Junk query strings cannot fill the page cache: pages are keyed by the parameters their view
reads; unknown parameters get the clean page's entry, free text and invalid values none."""

from django.core.cache import cache
from django.test import RequestFactory, TestCase, override_settings

from tas_site import page_cache
from tests.builders import make_release


def stored_pages():
    # LocMemCache keeps its entries in a dict, keys made by its key function.
    return [key for key in cache._cache if "pagecache:page:" in key]


@override_settings(PAGE_CACHE_ENABLED=True)
class FloodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release("Flooded", languages=("en",))

    def setUp(self):
        cache.clear()

    def test_hundreds_of_junk_query_strings_store_a_bounded_number_of_pages(self):
        detail = self.release.get_absolute_url("en")
        urls = []
        for number in range(30):  # 210 requests
            urls += [
                f"/en?u={number}",
                f"{detail}?utm_source=x{number}",
                f"/en/press-releases?junk={number}&page=1",
                f"/en/press-releases?page={number + 5}",  # beyond the last page
                f"/en/press-releases?activity=nope{number}",
                f"/en/search?key=word{number}",  # free text: never stored
                f"/en/press-releases?q=word{number}",
            ]
        for url in urls:
            self.assertEqual(self.client.get(url).status_code, 200, url)
        # At most: /en, the detail, the list's page 1 (?page=1) and the empty search.
        self.assertLessEqual(len(stored_pages()), 4, len(stored_pages()))

    def test_unknown_parameters_are_answered_from_the_clean_page(self):
        self.client.get("/en/press-releases")
        response = self.client.get("/en/press-releases?utm_campaign=spring&fbclid=abc")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(response.content, self.client.get("/en/press-releases").content)

    def test_unknown_parameters_alone_are_rendered_but_not_stored(self):
        response = self.client.get("/en/press-releases?utm_campaign=spring")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.get("X-Page-Cache"))
        self.assertEqual(stored_pages(), [])

    def test_keys_use_the_views_parameters_normalised_and_sorted(self):
        factory = RequestFactory()

        def key(url):
            return page_cache.page_key(factory.get(url))[0]

        base = "/en/press-releases"
        self.assertEqual(
            key(f"{base}?page=2&activity=b&activity=a"),
            key(f"{base}?activity=a&activity=b&page=2&utm=1"),
        )
        self.assertEqual(key(f"{base}?page=%202%20"), key(f"{base}?page=2"))
        self.assertEqual(key(f"{base}?page="), key(base))
        self.assertNotEqual(key(f"{base}?page=2"), key(base))
        self.assertEqual(key("/en?anything=1"), key("/en"))
        self.assertTrue(page_cache.page_key(factory.get("/en?x=1"))[1], "unknown parameters")

    def test_valid_filters_are_their_own_page(self):
        self.client.get("/en/press-releases?page=1")
        self.assertEqual(self.client.get("/en/press-releases?page=1")["X-Page-Cache"], "hit")
        self.assertEqual(len(stored_pages()), 1)
