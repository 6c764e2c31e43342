"""A changed slug keeps its old address working (301); hand-made redirects for old-site URLs."""

from django.core.exceptions import ValidationError
from django.test import TestCase

from press.models import Redirect
from tests.builders import make_release, make_superuser


def rename(release, language, slug):
    setattr(release, f"slug_{language}", slug)
    release.save()


class SlugChangeTests(TestCase):
    def test_old_url_answers_301_to_the_new_one_in_its_language(self):
        release = make_release(languages=("en", "fr"), slug_en="old-en", slug_fr="ancien")
        rename(release, "fr", "nouveau")
        response = self.client.get("/fr/press-releases/ancien")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/fr/press-releases/nouveau")
        self.assertEqual(self.client.get("/fr/press-releases/nouveau").status_code, 200)
        # English did not change: no redirect, the page answers.
        self.assertEqual(self.client.get("/en/press-releases/old-en").status_code, 200)
        self.assertQuerySetEqual(Redirect.objects.values_list("language", flat=True), ["fr"])

    def test_query_string_is_kept(self):
        release = make_release(slug_en="a")
        rename(release, "en", "b")
        response = self.client.get("/en/press-releases/a?utm_source=x")
        self.assertEqual(response["Location"], "/en/press-releases/b?utm_source=x")

    def test_two_renames_make_no_chain(self):
        release = make_release(slug_en="a")
        rename(release, "en", "b")
        rename(release, "en", "c")
        for old in ("a", "b"):
            self.assertRedirects(
                self.client.get(f"/en/press-releases/{old}"),
                "/en/press-releases/c",
                status_code=301,
            )

    def test_renaming_back_makes_no_loop(self):
        release = make_release(slug_en="a")
        rename(release, "en", "b")
        rename(release, "en", "a")
        self.assertEqual(self.client.get("/en/press-releases/a").status_code, 200)
        self.assertRedirects(
            self.client.get("/en/press-releases/b"), "/en/press-releases/a", status_code=301
        )

    def test_a_live_page_wins_over_a_stale_redirect(self):
        first = make_release(slug_en="a")
        rename(first, "en", "b")
        make_release("Newcomer", slug_en="a")
        self.assertContains(self.client.get("/en/press-releases/a"), "Newcomer")

    def test_new_releases_and_unchanged_saves_make_no_redirect(self):
        release = make_release(slug_en="a")
        release.title_en = "Retitled"
        release.save()
        self.assertFalse(Redirect.objects.exists())

    def test_admin_slug_change_creates_the_redirect(self):
        admin = make_superuser()
        self.client.force_login(admin)
        release = make_release(slug_en="before")
        response = self.client.post(
            f"/admin/press/pressrelease/{release.pk}/change/",
            {
                "title_en": release.title_en, "slug_en": "after", "body_en": release.body_en,
                "date_0": "2024-01-02", "date_1": "10:00:00", "status": "published",
                "publish_at_0": "2024-01-02", "publish_at_1": "10:00:00",
            },
        )  # fmt: skip
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.client.logout()
        self.assertRedirects(
            self.client.get("/en/press-releases/before"),
            "/en/press-releases/after",
            status_code=301,
        )


class ManualRedirectTests(TestCase):
    def test_legacy_address_of_the_old_site(self):
        Redirect.objects.create(
            language="en", old_path="/en/node/123", new_path="/en/press-releases"
        )
        response = self.client.get("/en/node/123")
        self.assertEqual((response.status_code, response["Location"]), (301, "/en/press-releases"))

    def test_unknown_path_stays_404(self):
        self.assertEqual(self.client.get("/en/node/999").status_code, 404)

    def test_validation(self):
        bad = [
            {"old_path": "en/x", "new_path": "/en/y"},
            {"old_path": "/en/x", "new_path": "/en/x"},
            {"old_path": "/en/x", "new_path": "javascript:alert(1)"},
        ]
        for fields in bad:
            with self.subTest(**fields), self.assertRaises(ValidationError):
                Redirect(language="en", **fields).full_clean()
        Redirect(language="en", old_path="/en/x", new_path="https://example.org/").full_clean()

    def test_admin_lists_and_adds_redirects(self):
        admin = make_superuser()
        self.client.force_login(admin)
        response = self.client.post(
            "/admin/press/redirect/add/",
            {"language": "it", "old_path": "/it/vecchio", "new_path": "/it/press-releases"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get("/admin/press/redirect/"), "/it/vecchio")
