from django.contrib.auth.models import User
from django.test import TestCase

from navigation.completeness import board, summary
from tests.builders import make_label, make_menu_item, make_release

URL = "/admin/navigation/label/completeness/"


def gaps(code, kind, include_inactive=False):
    for language, _, _, kinds in board(include_inactive):
        if language == code:
            return kinds.get(kind)


def fields(gap):
    return [name for name, _ in gap.fields]


class CompletenessDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.en_only = make_release("Only English", languages=("en",))
        cls.everywhere = make_release(languages=("en", "it", "fr", "es"))
        cls.draft = make_release("Draft", languages=("en",), status="draft")
        cls.item = make_menu_item(name="Stories", url="/en/news", name_fr="Histoires",
                                  url_fr="/fr/news", name_it="Storie")  # fmt: skip
        cls.heading = make_menu_item(name="Innovation", nolink=True, name_fr="Innovation")

    def test_releases_published_elsewhere_name_the_missing_fields(self):
        french = gaps("fr", "releases")
        self.assertEqual(french.count, 1)
        [gap] = french.rows
        self.assertEqual(gap.english, "Only English (en)")
        self.assertEqual(fields(gap), ["title", "slug", "body"])
        change = f"/admin/press/pressrelease/{self.en_only.pk}/change/"
        self.assertEqual(gap.url, f"{change}#id_title_fr")
        self.assertEqual(gaps("en", "releases").count, 0)  # drafts are nobody's gap

    def test_a_release_without_a_body_in_a_language_is_a_gap(self):
        release = make_release(languages=("en", "it"), body_it="")
        [gap] = [gap for gap in gaps("it", "releases").rows if str(release.pk) in gap.url]
        self.assertEqual(fields(gap), ["body"])

    def test_labels_show_their_english_text(self):
        make_label("labelNext", "Next", fr="Suivant", it="")
        italian = {gap.item: gap for gap in gaps("it", "labels").rows}
        french = [gap.item for gap in gaps("fr", "labels").rows]
        self.assertEqual(italian["labelNext"].english, "Next")
        self.assertEqual(fields(italian["labelNext"]), ["text"])
        self.assertTrue(italian["labelNext"].url.endswith("#id_value_it"))
        self.assertNotIn("labelNext", french)
        self.assertNotIn("availableIn", french)  # seeded in French

    def test_a_menu_item_with_a_name_but_no_link_is_missing_its_link(self):
        italian = {gap.english: gap for gap in gaps("it", "menu_items").rows}
        self.assertEqual(fields(italian["Stories"]), ["link"])
        self.assertEqual(
            italian["Stories"].url, f"/admin/navigation/menuitem/{self.item.pk}/change/#id_url_it"
        )
        self.assertEqual(italian["Stories"].item, "Main menu")
        self.assertEqual(fields(italian["Innovation"]), ["name"])  # a heading needs no link
        self.assertEqual(gaps("fr", "menu_items").count, 0)

    def test_inactive_languages_are_left_out_unless_asked(self):
        self.assertNotIn("es", [code for code, *_ in board()])
        self.assertIsNone(gaps("es", "releases"))
        spanish = gaps("es", "releases", include_inactive=True)
        self.assertEqual(spanish.count, 1)
        self.assertIsNone(gaps("es", "labels", include_inactive=True))  # UI not translated

    def test_summary_counts_every_language_in_one_query_per_kind(self):
        with self.assertNumQueries(3):
            rows = summary()
        counts = {code: dict(kinds) for code, _, kinds in rows}
        self.assertEqual([code for code, *_ in rows], ["en", "it", "fr"])
        self.assertEqual(counts["fr"]["Releases"], gaps("fr", "releases").count)
        self.assertEqual(counts["it"]["Menu items"], gaps("it", "menu_items").count)
        self.assertEqual(counts["it"]["Labels"], gaps("it", "labels").count)


class CompletenessPageTests(TestCase):
    def test_staff_only(self):
        self.assertRedirects(self.client.get(URL), f"/admin/login/?next={URL}")
        User.objects.create_user("visitor", password="pw")
        self.client.login(username="visitor", password="pw")
        self.assertEqual(self.client.get(URL).status_code, 302)

    def test_lists_gaps_with_links_to_the_fields(self):
        release = make_release("Only English", languages=("en",))
        admin = User.objects.create_superuser("admin", password="pw")
        self.client.force_login(admin)
        response = self.client.get(URL)
        self.assertContains(response, "Translation completeness")
        change = f"/admin/press/pressrelease/{release.pk}/change/"
        self.assertContains(response, f'href="{change}#id_title_fr"')
        self.assertContains(response, "Labels missing in Italiano")
        self.assertNotContains(response, 'id="lang-es"')
        self.assertContains(self.client.get(f"{URL}?inactive=1"), 'id="lang-es"')
        changelist = self.client.get("/admin/navigation/label/")
        self.assertContains(changelist, f'href="{URL}"')
