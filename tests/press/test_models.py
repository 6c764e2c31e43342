from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone
from django.utils.translation import override

from press.models import Activity, PressRelease
from tests.builders import make_release

PARIS = ZoneInfo("Europe/Paris")


class ActivityTests(TestCase):
    def test_the_five_activities_exist_with_translated_names(self):
        self.assertEqual(
            list(Activity.objects.values_list("slug", flat=True)),
            ["secure-defend", "observe-protect", "explore", "connect", "travel-navigate"],
        )
        explore = Activity.objects.get(slug="explore")
        with override("fr"):
            self.assertEqual(explore.name, "Explorer")
        with override("it"):
            self.assertEqual(explore.name, "Esplorare")


class PublishedTests(TestCase):
    def test_drafts_and_future_releases_are_not_published(self):
        visible = make_release()
        make_release(status=PressRelease.Status.DRAFT)
        make_release(publish_at=timezone.now() + timezone.timedelta(hours=1))
        self.assertQuerySetEqual(PressRelease.objects.published("en"), [visible])

    def test_a_release_is_available_only_where_it_has_title_and_slug(self):
        english = make_release(languages=("en",))
        both = make_release(languages=("en", "fr"))
        title_only = make_release(languages=("en",), title_fr="Titre sans adresse")
        self.assertEqual(set(PressRelease.objects.published("fr")), {both})
        self.assertEqual(set(PressRelease.objects.published("en")), {english, both, title_only})
        self.assertEqual(both.languages(), ["en", "fr"])

    def test_no_silent_fallback_to_english_text(self):
        release = make_release(languages=("en",))
        with override("fr"):
            self.assertFalse(release.title)
            self.assertIsNone(release.get_absolute_url())


class NextReleaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.same_time = datetime(2020, 5, 4, 10, 0, tzinfo=PARIS)
        cls.newest = make_release("Newest", date=datetime(2021, 1, 1, tzinfo=PARIS))
        cls.tie_a = make_release("Tie A", date=cls.same_time)
        cls.tie_b = make_release("Tie B", date=cls.same_time)
        cls.french_only = make_release("Fr", languages=("fr",),
                                       date=datetime(2019, 6, 1, tzinfo=PARIS))  # fmt: skip
        cls.draft = make_release("Draft", status="draft", date=datetime(2019, 5, 1, tzinfo=PARIS))
        cls.oldest = make_release("Oldest", date=datetime(2010, 1, 1, tzinfo=PARIS))

    def test_order_is_date_desc_then_id_desc(self):
        ordered = list(PressRelease.objects.published("en").newest_first())
        self.assertEqual(ordered, [self.newest, self.tie_b, self.tie_a, self.oldest])

    def test_next_follows_the_list_order_within_the_language(self):
        self.assertEqual(self.newest.next_release("en"), self.tie_b)
        self.assertEqual(self.tie_b.next_release("en"), self.tie_a)
        # Skips the French-only release and the draft.
        self.assertEqual(self.tie_a.next_release("en"), self.oldest)

    def test_oldest_has_no_next(self):
        self.assertIsNone(self.oldest.next_release("en"))

    def test_next_in_french_only_considers_french_releases(self):
        self.assertIsNone(self.french_only.next_release("fr"))


class SlugUniquenessTests(TestCase):
    def test_slug_is_unique_per_language(self):
        make_release(languages=("en",), slug_en="same")
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_release(languages=("en",), slug_en="same")

    def test_same_slug_in_two_languages_is_allowed(self):
        make_release(languages=("en",), slug_en="same")
        make_release(languages=("fr",), slug_fr="same")
        self.assertEqual(PressRelease.objects.count(), 2)

    def test_many_releases_may_lack_a_language(self):
        make_release(languages=("en",))
        make_release(languages=("en",))
        self.assertEqual(PressRelease.objects.filter(slug_fr__isnull=True).count(), 2)

    def test_full_clean_reports_a_duplicate_slug_readably(self):
        make_release(languages=("en",), slug_en="taken")
        duplicate = PressRelease(title_en="Other", slug_en="taken")
        with self.assertRaisesMessage(ValidationError, "Another release already uses this en slug"):
            duplicate.full_clean()


class BodyIsSanitisedOnSaveTests(TestCase):
    def test_every_language_body_is_cleaned(self):
        release = make_release(
            languages=("en", "fr"),
            body_en='<p onclick="steal()">Hi</p><script>alert(1)</script>',
            body_fr='<a href="javascript:alert(1)">x</a><iframe src="//evil"></iframe>',
        )
        release.refresh_from_db()
        self.assertEqual(release.body_en, "<p>Hi</p>")
        self.assertEqual(release.body_fr, "<a>x</a>")
