"""Statuses, transitions and what each one shows visitors and staff."""

from datetime import timedelta

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase
from django.utils import timezone

from press.models import PressRelease
from tests.builders import make_release, make_superuser
from tests.clock import frozen_at

State = PressRelease.State


def visible(release, language="en"):
    return PressRelease.objects.published(language).filter(pk=release.pk).exists()


class StateTests(TestCase):
    def test_each_status_and_its_state(self):
        now = timezone.now()
        cases = [
            (dict(status="draft"), State.DRAFT, False),
            (dict(status="draft", publish_at=now + timedelta(days=1)), State.DRAFT, False),
            (dict(status="published", publish_at=now + timedelta(hours=1)), State.SCHEDULED, False),
            (dict(status="published", publish_at=now - timedelta(hours=1)), State.PUBLISHED, True),
            (dict(status="unpublished"), State.UNPUBLISHED, False),
        ]
        for fields, state, is_visible in cases:
            with self.subTest(**fields):
                release = make_release(**fields)
                self.assertEqual(release.state, state)
                self.assertEqual(visible(release), is_visible)

    def test_scheduled_is_derived_not_stored(self):
        release = make_release(status="published", publish_at=timezone.now() + timedelta(hours=1))
        self.assertEqual(release.status, PressRelease.Status.PUBLISHED)
        self.assertNotIn("scheduled", PressRelease.Status.values)
        self.assertQuerySetEqual(PressRelease.objects.scheduled(), [release])
        self.assertQuerySetEqual(PressRelease.objects.live(), [])


class TransitionTests(TestCase):
    def save(self, release, change, *args):
        change(release, *args)
        release.save()
        release.refresh_from_db()
        return release

    def test_draft_to_published_now(self):
        release = make_release(status="draft", publish_at=timezone.now() + timedelta(days=3))
        self.save(release, PressRelease.publish)
        self.assertEqual(release.state, State.PUBLISHED)
        self.assertTrue(visible(release))

    def test_draft_to_scheduled_to_published_when_its_time_comes(self):
        release = make_release(status="draft")
        at = timezone.now() + timedelta(hours=2)
        self.save(release, PressRelease.publish, at)
        self.assertEqual(release.state, State.SCHEDULED)
        self.assertFalse(visible(release))
        with frozen_at(at - timedelta(seconds=1)):
            self.assertFalse(visible(release))
        with frozen_at(at):
            self.assertEqual(release.state, State.PUBLISHED)
            self.assertTrue(visible(release))

    def test_scheduled_back_to_draft(self):
        release = make_release(status="published", publish_at=timezone.now() + timedelta(hours=1))
        release.status = PressRelease.Status.DRAFT
        release.save()
        with frozen_at(timezone.now() + timedelta(hours=2)):
            self.assertFalse(visible(release))
            self.assertEqual(release.state, State.DRAFT)

    def test_published_to_unpublished_and_back(self):
        release = make_release()
        self.save(release, PressRelease.unpublish)
        self.assertEqual(release.state, State.UNPUBLISHED)
        self.assertFalse(visible(release))
        self.save(release, PressRelease.publish)
        self.assertTrue(visible(release))

    def test_unpublished_to_draft(self):
        release = make_release(status="unpublished")
        release.status = PressRelease.Status.DRAFT
        release.save()
        self.assertEqual(release.state, State.DRAFT)
        self.assertFalse(visible(release))

    def test_next_scheduled_at_is_the_earliest_waiting_release(self):
        now = timezone.now()
        self.assertIsNone(PressRelease.objects.next_scheduled_at())
        make_release(status="published", publish_at=now + timedelta(hours=5))
        make_release(status="published", publish_at=now + timedelta(hours=2))
        make_release(status="draft", publish_at=now + timedelta(hours=1))
        self.assertEqual(PressRelease.objects.next_scheduled_at(), now + timedelta(hours=2))


class PerLanguageReadinessTests(TestCase):
    def test_french_stays_404_until_french_has_content(self):
        release = make_release(languages=("en",))
        release.slug_fr = "mission-fr"  # a slug alone is not content
        release.save()
        self.assertEqual(self.client.get(release.get_absolute_url("en")).status_code, 200)
        self.assertEqual(self.client.get("/fr/press-releases/mission-fr").status_code, 404)
        self.assertNotContains(self.client.get("/fr/press-releases"), "mission-fr")

        release.title_fr = "Mission (fr)"
        release.body_fr = "<p>Texte</p>"
        release.save()
        self.assertContains(self.client.get("/fr/press-releases/mission-fr"), "Texte")
        self.assertContains(self.client.get("/fr/press-releases"), "mission-fr")

    def test_unpublishing_hides_every_language(self):
        release = make_release(languages=("en", "fr"))
        release.unpublish()
        release.save()
        for code in ("en", "fr"):
            self.assertEqual(self.client.get(release.get_absolute_url(code)).status_code, 404)


class PreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.editor = User.objects.create_user("editor", password="pw", is_staff=True)
        cls.editor.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
        cls.staff_without_permission = User.objects.create_user("intern", is_staff=True)
        cls.member = User.objects.create_user("member")
        cls.member.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
        cls.draft = make_release("Draft", languages=("en",), status="draft")
        cls.scheduled = make_release(
            "Later", status="published", publish_at=timezone.now() + timedelta(days=1)
        )
        cls.unpublished = make_release("Gone", status="unpublished")
        cls.live = make_release("Live")

    def test_staff_with_change_permission_previews_at_the_normal_url(self):
        self.client.force_login(self.editor)
        for release in (self.draft, self.scheduled, self.unpublished):
            with self.subTest(release.title_en):
                response = self.client.get(release.get_absolute_url("en"))
                self.assertContains(response, "Preview — not published")
                self.assertContains(response, '<meta name="robots" content="noindex">')
                self.assertEqual(response["X-Robots-Tag"], "noindex")
                self.assertIn("private", response["Cache-Control"])
                self.assertIn("no-store", response["Cache-Control"])

    def test_scheduled_preview_says_when(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.scheduled.get_absolute_url("en"))
        self.assertContains(response, "Scheduled: <time datetime=")

    def test_published_release_has_no_banner_for_staff(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.live.get_absolute_url("en"))
        self.assertNotContains(response, "Preview — not published")
        self.assertNotIn("X-Robots-Tag", response)

    def test_everyone_else_gets_404(self):
        for user in (None, self.staff_without_permission, self.member):
            if user:
                self.client.force_login(user)
            with self.subTest(user=str(user)):
                for release in (self.draft, self.scheduled, self.unpublished):
                    response = self.client.get(release.get_absolute_url("en"))
                    self.assertEqual(response.status_code, 404)

    def test_preview_needs_the_language_to_have_content(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/fr/press-releases/whatever").status_code, 404)


class AdminWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser("chief", "c@example.com")
        cls.writer = get_user_model().objects.create_user("writer", is_staff=True)
        cls.writer.user_permissions.add(
            *Permission.objects.filter(
                codename__in=["view_pressrelease", "change_pressrelease", "add_pressrelease"]
            )
        )

    def action(self, name, *releases):
        return self.client.post(
            "/admin/press/pressrelease/",
            {"action": name, "_selected_action": [r.pk for r in releases]},
            follow=True,
        )

    def test_publish_action_publishes_now_and_records_who(self):
        self.client.force_login(self.admin)
        release = make_release(status="draft", publish_at=timezone.now() + timedelta(days=1))
        self.action("publish_now", release)
        release.refresh_from_db()
        self.assertEqual(release.state, State.PUBLISHED)
        entry = LogEntry.objects.get(object_id=str(release.pk))
        self.assertEqual((entry.user, entry.get_change_message()), (self.admin, "Published now."))
        history = self.client.get(f"/admin/press/pressrelease/{release.pk}/history/")
        self.assertContains(history, "chief")
        self.assertContains(history, "Published now.")

    def test_unpublish_action(self):
        # The confirmation step itself is tested in tests/press/test_safety_nets.py.
        self.client.force_login(self.admin)
        release = make_release()
        self.client.post(
            "/admin/press/pressrelease/",
            {"action": "unpublish", "_selected_action": [release.pk], "post": "yes"},
        )
        release.refresh_from_db()
        self.assertEqual(release.state, State.UNPUBLISHED)

    def test_changelist_shows_and_filters_the_derived_state(self):
        self.client.force_login(self.admin)
        make_release("Soon", status="published", publish_at=timezone.now() + timedelta(hours=1))
        make_release("Now")
        response = self.client.get("/admin/press/pressrelease/?state=scheduled")
        self.assertContains(response, "Soon (en)")
        self.assertNotContains(response, "Now (en)")
        self.assertContains(response, "Scheduled")

    def test_writer_without_publish_permission_cannot_publish(self):
        self.client.force_login(self.writer)
        release = make_release(status="draft")
        page = self.client.get(f"/admin/press/pressrelease/{release.pk}/change/")
        self.assertNotContains(page, 'name="status"')
        self.assertNotContains(page, 'name="publish_at_0"')
        changelist = self.client.get("/admin/press/pressrelease/")
        self.assertNotContains(changelist, 'value="publish_now"')
        self.action("publish_now", release)
        release.refresh_from_db()
        self.assertEqual(release.state, State.DRAFT)
