"""Asking before live releases go offline, and saying when a slug change left a redirect."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from press.models import PressRelease, Redirect
from tests.builders import form_data, make_release, make_staff

State = PressRelease.State
LIST = "/admin/press/pressrelease/"


class UnpublishActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.officer = make_staff("officer")
        cls.live = make_release("Live one", languages=("en", "fr"))
        cls.draft = make_release("Draft one", status="draft")

    def setUp(self):
        self.client.force_login(self.officer)

    def test_lists_what_goes_offline_and_changes_nothing_yet(self):
        response = self.client.post(
            LIST, {"action": "unpublish", "_selected_action": [self.live.pk, self.draft.pk]}
        )
        self.assertTemplateUsed(response, "admin/press/pressrelease/unpublish_confirmation.html")
        self.assertContains(response, "Live one (en)")
        self.assertContains(response, self.live.get_absolute_url("fr"))
        self.assertNotContains(response, "Draft one")  # it is not online anyway
        self.assertContains(response, 'name="post" value="yes"')
        self.live.refresh_from_db()
        self.assertEqual(self.live.state, State.PUBLISHED)

    def test_confirming_unpublishes(self):
        self.client.post(
            LIST,
            {"action": "unpublish", "_selected_action": [self.live.pk], "post": "yes"},
        )
        self.live.refresh_from_db()
        self.assertEqual(self.live.state, State.UNPUBLISHED)

    def test_nothing_live_needs_no_confirmation(self):
        self.client.post(LIST, {"action": "unpublish", "_selected_action": [self.draft.pk]})
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.state, State.UNPUBLISHED)


class ChangeFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.officer = make_staff("officer")

    def setUp(self):
        self.client.force_login(self.officer)

    def change(self, release, **changes):
        url = f"/admin/press/pressrelease/{release.pk}/change/"
        data = form_data(self.client.get(url).content)
        data.update(changes)
        return url, data

    def test_unpublishing_a_live_release_asks_first_and_keeps_the_typing(self):
        release = make_release("Live")
        url, data = self.change(release, status="unpublished", title_en="Edited title")
        page = self.client.post(url, data)
        self.assertTemplateUsed(page, "admin/press/pressrelease/unpublish_confirmation.html")
        self.assertContains(page, '<input type="hidden" name="title_en" value="Edited title">')
        release.refresh_from_db()
        self.assertEqual((release.state, release.title_en), (State.PUBLISHED, "Live (en)"))

        self.client.post(url, {**data, "_confirm_unpublish": "1"})
        release.refresh_from_db()
        self.assertEqual((release.state, release.title_en), (State.UNPUBLISHED, "Edited title"))

    def test_scheduled_or_draft_releases_are_unpublished_without_asking(self):
        soon = make_release("Soon", publish_at=timezone.now() + timedelta(days=1))
        url, data = self.change(soon, status="unpublished")
        self.assertEqual(self.client.post(url, data).status_code, 302)
        soon.refresh_from_db()
        self.assertEqual(soon.state, State.UNPUBLISHED)

    def test_the_save_message_names_the_redirect_a_slug_change_created(self):
        release = make_release("Moved", languages=("en", "fr"), slug_fr="ancienne")
        url, data = self.change(release, slug_fr="nouvelle")
        response = self.client.post(url, data, follow=True)
        messages = [str(m) for m in response.context["messages"]]
        self.assertIn("The old address /fr/press-releases/ancienne now redirects here.", messages)
        self.assertTrue(Redirect.objects.filter(old_path="/fr/press-releases/ancienne").exists())
