from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase

from press.models import Activity
from tests.builders import make_image, make_release

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def shown(response):
    return [release.title for release in response.context["releases"]]


class FilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # 23:30 in Paris on 10 March is 22:30 UTC: the day is Paris's, not UTC's.
        make_release("Late Mars", activity="explore", date=paris(2024, 3, 10, 23, 30),
                     body_en="<p>A probe heads for the red planet.</p>")  # fmt: skip
        make_release("Early Moon", activity="explore", date=paris(2024, 3, 11, 0, 15))
        make_release("Telecom satellite", activity="connect", date=paris(2024, 6, 1, 12))
        make_release("Radar", activity="observe-protect", date=paris(2023, 1, 5, 9))

    def get(self, query="", language="en"):
        response = self.client.get(f"/{language}/press-releases?{query}")
        self.assertEqual(response.status_code, 200)
        return response

    def test_no_filter_lists_everything_newest_first(self):
        self.assertEqual(shown(self.get()), ["Telecom satellite (en)", "Early Moon (en)",
                                             "Late Mars (en)", "Radar (en)"])  # fmt: skip

    def test_one_activity(self):
        self.assertEqual(shown(self.get("activity=connect")), ["Telecom satellite (en)"])

    def test_several_activities(self):
        response = self.get("activity=connect&activity=observe-protect")
        self.assertEqual(shown(response), ["Telecom satellite (en)", "Radar (en)"])

    def test_home_page_activity_links_filter_the_list(self):
        explore = Activity.objects.get(slug="explore")
        response = self.client.get(explore.get_absolute_url())
        self.assertEqual(shown(response), ["Early Moon (en)", "Late Mars (en)"])

    def test_from_is_inclusive_in_paris_time(self):
        response = self.get("from=2024-03-11")
        self.assertEqual(shown(response), ["Telecom satellite (en)", "Early Moon (en)"])

    def test_to_is_inclusive_in_paris_time(self):
        self.assertEqual(shown(self.get("to=2024-03-10")), ["Late Mars (en)", "Radar (en)"])

    def test_same_from_and_to_is_one_day(self):
        self.assertEqual(shown(self.get("from=2024-03-10&to=2024-03-10")), ["Late Mars (en)"])

    def test_words(self):
        self.assertEqual(shown(self.get("q=planet")), ["Late Mars (en)"])

    def test_filters_combine(self):
        response = self.get("activity=explore&activity=connect&from=2024-03-11&to=2024-12-31")
        self.assertEqual(shown(response), ["Telecom satellite (en)", "Early Moon (en)"])
        response = self.get("activity=explore&from=2024-01-01&q=moon")
        self.assertEqual(shown(response), ["Early Moon (en)"])
        self.assertEqual(shown(self.get("activity=connect&q=moon")), [])

    def test_form_shows_current_values_and_reset(self):
        response = self.get("activity=explore&from=2024-03-11&to=2024-12-31&q=moon")
        self.assertContains(response, 'value="explore" id="id_activity_2" checked')
        self.assertNotContains(response, 'value="connect" id="id_activity_3" checked')
        self.assertContains(response, 'name="from" value="2024-03-11"')
        self.assertContains(response, 'name="to" value="2024-12-31"')
        self.assertContains(response, 'name="q" value="moon"')
        self.assertContains(response, '<form class="filters__form" id="filters" method="get"')
        # Active filters keep the narrow screens' disclosure open.
        self.assertContains(response, '<details class="filters" data-filters open>')
        self.assertContains(response, '<a class="filters__reset" href="/en/press-releases">'
                                      "Reset filters</a>")  # fmt: skip

    def test_no_reset_link_without_filters(self):
        self.assertNotContains(self.get(), "Reset filters</a>")

    def test_filters_fold_into_a_closed_disclosure_without_filters(self):
        response = self.get()
        self.assertContains(response, '<details class="filters" data-filters>')
        self.assertContains(
            response, '<summary class="filters__summary"><h2 class="filters__title"'
        )

    def test_labels_follow_the_language(self):
        make_release("Lune", languages=("fr",))
        response = self.get(language="fr")
        self.assertContains(response, "Filtrer par")
        self.assertContains(response, "Date de début")
        self.assertContains(response, 'id="id_activity_2"> Explorer</label>')


class InvalidInputTests(TestCase):
    """Unusable values are dropped with a notice; the page is a normal 200."""

    @classmethod
    def setUpTestData(cls):
        cls.mars = make_release("Mars", activity="explore", date=paris(2024, 3, 10, 12))
        make_release("Radar", activity="observe-protect", date=paris(2023, 1, 5, 9))

    def get(self, query):
        response = self.client.get(f"/en/press-releases?{query}")
        self.assertEqual(response.status_code, 200)
        return response

    def assert_notice(self, response, text, titles):
        self.assertContains(response, f"<li>{text}</li>")
        self.assertEqual(shown(response), titles)

    def test_bad_dates(self):
        for value in ["yesterday", "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31",
                      "2024-03-10" * 1000, "%00", "2024-03-10%00"]:  # fmt: skip
            with self.subTest(value=value[:30]):
                response = self.get(f"from={value}&to={value}")
                self.assert_notice(response, "Invalid date", ["Mars (en)", "Radar (en)"])

    def test_one_bad_date_keeps_the_other(self):
        response = self.get("from=nonsense&to=2023-12-31")
        self.assert_notice(response, "Invalid date", ["Radar (en)"])

    def test_from_after_to_ignores_both_dates(self):
        response = self.get("from=2024-12-31&to=2024-01-01&activity=explore")
        self.assert_notice(response, "The start date is after the end date, so the dates "
                                     "were ignored.", ["Mars (en)"])  # fmt: skip
        # The values stay in the form so the visitor can correct them.
        self.assertContains(response, 'name="from" value="2024-12-31"')

    def test_unknown_activity_is_ignored_and_known_ones_kept(self):
        response = self.get("activity=explore&activity=mining&activity=%00")
        self.assert_notice(response, "An unknown activity was ignored.", ["Mars (en)"])
        response = self.get("activity=mining")
        self.assert_notice(response, "An unknown activity was ignored.",
                           ["Mars (en)", "Radar (en)"])  # fmt: skip

    def test_unusable_words(self):
        for value in ["x" * 201, "mars%00", "%00"]:
            with self.subTest(value=value[:20]):
                response = self.get(f"q={value}")
                self.assert_notice(
                    response,
                    "The search words could not be used. Please try shorter or different words.",
                    ["Mars (en)", "Radar (en)"],
                )
        # The NUL byte is not echoed back into the page.
        self.assertNotContains(self.get("q=mars%00"), "\x00")

    def test_page_out_of_range_or_not_a_number(self):
        for value in ["99", "0", "-1", "two", "1.5", "%00", "9" * 5000]:
            with self.subTest(value=value[:20]):
                response = self.get(f"page={value}")
                self.assert_notice(response, "This page does not exist; here is the nearest one.",
                                   ["Mars (en)", "Radar (en)"])  # fmt: skip

    def test_valid_values_have_no_notice(self):
        response = self.get("activity=explore&from=2024-01-01&to=2024-12-31&q=mars&page=1")
        self.assertNotContains(response, 'class="notices"')
        self.assertEqual(shown(response), ["Mars (en)"])

    def test_junk_parameters_are_ignored(self):
        response = self.get("foo=bar&activity=&from=&to=&q=%20%20")
        self.assertNotContains(response, 'class="notices"')
        self.assertEqual(len(shown(response)), 2)


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for number in range(14):
            make_release(f"Explore {number}", activity="explore", body_en="<p>Moon base</p>")
        make_release("Elsewhere", activity="connect", body_en="<p>Moon base</p>")

    def test_page_links_keep_filters(self):
        response = self.client.get("/en/press-releases?activity=explore&q=moon%20base")
        self.assertEqual(response.context["page_obj"].paginator.count, 14)
        self.assertContains(response, 'href="?activity=explore&amp;q=moon+base&amp;page=2"')
        second = self.client.get("/en/press-releases?activity=explore&q=moon+base&page=2")
        self.assertEqual(len(shown(second)), 2)
        self.assertContains(second, 'href="?activity=explore&amp;q=moon+base&amp;page=1"')

    def test_unusable_values_are_not_carried_into_page_links(self):
        response = self.client.get("/en/press-releases?activity=explore&activity=nope&from=bad")
        self.assertContains(response, 'href="?activity=explore&amp;page=2"')


class LongListTests(TestCase):
    def test_page_numbers_are_elided(self):
        for _ in range(12 * 14):
            make_release()
        response = self.client.get("/en/press-releases?page=7")
        self.assertEqual(response.context["page_range"], [1, "…", 5, 6, 7, 8, 9, "…", 14])
        self.assertContains(response, '<span class="pagination__gap" aria-hidden="true">…</span>',
                            count=2)  # fmt: skip
        self.assertContains(response, 'href="?page=14"')
        self.assertNotContains(response, 'href="?page=3"')


class FilterQueryCountTests(TestCase):
    """Filters and words cost the same number of queries for 3 or 30 matching releases."""

    URL = ("/en/press-releases?activity=explore&activity=connect"
           "&from=2000-01-01&to=2999-01-01&q=mars")  # fmt: skip

    def add(self, count):
        image = make_image()
        for number in range(count):
            make_release(f"Mars {number}", activity="explore" if number % 2 else "connect",
                         image=image)  # fmt: skip

    def assert_queries(self):
        self.client.get(self.URL)  # warms the cached chrome (menus, labels)
        with self.assertNumQueries(3) as queries:  # activities + count + page
            response = self.client.get(self.URL)
        self.assertLessEqual(len(queries), 8)
        return response

    def test_flat_as_data_grows(self):
        self.add(3)
        self.assertEqual(len(shown(self.assert_queries())), 3)
        self.add(27)
        self.assertEqual(len(shown(self.assert_queries())), 12)
