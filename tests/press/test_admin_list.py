"""The release changelist: badges that fit the screen, and search through every language's
words with the site's full-text search (SQLite fallback here, PostgreSQL when DATABASE_URL
points at one: the same tests run on both)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.builders import make_release, make_superuser
from tests.clock import frozen_at

URL = "/admin/press/pressrelease/"


class ChangelistSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        cls.turin = make_release(
            "Clean room", languages=("en", "it"),
            body_en="<p>Integration of the module in Turin is complete.</p>",
            body_it="<p>Una pietra miliare per il modulo.</p>",
            description_it="Integrazione completata.",
        )  # fmt: skip
        cls.draft = make_release(
            "Draft", languages=("fr",), status="draft",
            body_fr="<p>Un satellite pour l'observation des océans.</p>",
        )  # fmt: skip
        cls.other = make_release("Unrelated", body_en="<p>Nothing to see.</p>")

    def setUp(self):
        self.client.force_login(self.admin)

    def found(self, query):
        response = self.client.get(URL, {"q": query})
        self.assertEqual(response.status_code, 200)
        return list(response.context["cl"].result_list)

    def test_words_of_an_english_body(self):
        self.assertEqual(self.found("Turin"), [self.turin])

    def test_words_of_an_italian_body_and_description(self):
        self.assertEqual(self.found("pietra miliare"), [self.turin])
        self.assertEqual(self.found("integrazione"), [self.turin])

    def test_drafts_and_accents_ignored(self):
        self.assertEqual(self.found("oceans"), [self.draft])

    def test_part_of_a_slug_or_title_still_matches(self):
        self.assertEqual(self.found(self.other.slug_en[:-3]), [self.other])
        self.assertEqual(self.found("Unrel"), [self.other])

    def test_no_match_and_blank_query(self):
        self.assertEqual(self.found("zzzzqq"), [])
        self.assertEqual(len(self.found("   ")), 3)


class ChangelistColumnsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()

    def setUp(self):
        self.client.force_login(self.admin)

    def test_full_title_on_hover_state_badges_and_languages(self):
        long_title = " ".join(["A very long title"] * 10)
        make_release(long_title, languages=("en", "fr"))
        moment = timezone.now()
        make_release("Later", status="published", publish_at=moment + timedelta(days=2))
        with frozen_at(moment):
            response = self.client.get(URL)
        self.assertContains(response, f'title="{long_title} (en)"')
        self.assertContains(response, 'state-badge--published">Published<')
        later = timezone.localtime(moment + timedelta(days=2), timezone.get_default_timezone())
        self.assertContains(response, 'state-badge--scheduled">Scheduled</span>')
        self.assertContains(response, f'title="Paris time">{later:%d %b %H:%M}</time>')
        self.assertContains(response, 'lang-badge--present" title="French: present">FR')
        self.assertContains(response, 'lang-badge--missing" title="Italian: missing">IT')
        self.assertNotContains(response, "Spanish: ")  # inactive and absent: no badge
