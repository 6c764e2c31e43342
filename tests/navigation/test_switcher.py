import re

from django.test import TestCase

from tests.builders import make_release


def switcher(response):
    html = response.content.decode()
    start = html.index('<nav class="language-switcher"')
    return html[start : html.index("</nav>", start)]


def linked(response):
    """{language: href} of the switcher's links."""
    return dict(
        (code, href)
        for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', switcher(response))
    )


def unavailable(response):
    return re.findall(r'language-switcher__unavailable" lang="([a-z]+)"', switcher(response))


class ReleaseSwitcherTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(
            languages=("en", "fr"), slug_en="mission-mars", slug_fr="mission-mars-laventure"
        )

    def test_links_to_the_translated_slug_and_marks_missing_languages(self):
        response = self.client.get("/en/press-releases/mission-mars")
        self.assertEqual(linked(response), {"fr": "/fr/press-releases/mission-mars-laventure"})
        self.assertEqual(unavailable(response), ["it"])
        self.assertContains(response, "Not available in Italiano")

    def test_spanish_is_listed_apart_and_only_where_the_release_exists(self):
        response = self.client.get("/en/press-releases/mission-mars")
        self.assertNotIn("Español", switcher(response))
        both = make_release(languages=("en", "es"))
        response = self.client.get(both.get_absolute_url("en"))
        self.assertIn('<ul class="language-switcher__other">', switcher(response))
        self.assertEqual(linked(response)["es"], both.get_absolute_url("es"))

    def test_from_the_french_page_back_to_english(self):
        response = self.client.get("/fr/press-releases/mission-mars-laventure")
        self.assertEqual(linked(response), {"en": "/en/press-releases/mission-mars"})
        self.assertIn('aria-current="true" lang="fr"', switcher(response))


class OtherPagesSwitcherTests(TestCase):
    def test_list_keeps_filters_but_not_the_page_number(self):
        response = self.client.get("/en/press-releases?activity=explore&page=1")
        links = linked(response)
        self.assertEqual(links["fr"], "/fr/press-releases?activity=explore")
        self.assertEqual(links["it"], "/it/press-releases?activity=explore")

    def test_home_goes_to_each_home(self):
        links = linked(self.client.get("/en"))
        self.assertEqual((links["fr"], links["it"], links["es"]), ("/fr", "/it", "/es"))

    def test_not_found_page_links_no_language(self):
        response = self.client.get("/en/press-releases/nothing-here")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(linked(response), {})
        self.assertEqual(unavailable(response), ["it", "fr"])
