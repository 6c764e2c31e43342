from django.test import TestCase

from tests.builders import make_release


class LanguageUrlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(
            "Mission to Mars", languages=("en", "fr"),
            slug_en="mission-mars-be-continued", slug_fr="mission-mars-laventure-continue",
            title_fr="Mission vers Mars",
        )  # fmt: skip

    def test_list_and_detail_urls_keep_the_old_sites_shape(self):
        self.assertEqual(self.release.get_absolute_url("en"),
                         "/en/press-releases/mission-mars-be-continued")  # fmt: skip
        self.assertEqual(self.release.get_absolute_url("fr"),
                         "/fr/press-releases/mission-mars-laventure-continue")  # fmt: skip
        for url in ["/en/press-releases", "/fr/press-releases", "/it/press-releases",
                    "/en/press-releases/mission-mars-be-continued",
                    "/fr/press-releases/mission-mars-laventure-continue"]:  # fmt: skip
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_detail_is_rendered_in_the_language_of_the_url(self):
        response = self.client.get("/fr/press-releases/mission-mars-laventure-continue")
        self.assertContains(response, '<html lang="fr"')
        self.assertContains(response, "<h1 class=\"release__title\">Mission vers Mars</h1>",
                            html=False)  # fmt: skip

    def test_home_is_the_bare_language_prefix(self):
        for code in ["en", "it", "fr"]:
            with self.subTest(code=code):
                response = self.client.get(f"/{code}")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{code}"')

    def test_trailing_slash_on_home_redirects_to_bare_prefix(self):
        self.assertRedirects(self.client.get("/fr/"), "/fr", status_code=301)

    def test_root_redirects_to_best_accepted_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
        self.assertRedirects(response, "/fr", fetch_redirect_response=False)
        self.assertIn("Accept-Language", response["Vary"])

    def test_root_falls_back_to_english(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
        self.assertRedirects(response, "/en", fetch_redirect_response=False)

    def test_root_ignores_inactive_spanish_preference(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="es")
        self.assertRedirects(response, "/en", fetch_redirect_response=False)

    def test_spanish_pages_are_served_when_content_exists(self):
        spanish = make_release("Misión", languages=("es",), slug_es="mision-marte-continuara")
        response = self.client.get(spanish.get_absolute_url("es"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="es"')
        # UI text falls back to English.
        self.assertContains(response, "Skip to main content")


class NotFoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(languages=("en",), slug_en="only-english")

    def assert_designed_404(self, url, title="Page not found"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, 'class="site-header"', status_code=404)
        self.assertContains(response, f"<h1>{title}</h1>", status_code=404)
        # A missing page has no translations to offer.
        self.assertNotContains(response, "hreflang=", status_code=404)

    def test_unknown_slug(self):
        self.assert_designed_404("/en/press-releases/does-not-exist")

    def test_slug_of_another_language(self):
        self.assert_designed_404("/fr/press-releases/only-english", "Page introuvable")

    def test_unknown_language_prefix(self):
        self.assert_designed_404("/de/press-releases")
        self.assert_designed_404("/xx/press-releases/only-english")

    def test_odd_characters_in_slug_are_a_404_not_a_500(self):
        self.assert_designed_404("/en/press-releases/%E2%80%A8%00weird")
