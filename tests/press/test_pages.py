from django.test import TestCase

from tests.builders import make_image, make_release


class ListPageTests(TestCase):
    def test_newest_first_twelve_per_page(self):
        releases = [make_release() for _ in range(14)]  # builder dates go back in time
        response = self.client.get("/en/press-releases")
        shown = list(response.context["releases"])
        self.assertEqual(shown, releases[:12])
        self.assertContains(response, 'href="?page=2"')
        second = self.client.get("/en/press-releases?page=2")
        self.assertEqual(list(second.context["releases"]), releases[12:])

    def test_only_releases_available_in_the_language(self):
        make_release("English only", languages=("en",))
        both = make_release("Both", languages=("en", "fr"))
        response = self.client.get("/fr/press-releases")
        self.assertEqual(list(response.context["releases"]), [both])
        self.assertNotContains(response, "English only")

    def test_card_shows_title_date_and_activity(self):
        make_release("Mars", activity="explore")
        response = self.client.get("/en/press-releases")
        self.assertContains(response, "Mars (en)")
        self.assertContains(response, ">Explore<")
        self.assertContains(response, "<time datetime=")

    def test_empty_list_says_so(self):
        self.assertContains(self.client.get("/en/press-releases"), "No results")


class DetailPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.older = make_release("Older one", languages=("en",), image=make_image())
        cls.release = make_release(
            "Mission", languages=("en", "fr"), activity="explore", country="France",
            video_url="https://www.youtube.com/watch?v=abc", image_caption_en="A caption",
            image=make_image(), date=cls.older.date.replace(year=cls.older.date.year + 1),
        )  # fmt: skip

    def get(self):
        return self.client.get(self.release.get_absolute_url("en"))

    def test_facts_breadcrumb_and_body(self):
        response = self.get()
        self.assertContains(response, '<h1 class="release__title">Mission (en)</h1>')
        self.assertContains(response, "France")
        self.assertContains(response, ">Explore<")
        self.assertContains(response, "A caption")
        self.assertContains(response, "<p>Body of Mission in en.</p>")
        self.assertContains(response, 'href="https://www.youtube.com/watch?v=abc"')
        self.assertEqual(
            [label for label, _ in response.context["breadcrumb"]],
            ["Home", "Press Releases", "Mission (en)"],
        )

    def test_next_release_links_to_the_older_one(self):
        response = self.get()
        self.assertEqual(response.context["next_release"], self.older)
        self.assertContains(response, self.older.get_absolute_url("en"))

    def test_available_in_lists_other_languages(self):
        response = self.get()
        self.assertContains(response, "Available in")
        self.assertContains(response, f'href="{self.release.get_absolute_url("fr")}"')

    def test_language_switcher_goes_to_translated_slug_and_marks_missing_ones(self):
        response = self.get()
        self.assertContains(
            response, f'<a href="{self.release.get_absolute_url("fr")}" hreflang="fr"'
        )
        self.assertContains(response, '<span class="language-switcher__unavailable" lang="it"')

    def test_dates_are_localised(self):
        response = self.client.get(self.release.get_absolute_url("fr"))
        month = self.release.date.month
        french_months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                         "août", "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
        self.assertContains(response, french_months[month - 1])


class HomePageTests(TestCase):
    def test_featured_latest_and_activities(self):
        newest = make_release("Newest", image=make_image())
        make_release("Second")
        response = self.client.get("/en")
        self.assertEqual(response.context["featured"], newest)
        self.assertContains(response, "Second (en)")
        for slug in ["secure-defend", "observe-protect", "explore", "connect", "travel-navigate"]:
            self.assertContains(response, f"/en/press-releases?activity={slug}")


class QueryCountTests(TestCase):
    """Page cost stays flat as content grows (chrome is cached after the first request)."""

    def warm(self, url):
        self.client.get(url)

    def test_list_page_queries_do_not_grow_with_releases(self):
        for _ in range(3):
            make_release(activity="explore", image=make_image(name="a.jpg"))
        self.warm("/en/press-releases")
        with self.assertNumQueries(3):  # activities (filter form) + count + page
            self.client.get("/en/press-releases")
        for _ in range(20):
            make_release(activity="connect", image=make_image(name="b.jpg"))
        self.warm("/en/press-releases")
        with self.assertNumQueries(3):
            self.client.get("/en/press-releases")

    def test_detail_page_queries(self):
        older = make_release(image=make_image(), activity="explore")
        release = make_release(languages=("en", "fr"), image=make_image(), activity="explore",
                               date=older.date.replace(year=older.date.year + 1))  # fmt: skip
        related = [make_release(activity="explore", image=make_image()) for _ in range(4)]
        url = release.get_absolute_url("en")
        self.warm(url)
        with self.assertNumQueries(3):  # release + next release + related releases
            response = self.client.get(url)
        self.assertEqual(response.context["next_release"], older)
        self.assertEqual(len(response.context["related"]), 3)
        self.assertNotIn(older, response.context["related"])
        self.assertEqual(response.context["related"], related[:3])
