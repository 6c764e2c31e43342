"""Related releases under a release: "You might be interested in" (label relatedTitle)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.builders import make_release


class RelatedReleasesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()

        def explore(title, days, **fields):
            return make_release(
                title, activity="explore", date=now - timedelta(days=days), **fields
            )

        cls.newest = explore("Newest", 1, languages=("en", "fr"))
        cls.release = explore("Release", 5, languages=("en", "fr"))
        cls.next = explore("Next", 6)  # the "next" link already shows it
        cls.older = explore("Older", 7)
        cls.oldest = explore("Oldest", 8, languages=("en", "fr"))
        cls.oldest_but_one = explore("Oldest but one", 9)
        cls.draft = explore("Draft", 2, status="draft")
        cls.other_activity = make_release("Connect", activity="connect", date=now)

    def test_same_activity_newest_first_without_itself_nor_the_next(self):
        with self.assertNumQueries(1):
            related = list(self.release.related(exclude=[self.next.pk]))
        self.assertEqual(related, [self.newest, self.older, self.oldest])

    def test_same_language_only(self):
        related = list(self.release.related(exclude=[self.next.pk], language="fr"))
        self.assertEqual(related, [self.newest, self.oldest])

    def test_no_activity_no_query(self):
        lonely = make_release("Lonely")
        with self.assertNumQueries(0):
            self.assertEqual(list(lonely.related()), [])

    def test_detail_page_shows_them_under_the_release(self):
        response = self.client.get(self.release.get_absolute_url("en"))
        self.assertContains(response, "You might be interested in")
        self.assertEqual(response.context["next_release"], self.next)
        self.assertEqual(response.context["related"], [self.newest, self.older, self.oldest])
        section = response.content.decode().split('id="related-title"')[1]
        self.assertIn("Newest (en)", section)
        self.assertNotIn("Next (en)", section)
