"""Drafts of a live release: saved aside, invisible to visitors, published, discarded,
scheduled (going live by themselves at their moment, with no cron job)."""

from datetime import UTC, datetime, timedelta
from unittest import mock

from django.test import TestCase, override_settings

from press import drafts, versions
from press.models import PressRelease, PressReleaseDraft
from tests.builders import form_data, make_release
from tests.clock import frozen_at

from .test_versions import communications_user

# 23:30 UTC is already tomorrow in Paris (00:30): the schedule form speaks Paris time.
START = datetime(2026, 1, 14, 23, 25, tzinfo=UTC)
MOMENT = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)
MOMENT_IN_PARIS = "2026-01-15T00:30"


class DraftTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.publisher = communications_user("publisher")
        cls.writer = communications_user("writer", publisher=False)

    def setUp(self):
        self.release = make_release(
            "Launch", languages=("en",), body_en="<p>The launch is on Monday.</p>",
            publish_at=START - timedelta(days=1),
            # A fixed winter date: a derived one may fall in the hour DST repeats in October.
            date=START - timedelta(days=2),
        )  # fmt: skip
        self.url = f"/admin/press/pressrelease/{self.release.pk}/change/"
        self.public_url = self.release.get_absolute_url("en")

    def save_draft(self, user, body="<p>The launch is on Tuesday.</p>"):
        self.client.force_login(user)
        data = {**form_data(self.client.get(self.url).content), "body_en": body}
        response = self.client.post(self.url, {**data, "_save_draft": "Save draft"})
        errors = response.context and response.context["adminform"].form.errors
        self.assertEqual(response.status_code, 302, errors)
        return response

    def visitor_sees(self, text):
        self.client.logout()
        return text.encode() in self.client.get(self.public_url).content


class SaveDraftTests(DraftTestCase):
    def test_a_draft_is_invisible_to_visitors_and_shown_on_the_form(self):
        response = self.save_draft(self.writer)
        self.assertRedirects(response, self.url)
        draft = PressReleaseDraft.objects.get(release=self.release)
        self.assertEqual(draft.saved_by, self.writer)
        self.release.refresh_from_db()
        self.assertEqual(self.release.body_en, "<p>The launch is on Monday.</p>")
        self.client.force_login(self.writer)
        form = self.client.get(self.url)
        self.assertContains(form, "A draft is pending.")
        self.assertContains(form, "Saved by writer")
        self.assertContains(form, "The launch is on Tuesday.")  # the form edits the draft
        self.assertNotContains(form, 'name="_save"')  # would publish the draft
        self.assertTrue(self.visitor_sees("Monday"))
        self.assertFalse(self.visitor_sees("Tuesday"))

    def test_saving_a_draft_records_no_version(self):
        count = versions.versions_of(self.release).count()
        self.save_draft(self.writer)
        self.assertEqual(versions.versions_of(self.release).count(), count)

    def test_a_draft_identical_to_the_live_release_is_not_kept(self):
        self.save_draft(self.writer, body="<p>The launch is on Monday.</p>")
        self.assertFalse(PressReleaseDraft.objects.exists())

    def test_save_draft_is_offered_only_on_a_live_release(self):
        self.client.force_login(self.publisher)
        self.assertContains(self.client.get(self.url), 'name="_save_draft"')
        draft = make_release("Not out yet", status="draft")
        response = self.client.get(f"/admin/press/pressrelease/{draft.pk}/change/")
        self.assertNotContains(response, 'name="_save_draft"')

    def test_the_draft_can_be_edited_again(self):
        self.save_draft(self.writer)
        self.save_draft(self.writer, body="<p>The launch is on Wednesday.</p>")
        draft = PressReleaseDraft.objects.get()
        self.assertEqual(drafts.values(draft)["body_en"], "<p>The launch is on Wednesday.</p>")

    def test_compare_the_draft_with_the_live_release(self):
        self.save_draft(self.writer)
        response = self.client.get(
            f"/admin/press/pressrelease/{self.release.pk}/history/compare/?from=live&to=draft"
        )
        self.assertContains(response, "The launch is on <del>Monday</del><ins>Tuesday</ins>.")


class PublishAndDiscardTests(DraftTestCase):
    def test_publish_changes_makes_the_draft_live_as_a_new_version(self):
        self.save_draft(self.writer)
        self.client.force_login(self.publisher)
        data = form_data(self.client.get(self.url).content)
        response = self.client.post(self.url, {**data, "_publish_draft": "Publish changes"})
        self.assertRedirects(response, self.url)
        self.assertFalse(PressReleaseDraft.objects.exists())
        latest = versions.versions_of(self.release).first()
        self.assertEqual(latest.revision.user, self.publisher)
        self.assertTrue(latest.revision.comment.startswith("Published the draft saved by writer"))
        self.assertTrue(self.visitor_sees("Tuesday"))

    def test_without_the_publish_permission_the_button_is_absent_and_the_post_refused(self):
        self.save_draft(self.writer)
        form = self.client.get(self.url)
        self.assertNotContains(form, 'name="_publish_draft"')
        self.assertNotContains(form, "Schedule…")
        data = form_data(form.content)
        for button in ("_publish_draft", "_save", "_continue"):
            with self.subTest(button=button):
                response = self.client.post(self.url, {**data, button: "1"})
                self.assertEqual(response.status_code, 403)
        self.assertTrue(PressReleaseDraft.objects.exists())
        self.assertTrue(self.visitor_sees("Monday"))

    def test_discard_asks_first_then_drops_the_draft(self):
        self.save_draft(self.writer)
        discard_url = f"/admin/press/pressrelease/{self.release.pk}/draft/discard/"
        confirmation = self.client.get(discard_url)
        self.assertContains(confirmation, "Yes, discard the draft")
        self.assertTrue(PressReleaseDraft.objects.exists())
        self.assertRedirects(self.client.post(discard_url), self.url)
        self.assertFalse(PressReleaseDraft.objects.exists())
        self.assertTrue(self.visitor_sees("Monday"))


@override_settings(PAGE_CACHE_ENABLED=True)
class ScheduledDraftTests(DraftTestCase):
    def schedule(self, value=MOMENT_IN_PARIS, user=None):
        self.client.force_login(user or self.publisher)
        return self.client.post(
            f"/admin/press/pressrelease/{self.release.pk}/draft/schedule/", {"publish_at": value}
        )

    def test_the_draft_goes_live_at_its_moment_paris_time_with_the_page_cache_on(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.assertRedirects(self.schedule(), self.url)
            draft = PressReleaseDraft.objects.get()
            self.assertEqual(draft.publish_at, MOMENT)
            self.assertEqual(draft.scheduled_by, self.publisher)
            self.assertEqual(PressRelease.objects.next_scheduled_at(), MOMENT)
            self.client.logout()
            self.client.get(self.public_url)
            page = self.client.get(self.public_url)
            self.assertEqual(page["X-Page-Cache"], "hit")
            self.assertContains(page, "Monday")
        with frozen_at(MOMENT - timedelta(seconds=1)):
            page = self.client.get(self.public_url)
            self.assertEqual(page["X-Page-Cache"], "hit")
            self.assertContains(page, "Monday")
        with frozen_at(MOMENT):
            with self.captureOnCommitCallbacks(execute=True):
                page = self.client.get(self.public_url)
            self.assertEqual(page["X-Page-Cache"], "miss")  # expired at the draft's moment
            self.assertContains(page, "Tuesday")
            self.assertContains(self.client.get(self.public_url), "Tuesday")
        self.assertFalse(PressReleaseDraft.objects.exists())
        latest = versions.versions_of(self.release).first()
        comment = "Scheduled draft went live (scheduled by publisher)"
        self.assertEqual(latest.revision.comment, comment)
        self.assertEqual(latest.revision.user, self.publisher)

    def test_requests_before_the_moment_cost_no_query_for_drafts(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.schedule()
            self.client.logout()
            with self.assertNumQueries(0):
                drafts.apply_if_due()

    def test_scheduling_needs_the_publish_permission(self):
        self.save_draft(self.writer)
        self.assertEqual(self.schedule(user=self.writer).status_code, 403)
        self.assertIsNone(PressReleaseDraft.objects.get().publish_at)

    def test_a_moment_in_the_past_is_refused(self):
        with frozen_at(MOMENT + timedelta(hours=1)):
            self.save_draft(self.writer)
            response = self.schedule()
        self.assertContains(response, "Choose a moment in the future")
        self.assertIsNone(PressReleaseDraft.objects.get().publish_at)

    def test_a_draft_that_cannot_go_live_is_logged_and_visitors_get_the_live_version(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.schedule()
            make_release("Squatter", slug_en="squatter")
            draft = PressReleaseDraft.objects.get()
            values = {**drafts.values(draft), "slug_en": "squatter"}
            draft.serialized_data = versions.serialize(
                versions.apply_values(PressRelease.objects.get(pk=self.release.pk), values),
                fields=versions.CONTENT_FIELDS,
            )
            draft.save()
        with frozen_at(MOMENT), self.assertLogs("press.drafts", "ERROR"):
            page = self.client.get(self.public_url)
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Monday")
        draft.refresh_from_db()
        self.assertIn("Another release already uses this en slug", draft.failure)
        self.assertIsNone(PressRelease.objects.next_scheduled_at())
        self.client.force_login(self.publisher)
        self.assertContains(self.client.get(self.url), "Could not go live at its moment")

    def test_applying_twice_publishes_once(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.schedule()
        with frozen_at(MOMENT):
            self.assertEqual(drafts.apply_due(), 1)
            self.assertEqual(drafts.apply_due(), 0)
        self.assertEqual(
            versions.versions_of(self.release)
            .filter(revision__comment__startswith="Scheduled")
            .count(),
            1,
        )

    def test_a_stale_draft_read_by_another_process_is_not_published_twice(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.schedule()
        stale = PressReleaseDraft.objects.get()
        with frozen_at(MOMENT):
            drafts.apply_due()
            self.assertIsNone(drafts.publish(stale, user=None, comment="again"))

    def test_a_failing_cache_costs_a_query_not_a_page(self):
        with frozen_at(START):
            self.save_draft(self.writer)
            self.schedule()
        broken = mock.Mock(
            **{"get.side_effect": ConnectionError, "set.side_effect": ConnectionError}
        )
        drafts._memo["until"] = float("-inf")  # this process knows nothing either
        with mock.patch.object(drafts, "cache", broken), self.assertNumQueries(1):
            self.assertEqual(drafts.next_due_at(), MOMENT.timestamp())
        with mock.patch.object(drafts, "cache", broken), frozen_at(MOMENT):
            self.client.logout()
            self.assertContains(self.client.get(self.public_url), "Tuesday")


class NextScheduledTests(TestCase):
    def test_next_scheduled_at_counts_drafts_waiting_for_their_moment(self):
        release = make_release(publish_at=START - timedelta(days=1))
        make_release(status="published", publish_at=MOMENT + timedelta(hours=2))
        with frozen_at(START):
            self.assertEqual(PressRelease.objects.next_scheduled_at(), MOMENT + timedelta(hours=2))
            draft = drafts.save_draft(release, None)
            self.assertEqual(PressRelease.objects.next_scheduled_at(), MOMENT + timedelta(hours=2))
            drafts.schedule(draft, MOMENT, None)
            self.assertEqual(PressRelease.objects.next_scheduled_at(), MOMENT)
            draft.failure = "Could not go live"
            draft.save()
            self.assertEqual(PressRelease.objects.next_scheduled_at(), MOMENT + timedelta(hours=2))


class BadAddressTests(DraftTestCase):
    def test_unknown_or_malformed_ids_are_not_500(self):
        self.client.force_login(self.publisher)
        for object_id in ("999999", "abc"):
            with self.subTest(object_id=object_id):
                base = f"/admin/press/pressrelease/{object_id}"
                self.assertEqual(self.client.get(f"{base}/change/").status_code, 302)
                self.assertEqual(self.client.get(f"{base}/draft/discard/").status_code, 404)
                self.assertEqual(self.client.get(f"{base}/draft/schedule/").status_code, 404)
                self.assertEqual(self.client.get(f"{base}/history/compare/").status_code, 404)


class DraftPublishingFieldsTests(DraftTestCase):
    def test_status_is_read_only_while_a_draft_is_pending(self):
        self.save_draft(self.writer)
        self.client.force_login(self.publisher)
        form = self.client.get(self.url)
        self.assertNotContains(form, 'name="status"')
        data = form_data(form.content)
        self.assertNotIn("status", data)
        self.client.post(self.url, {**data, "_publish_draft": "1"})
        self.release.refresh_from_db()
        self.assertEqual(self.release.status, "published")
        self.assertEqual(self.release.body_en, "<p>The launch is on Tuesday.</p>")

    def test_a_status_change_with_save_draft_is_not_lost_silently(self):
        self.client.force_login(self.publisher)
        data = {
            **form_data(self.client.get(self.url).content),
            "body_en": "<p>Tuesday.</p>",
            "status": "draft",
        }
        response = self.client.post(self.url, {**data, "_save_draft": "1"}, follow=True)
        self.assertContains(response, "the status and publish time were not changed")
        self.release.refresh_from_db()
        self.assertEqual(self.release.status, "published")
