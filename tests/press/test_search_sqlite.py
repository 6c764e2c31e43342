"""The SQLite fallback (a Python word match) and the Python highlighter."""

import pytest
from django.db import connection
from django.test import SimpleTestCase, TestCase

from press.models import PressRelease
from press.search import highlight, normalise, query_words, sqlite_score
from tests.builders import make_release


class NormaliseTests(SimpleTestCase):
    def test_case_accents_and_ligatures(self):
        self.assertEqual(normalise("Économie ÇA Œuvre Straße"), "economie ca oeuvre strasse")

    def test_query_words_are_unique_and_normalised(self):
        self.assertEqual(query_words("Mars, MARS et l'Été!"), ("mars", "et", "l", "ete"))


class ScoreTests(SimpleTestCase):
    def test_every_word_must_be_a_whole_word(self):
        self.assertGreater(sqlite_score("Mars", "", "<p>Orbit</p>", "mars orbit"), 0)
        self.assertEqual(sqlite_score("Mars", "", "<p>Orbit</p>", "mars moon"), 0)
        self.assertEqual(sqlite_score("Marseille", "", "", "mars"), 0)

    def test_title_weighs_more_than_description_than_body(self):
        title = sqlite_score("Mars", "", "", "mars")
        description = sqlite_score("", "Mars", "", "mars")
        body = sqlite_score("", "", "<p>Mars</p>", "mars")
        self.assertGreater(title, description)
        self.assertGreater(description, body)

    def test_tags_are_not_words_and_inline_tags_do_not_split_words(self):
        self.assertEqual(sqlite_score("", "", '<p class="strong">x</p>', "strong"), 0)
        self.assertGreater(sqlite_score("", "", "<p>Thal<b>es</b></p>", "thales"), 0)
        self.assertGreater(sqlite_score("", "", "<p>a</p><p>b</p>", "a b"), 0)

    def test_missing_values(self):
        self.assertEqual(sqlite_score(None, None, None, None), 0)
        self.assertEqual(sqlite_score(None, None, None, "mars"), 0)


class HighlightTests(SimpleTestCase):
    def test_escapes_then_marks(self):
        self.assertEqual(
            highlight('<b>Été</b> & "ete"', query_words("ete")),
            "&lt;b&gt;<mark>Été</mark>&lt;/b&gt; &amp; &quot;<mark>ete</mark>&quot;",
        )

    def test_long_text_is_cut_around_the_first_match(self):
        text = " ".join(f"w{i}" for i in range(100)) + " target " + "tail " * 50
        snippet = highlight(text, query_words("target"), limit=10)
        self.assertTrue(snippet.startswith("… "))
        self.assertTrue(snippet.endswith(" …"))
        self.assertIn("<mark>target</mark>", snippet)
        self.assertLessEqual(len(snippet.split()), 14)

    def test_no_match_shows_the_start(self):
        self.assertEqual(highlight("one two three", ("four",), limit=2), "one two …")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")
class SqliteFallbackTests(TestCase):
    def test_whole_words_without_stemming(self):
        release = make_release("Satellites", languages=("fr",), title_fr="Les satellites")
        results = PressRelease.objects.published("fr").search("SATELLITES", "fr")
        self.assertEqual(list(results), [release])
        # No stemmer on SQLite: a singular does not find a plural.
        self.assertEqual(list(PressRelease.objects.search("satellite", "fr")), [])

    def test_the_function_is_registered_on_every_connection(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT tas_search_score('Été', '', '', 'ete')")
            self.assertGreater(cursor.fetchone()[0], 0)
