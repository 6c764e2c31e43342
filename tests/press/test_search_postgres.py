"""Full-text search on PostgreSQL: stemming per language, accents, weights, the index."""

import pytest
from django.db import connection
from django.test import TestCase

from press.models import PressRelease
from press.search import mark_headline
from tests.builders import make_release

pytestmark = pytest.mark.postgres
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def search(query, language):
    return list(PressRelease.objects.published(language).search(query, language))


@needs_postgres
class StemmingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(
            "Launches", languages=("en", "it", "fr", "es"),
            title_fr="Lancements de satellites européens",
            body_fr="<p>Les opérateurs ont été très satisfaits.</p>",
            title_it="Lanci di satelliti", body_it="<p>Le missioni spaziali italiane.</p>",
            title_en="Satellite launches", body_en="<p>Operators were delighted.</p>",
            title_es="Lanzamientos de satélites", body_es="<p>Misiones espaciales.</p>",
        )  # fmt: skip

    def test_french_query_matches_a_french_inflection(self):
        for query in ["lancement", "satellite", "européen", "europeennes", "satisfaite",
                      "opérateur"]:  # fmt: skip
            with self.subTest(query=query):
                self.assertEqual(search(query, "fr"), [self.release])

    def test_italian_english_and_spanish_stemmers(self):
        self.assertEqual(search("satellite", "it"), [self.release])
        self.assertEqual(search("missione spaziale", "it"), [self.release])
        self.assertEqual(search("launch operator", "en"), [self.release])
        self.assertEqual(search("satelite mision", "es"), [self.release])

    def test_each_language_uses_its_own_stemmer(self):
        # "delighted" is English text: it is not in the French document at all.
        self.assertEqual(search("delighted", "fr"), [])

    def test_stop_words_alone_match_nothing(self):
        self.assertEqual(search("de la du", "fr"), [])

    def test_web_search_syntax(self):
        self.assertEqual(search('"satellites européens"', "fr"), [self.release])
        self.assertEqual(search('"européens satellites"', "fr"), [])
        self.assertEqual(search("lancement -satellite", "fr"), [])
        self.assertEqual(search("fusée or lancement", "fr"), [self.release])

    def test_headline_marks_inflections(self):
        response = self.client.get("/fr/search?key=lancement+satellite")
        self.assertContains(response, "<mark>Lancements</mark> de <mark>satellites</mark>")


@needs_postgres
class WeightTests(TestCase):
    def test_title_above_description_above_body(self):
        body = make_release("Alpha", body_en="<p>Orbit news.</p>")
        description = make_release("Beta", description_en="Orbit news.")
        title = make_release("Orbit")
        self.assertEqual(search("orbit", "en"), [title, description, body])


@needs_postgres
class IndexTests(TestCase):
    def test_the_gin_index_serves_the_search(self):
        make_release("Orbit", languages=("en", "fr"))
        queryset = PressRelease.objects.search("orbite", "fr")
        with connection.cursor() as cursor:
            # A handful of rows would be scanned sequentially; ask what the plan can use.
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = queryset.explain()
        self.assertIn("press_release_search_fr", plan)

    def test_vectors_follow_every_write_path(self):
        release = make_release("Orbit", body_en="<p>News.</p>")
        PressRelease.objects.filter(pk=release.pk).update(title_en="Trajectory")
        self.assertEqual(search("trajectory", "en"), [release])
        self.assertEqual(search("orbit", "en"), [])


class HeadlineEscapingTests(TestCase):
    """ts_headline echoes stored text: escape it, then add the marks (pure Python)."""

    def test_markup_in_headline_is_escaped(self):
        raw = "<img src=x onerror=alert(1)> \x02satellite\x03 &amp; \x02moon"
        self.assertEqual(
            mark_headline(raw),
            "&lt;img src=x onerror=alert(1)&gt; <mark>satellite</mark> &amp; moon",
        )
