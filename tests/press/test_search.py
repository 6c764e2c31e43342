"""Search behaviour that holds on both databases (PostgreSQL and the SQLite fallback)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from press.models import PressRelease
from tests.builders import make_release


def titles(queryset):
    return [release.title for release in queryset]


class SearchQuerySetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.economy = make_release(
            "Space economy", languages=("en", "fr"), title_fr="Économie spatiale",
            body_en="<p>The <strong>orbital</strong> economy grows.</p>",
            body_fr="<p>L'économie orbitale progresse.</p>",
        )  # fmt: skip
        cls.body_only = make_release(
            "Launch report", languages=("en",), body_en="<p>Economy of a launch.</p>"
        )
        cls.draft = make_release("Draft economy", status="draft")
        cls.future = make_release("Future economy", publish_at=timezone.now() + timedelta(days=1))

    def search(self, query, language="en"):
        return PressRelease.objects.published(language).search(query, language)

    def test_case_and_accents_are_ignored(self):
        for query in ["economie", "ÉCONOMIE", "Économie", "économie"]:
            with self.subTest(query=query):
                self.assertEqual(list(self.search(query, "fr")), [self.economy])
        self.assertEqual(list(self.search("ÉCONOMY")), [self.economy, self.body_only])

    def test_title_ranks_above_body(self):
        results = list(self.search("economy"))
        self.assertEqual(results, [self.economy, self.body_only])
        self.assertGreater(results[0].search_rank, results[1].search_rank)

    def test_every_word_must_match(self):
        self.assertEqual(list(self.search("economy launch")), [self.body_only])
        self.assertEqual(list(self.search("economy nebula")), [])

    def test_only_published_releases_in_the_language(self):
        self.assertNotIn(self.draft, self.search("economy"))
        self.assertNotIn(self.future, self.search("economy"))
        # "report" is in an English-only release; the French page never finds it.
        self.assertEqual(list(self.search("report", "fr")), [])
        # The French page searches French text only.
        self.assertEqual(list(self.search("grows", "fr")), [])

    def test_tags_in_bodies_are_not_words(self):
        self.assertEqual(list(self.search("strong")), [])

    def test_blank_query_changes_nothing(self):
        self.assertEqual(
            list(PressRelease.objects.published("en").search("   ")),
            list(PressRelease.objects.published("en")),
        )

    def test_works_as_a_subquery(self):
        ids = PressRelease.objects.search("economy", "en").values("pk")
        self.assertEqual(set(PressRelease.objects.filter(pk__in=ids)),
                         {self.economy, self.body_only, self.draft, self.future})  # fmt: skip


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(
            "Satellite for Europe", languages=("en", "fr"), title_fr="Satellite pour l'Europe",
            description_en="<script>alert(1)</script> A satellite & its ground segment.",
            body_en="<p>The satellite &lt;b&gt;flies&lt;/b&gt; in 2026.</p>",
        )  # fmt: skip
        make_release("Rocket news", body_en="<p>Nothing about it.</p>")

    def get(self, query, language="en"):
        response = self.client.get(f"/{language}/search?{query}")
        self.assertEqual(response.status_code, 200)
        return response

    def test_titled_with_the_search_label(self):
        response = self.get("key=satellite&category=press-releases")
        self.assertContains(
            response,
            "<title>Search results for &quot;satellite&quot; in &quot;Press releases&quot; "
            "| Thales Alenia Space</title>",
        )
        response = self.get("key=satellite")
        self.assertContains(response, "in &quot;All&quot;")
        french = self.get("key=satellite", language="fr")
        self.assertContains(french, "<title>Résultats de recherche pour &quot;satellite&quot;")

    def test_results_and_highlighted_snippets_are_escaped(self):
        response = self.get("key=satellite")
        self.assertEqual(list(response.context["results"]), [self.release])
        self.assertContains(response, "<mark>Satellite</mark> for Europe")
        self.assertContains(response, "<mark>satellite</mark> &amp; its ground segment")
        # Stored text is shown as text: a <script> in a description, an escaped tag in a body.
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<b>flies")
        self.assertContains(response, "&lt;b&gt;flies")

    def test_search_in_the_page_language(self):
        response = self.get("key=satellite", language="fr")
        self.assertEqual(list(response.context["results"]), [self.release])
        self.assertContains(response, "<mark>Satellite</mark> pour l&#x27;Europe")
        self.assertContains(response, 'href="/fr/press-releases/')

    def test_no_key_no_results_and_no_query(self):
        self.get("")  # warms the cached chrome
        with self.assertNumQueries(0):
            response = self.get("")
        self.assertContains(response, "<title>Search results | Thales Alenia Space</title>")
        self.assertEqual(list(response.context["results"]), [])

    def test_categories_this_site_does_not_hold_have_no_results(self):
        response = self.get("key=satellite&category=talents")
        self.assertEqual(list(response.context["results"]), [])
        self.assertContains(response, "No results")
        self.assertContains(response, "in &quot;Talents&quot;")

    def test_unknown_words_say_no_results(self):
        self.assertContains(self.get("key=nebula"), '<p class="empty">No results</p>')

    def test_invalid_keys_are_friendly(self):
        for query in ["key=" + "x" * 500, "key=sat%00ellite", "category=%00&key=satellite"]:
            with self.subTest(query=query[:20]):
                response = self.get(query)
                self.assertContains(response, "The search words could not be used.")
        self.assertContains(self.get("key=satellite&page=nope"), "This page does not exist")

    def test_pagination_keeps_key_and_category(self):
        for number in range(11):
            make_release(f"Satellite {number}")
        response = self.get("key=satellite&category=press-releases")
        self.assertContains(
            response, 'href="?key=satellite&amp;category=press-releases&amp;page=2"'
        )


class SearchQueryCountTests(TestCase):
    URL = "/en/search?key=mars&category=press-releases"

    def test_flat_as_data_grows(self):
        for count in (3, 27):
            for number in range(count):
                make_release(f"Mars {number}", activity="explore")
            self.client.get(self.URL)  # warms the cached chrome
            # count + page (+ snippets on PostgreSQL)
            with self.assertNumQueries(3 if self.is_postgresql() else 2) as queries:
                self.client.get(self.URL)
            self.assertLessEqual(len(queries), 8)

    def is_postgresql(self):
        from django.db import connection

        return connection.vendor == "postgresql"
