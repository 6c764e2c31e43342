from django.contrib.auth.models import User
from django.test import TestCase

from navigation.completeness import board
from tests.builders import make_label, make_menu_item, make_release

URL = "/admin/navigation/label/completeness/"


def gaps(code, kind):
    for language, _, kinds in board():
        if language == code:
            return kinds.get(kind)


class CompletenessDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.en_only = make_release("Only English", languages=("en",))
        cls.everywhere = make_release(languages=("en", "it", "fr", "es"))
        cls.draft = make_release("Draft", languages=("en",), status="draft")
        cls.item = make_menu_item(name="Stories", url="/en/news", name_fr="Histoires",
                                  url_fr="/fr/news")  # fmt: skip
        cls.heading = make_menu_item(name="Innovation", nolink=True, name_fr="Innovation")

    def test_releases_published_elsewhere_but_missing_in_a_language(self):
        french = gaps("fr", "releases")
        self.assertEqual(french.count, 1)
        change = f"/admin/press/pressrelease/{self.en_only.pk}/change/"
        self.assertEqual(french.rows, [("Only English (en)", change)])
        self.assertEqual(gaps("en", "releases").count, 0)  # drafts are nobody's gap

    def test_labels_missing_per_interface_language(self):
        make_label("labelNext", "Next", fr="Suivant", it="")
        italian = [key for key, _ in gaps("it", "labels").rows]
        french = [key for key, _ in gaps("fr", "labels").rows]
        self.assertIn("labelNext", italian)
        self.assertNotIn("labelNext", french)
        self.assertNotIn("availableIn", french)  # seeded in French
        self.assertIsNone(gaps("es", "labels"))  # Spanish interface is not translated by design

    def test_menu_items_missing_a_name_or_a_link(self):
        italian = gaps("it", "menu_items")
        self.assertEqual(italian.count, 2)
        self.assertEqual(gaps("fr", "menu_items").count, 0)  # a heading needs no link
        self.assertIn(
            ("Main menu: Stories", f"/admin/navigation/menuitem/{self.item.pk}/change/"),
            italian.rows,
        )  # fmt: skip


class CompletenessPageTests(TestCase):
    def test_staff_only(self):
        self.assertRedirects(self.client.get(URL), f"/admin/login/?next={URL}")
        User.objects.create_user("visitor", password="pw")
        self.client.login(username="visitor", password="pw")
        self.assertEqual(self.client.get(URL).status_code, 302)

    def test_lists_gaps_with_links_to_fix_them(self):
        release = make_release("Only English", languages=("en",))
        admin = User.objects.create_superuser("admin", password="pw")
        self.client.force_login(admin)
        response = self.client.get(URL)
        self.assertContains(response, "Translation completeness")
        self.assertContains(response, f'href="/admin/press/pressrelease/{release.pk}/change/"')
        self.assertContains(response, "Labels without a translation")
        changelist = self.client.get("/admin/navigation/label/")
        self.assertContains(changelist, f'href="{URL}"')
