"""Versions of a release: recorded on every save (admin, actions, code), none for no change,
listed in the history, compared word by word per language, restored as a new version."""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase

from press import versions
from press.models import PressRelease, Redirect
from tests.builders import form_data, make_release, make_staff

WINTER = datetime(2026, 1, 10, 11, 0, tzinfo=UTC)


def comments(release):
    return [v.revision.comment for v in versions.versions_of(release)]


def communications_user(username="officer", *, publisher=True):
    user = make_staff(username, password="pw")
    if not publisher:
        # A writer: everything of the group but the publish permission.
        group = Group.objects.get(name="Communications")
        user.groups.remove(group)
        user.user_permissions.add(*group.permissions.exclude(codename="publish_pressrelease"))
    return user


class RecordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.officer = communications_user()

    def setUp(self):
        self.client.force_login(self.officer)
        # A fixed winter date: a derived one may fall in the hour DST repeats in October,
        # which the admin's form refuses.
        self.release = make_release("Mission", languages=("en", "fr"), date=WINTER)
        self.url = f"/admin/press/pressrelease/{self.release.pk}/change/"

    def test_a_save_by_code_records_a_version(self):
        self.assertEqual(comments(self.release), [versions.CODE_COMMENT])
        self.release.title_en = "Renamed"
        self.release.save()
        self.assertEqual(len(comments(self.release)), 2)

    def test_an_admin_save_records_who_when_and_a_comment(self):
        data = {**form_data(self.client.get(self.url).content), "body_fr": "<p>Nouveau texte.</p>"}
        response = self.client.post(self.url, {**data, "_save": "Save"})
        self.assertEqual(response.status_code, 302)
        latest = versions.versions_of(self.release).first()
        self.assertEqual(latest.revision.user, self.officer)
        self.assertEqual(latest.revision.comment, "Edited in the admin")
        self.assertIsNotNone(latest.revision.date_created)
        self.assertEqual(versions.version_values(latest)["body_fr"], "<p>Nouveau texte.</p>")

    def test_re_saving_an_untouched_form_records_nothing(self):
        # The browser sends \r\n in every textarea; the stored text has \n.
        self.release.body_en = "<p>One</p>\n<p>Two</p>"
        self.release.description_en = "Line one\nline two"
        self.release.save()
        before = versions.versions_of(self.release).count()
        data = form_data(self.client.get(self.url).content)
        self.assertIn("\r\n", data["body_en"])
        for _ in range(2):
            self.assertEqual(self.client.post(self.url, {**data, "_save": "Save"}).status_code, 302)
        self.assertEqual(versions.versions_of(self.release).count(), before)
        self.release.refresh_from_db()
        self.assertEqual(self.release.body_en, "<p>One</p>\n<p>Two</p>")

    def test_saving_by_code_without_a_change_records_nothing(self):
        self.release.save()
        self.release.save()
        self.assertEqual(len(comments(self.release)), 1)

    def test_list_actions_record_a_version_each(self):
        other = make_release("Other")
        self.client.post(
            "/admin/press/pressrelease/",
            {"action": "unpublish", "_selected_action": [self.release.pk, other.pk], "post": "yes"},
        )
        for release in (self.release, other):
            latest = versions.versions_of(release).first()
            self.assertEqual(latest.revision.comment, "Unpublished. (list action)")
            self.assertEqual(latest.revision.user, self.officer)
            self.assertEqual(versions.version_values(latest)["status"], "unpublished")
        history = self.client.get(f"/admin/press/pressrelease/{other.pk}/history/")
        self.assertContains(history, "Publishing: status (Published → Unpublished)")

    def test_a_release_without_versions_gets_a_baseline_before_its_first_change(self):
        versions.versions_of(self.release).delete()
        PressRelease.objects.filter(pk=self.release.pk).update(title_en="Stored before")
        self.release.refresh_from_db()
        self.release.title_en = "Changed"
        self.release.save()
        found = list(versions.versions_of(self.release))
        self.assertEqual([v.revision.comment for v in found],
                         [versions.CODE_COMMENT, versions.BASELINE_COMMENT])  # fmt: skip
        self.assertEqual(versions.version_values(found[1])["title_en"], "Stored before")


class HistoryAndCompareTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.officer = communications_user()
        cls.release = make_release(
            "Mission",
            languages=("en", "fr"),
            body_en="<p>The satellite <strong>reached</strong> orbit.</p><p>More soon.</p>",
        )
        with versions.recording(cls.officer, "Edited in the admin"):
            cls.release.body_en = "<p>The satellite safely reached its orbit.</p><p>More soon.</p>"
            cls.release.title_fr = "Mission modifiée"
            cls.release.save()
        cls.first, cls.second = reversed(list(versions.versions_of(cls.release)))

    def setUp(self):
        self.client.force_login(self.officer)

    def test_history_lists_versions_with_what_changed_per_language(self):
        response = self.client.get(f"/admin/press/pressrelease/{self.release.pk}/history/")
        self.assertContains(response, "Edited in the admin")
        self.assertContains(response, "English: body · Français: title")
        self.assertContains(response, "First recorded version.")
        self.assertContains(response, f"/history/{self.first.pk}/restore/")
        self.assertNotContains(response, f"/history/{self.second.pk}/restore/")  # current

    def test_compare_marks_removed_and_added_words_per_language(self):
        url = f"/admin/press/pressrelease/{self.release.pk}/history/compare/"
        response = self.client.get(url, {"from": self.first.pk, "to": self.second.pk})
        self.assertContains(
            response,
            "<p>The satellite <ins>safely</ins> reached <ins>its</ins> orbit.</p><p>More soon.</p>",
            html=False,
        )
        self.assertContains(response, '<h2 id="section-2">Français</h2>', html=False)
        french_title = "<p>Mission <del>(fr)</del><ins>modifiée</ins></p>"
        self.assertContains(response, french_title, html=False)
        self.assertContains(response, "Unchanged: Facts, Publishing")

    def test_compare_in_either_direction_and_against_the_live_release(self):
        url = f"/admin/press/pressrelease/{self.release.pk}/history/compare/"
        response = self.client.get(url, {"from": self.second.pk, "to": self.first.pk})
        self.assertContains(response, "<del>safely", html=False)
        response = self.client.get(url, {"from": self.second.pk, "to": "live"})
        self.assertContains(response, "These two versions are the same.")

    def test_compare_escapes_everything(self):
        self.release.title_en = "<script>alert(1)</script> & co"
        self.release.save()
        url = f"/admin/press/pressrelease/{self.release.pk}/history/compare/"
        response = self.client.get(url, {"from": self.first.pk, "to": "live"})
        self.assertContains(response, "&lt;script&gt;")
        self.assertNotContains(response, "<script>alert(1)")

    def test_unknown_or_foreign_versions_are_404(self):
        other = make_release("Other")
        other_version = versions.versions_of(other).first()
        url = f"/admin/press/pressrelease/{self.release.pk}/history/compare/"
        for value in (other_version.pk, "nope", 999999, "draft"):
            with self.subTest(value=value):
                self.assertEqual(self.client.get(url, {"to": value}).status_code, 404)

    def test_staff_without_permission_cannot_compare(self):
        intern = get_user_model().objects.create_user("intern", is_staff=True)
        self.client.force_login(intern)
        url = f"/admin/press/pressrelease/{self.release.pk}/history/compare/"
        self.assertEqual(self.client.get(url).status_code, 403)


class RestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.officer = communications_user()
        cls.viewer = get_user_model().objects.create_user("viewer", is_staff=True)
        cls.viewer.user_permissions.add(Permission.objects.get(codename="view_pressrelease"))

    def setUp(self):
        self.client.force_login(self.officer)
        self.release = make_release("Old", languages=("en",), slug_en="old-address", title_en="Old")
        self.old = versions.versions_of(self.release).first()
        self.release.title_en = "New"
        self.release.slug_en = "new-address"
        self.release.body_en = "<p>Rewritten.</p>"
        self.release.save()
        self.url = f"/admin/press/pressrelease/{self.release.pk}/history/{self.old.pk}/restore/"

    def test_confirmation_shows_what_will_change(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Restore this version")
        self.assertContains(response, "<p><del>New</del><ins>Old</ins></p>", html=False)

    def test_restore_creates_a_new_version_and_keeps_the_old_ones(self):
        count = versions.versions_of(self.release).count()
        response = self.client.post(self.url)
        self.assertRedirects(response, f"/admin/press/pressrelease/{self.release.pk}/history/")
        self.release.refresh_from_db()
        self.assertEqual(self.release.title_en, "Old")
        found = list(versions.versions_of(self.release))
        self.assertEqual(len(found), count + 1)
        self.assertTrue(found[0].revision.comment.startswith("Restored the version of"))
        self.assertEqual(found[0].revision.user, self.officer)
        self.assertIn(self.old, found)

    def test_restore_goes_through_the_normal_save_slug_redirects_and_page(self):
        self.client.post(self.url)
        self.assertEqual(
            Redirect.objects.get(old_path="/en/press-releases/new-address").new_path,
            "/en/press-releases/old-address",
        )
        self.client.logout()
        self.assertContains(self.client.get("/en/press-releases/old-address"), "Old")

    def test_restore_keeps_status_and_publish_time(self):
        self.release.unpublish()
        self.release.save()
        self.client.post(self.url)
        self.release.refresh_from_db()
        self.assertEqual(self.release.status, "unpublished")

    def test_a_slug_taken_since_is_explained_not_a_500(self):
        make_release("Squatter", slug_en="old-address-2")
        PressRelease.objects.exclude(pk=self.release.pk).update(slug_en="old-address")
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Another release already uses this en slug")
        self.release.refresh_from_db()
        self.assertEqual(self.release.title_en, "New")

    def test_restore_needs_the_change_permission(self):
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.post(self.url).status_code, 403)
        self.release.refresh_from_db()
        self.assertEqual(self.release.title_en, "New")
