"""The Communications group, logged in for real: what it can do, and what it cannot."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from press.models import PressRelease
from tests.builders import make_release, make_staff


class CommunicationsGroupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_staff("comms", password="long-enough-password")
        cls.release = make_release(status="draft")

    def setUp(self):
        response = self.client.post(
            "/admin/login/?next=/admin/",
            {"username": "comms", "password": "long-enough-password"},
        )
        self.assertEqual(response.status_code, 302, "the member logs in through the form")

    def test_can_open_everything_a_press_office_edits(self):
        pages = [
            "/admin/press/pressrelease/",
            "/admin/press/pressrelease/add/",
            f"/admin/press/pressrelease/{self.release.pk}/change/",
            f"/admin/press/pressrelease/{self.release.pk}/delete/",
            "/admin/press/redirect/add/",
            "/admin/media_styles/image/add/",
            "/admin/navigation/menu/add/",
            "/admin/navigation/menuitem/add/",
            "/admin/navigation/label/add/",
            "/admin/navigation/siteoptions/add/",
        ]
        for url in pages:
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_can_publish(self):
        page = self.client.get(f"/admin/press/pressrelease/{self.release.pk}/change/")
        self.assertContains(page, 'name="status"')
        self.client.post(
            "/admin/press/pressrelease/",
            {"action": "publish_now", "_selected_action": [self.release.pk]},
        )
        self.release.refresh_from_db()
        self.assertEqual(self.release.state, PressRelease.State.PUBLISHED)
        self.client.logout()
        self.assertEqual(self.client.get(self.release.get_absolute_url("en")).status_code, 200)

    def test_can_add_a_redirect(self):
        response = self.client.post(
            "/admin/press/redirect/add/",
            {"language": "en", "old_path": "/en/old", "new_path": "/en/press-releases"},
        )
        self.assertEqual(response.status_code, 302)

    def test_no_access_to_users_groups_or_permissions(self):
        user = get_user_model().objects.create_user("someone")
        forbidden = [
            "/admin/auth/user/",
            "/admin/auth/user/add/",
            f"/admin/auth/user/{user.pk}/change/",
            f"/admin/auth/user/{self.member.pk}/change/",
            "/admin/auth/group/",
            "/admin/auth/group/add/",
        ]
        for url in forbidden:
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 403)
        index = self.client.get("/admin/")
        self.assertNotContains(index, "/admin/auth/")
        self.assertContains(index, "/admin/press/pressrelease/")

    def test_cannot_grant_itself_rights(self):
        response = self.client.post(
            f"/admin/auth/user/{self.member.pk}/change/",
            {"username": "comms", "is_superuser": "on", "is_staff": "on", "is_active": "on"},
        )
        self.assertEqual(response.status_code, 403)
        self.member.refresh_from_db()
        self.assertFalse(self.member.is_superuser)

    def test_activities_are_read_only(self):
        self.assertEqual(self.client.get("/admin/press/activity/").status_code, 200)
        self.assertEqual(self.client.get("/admin/press/activity/add/").status_code, 403)


class WithoutTheGroupTests(TestCase):
    def test_staff_without_a_group_sees_nothing(self):
        get_user_model().objects.create_user("bare", password="long-enough-password", is_staff=True)
        self.client.post("/admin/login/", {"username": "bare", "password": "long-enough-password"})
        self.assertEqual(self.client.get("/admin/press/pressrelease/").status_code, 403)
        self.assertEqual(self.client.get("/admin/navigation/label/").status_code, 403)
