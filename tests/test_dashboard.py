"""The admin index's dashboard: drafts, scheduled releases in Paris time, the last
published, translation gaps; a fixed number of queries however many releases there are."""

from datetime import UTC, datetime, timedelta

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext

from press import drafts
from press.models import PressRelease
from tas_site.dashboard import dashboard_panels
from tests.builders import make_release, make_staff
from tests.clock import frozen_at

# 10:30 UTC in winter is 11:30 in Paris.
NOW = datetime(2026, 1, 15, 10, 30, tzinfo=UTC)
# drafts, scheduled, pending drafts of live releases, published, then one per kind of
# translation gap
PANEL_QUERIES = 7
# Session, user, its two permission sets, the panels, site options (twice: its add link),
# recent actions.
PAGE_QUERIES = 4 + PANEL_QUERIES + 2 + 1


def make_releases(count):
    for number in range(count):
        make_release(f"Live {number}", date=NOW - timedelta(days=number + 1),
                     publish_at=NOW - timedelta(days=number + 1))  # fmt: skip
        make_release(f"Draft {number}", status="draft")
        make_release(f"Later {number}", publish_at=NOW + timedelta(hours=number + 1))


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_staff("comms", password="long-enough-password")
        with frozen_at(NOW - timedelta(days=30)):
            cls.draft = make_release("Waiting draft", status="draft")
            cls.scheduled = make_release(
                "Goes out soon", languages=("en", "fr"), publish_at=NOW + timedelta(hours=26)
            )
            cls.live = make_release("Out already", publish_at=NOW - timedelta(days=1))
        LogEntry.objects.create(
            user=cls.member,
            content_type=ContentType.objects.get_for_model(PressRelease),
            object_id=str(cls.draft.pk),
            object_repr=str(cls.draft),
            action_flag=CHANGE,
        )

    def setUp(self):
        self.client.force_login(self.member)

    def index(self):
        with frozen_at(NOW):
            return self.client.get("/admin/")

    def test_branding_favicon_and_press_releases_first(self):
        response = self.index()
        self.assertContains(response, "Thales Alenia Space — Press office")
        self.assertContains(response, 'rel="icon" href="/static/img/favicon.svg"')
        apps = [app["app_label"] for app in response.context["app_list"]]
        self.assertEqual(apps[0], "press")
        models = [model["object_name"] for model in response.context["app_list"][0]["models"]]
        self.assertEqual(models[0], "PressRelease")

    def test_drafts_with_who_edited_last(self):
        response = self.index()
        self.assertContains(response, "Waiting draft (en)")
        self.assertContains(response, " by comms")

    def test_scheduled_in_paris_time_with_the_time_left(self):
        response = self.index()
        # 10:30 UTC + 26 h = 12:30 UTC the next day = 13:30 in Paris (winter).
        self.assertContains(
            response, "16 Jan 2026, 13:30</time> Paris time, in 1\xa0day, 2\xa0hours"
        )

    def test_last_published_and_translation_summary(self):
        response = self.index()
        panels = {panel.key: data for panel, data in response.context["dashboard_panels"]}
        self.assertEqual(panels["published"]["releases"], [self.live])
        summary = {code: dict(kinds) for code, _, kinds in panels["translations"]["languages"]}
        self.assertEqual(list(summary), ["en", "it", "fr"])  # active languages only
        self.assertEqual(summary["fr"]["Releases"], 1)  # "Out already" lacks French
        self.assertContains(response, 'href="/admin/navigation/label/completeness/#lang-fr"')

    def test_changes_waiting_on_live_releases(self):
        with frozen_at(NOW - timedelta(days=2)):
            self.live.title_en = "Out already, corrected"
            drafts.save_draft(self.live, self.member)
            corrected = make_release("Also out", publish_at=NOW - timedelta(days=3))
            corrected.title_en = "Also out, rewritten"
            drafts.schedule(drafts.save_draft(corrected, self.member), NOW + timedelta(hours=2),
                            self.member)  # fmt: skip
        response = self.index()
        panels = {panel.key: data for panel, data in response.context["dashboard_panels"]}
        titles = [str(draft.release) for draft in panels["pending_drafts"]["drafts"]]
        self.assertEqual(titles, ["Also out (en)", "Out already (en)"])  # scheduled first
        # 10:30 UTC + 2 h = 12:30 UTC = 13:30 in Paris (winter); visitors still see the old title.
        self.assertContains(response, "15 Jan 2026, 13:30</time> Paris time, in 2\xa0hours")
        self.assertContains(response, "waiting to be published")
        self.assertContains(response, " by comms")

    def test_panels_need_press_permissions(self):
        bare = get_user_model().objects.create_user("bare", password="pw", is_staff=True)
        self.client.force_login(bare)
        response = self.client.get("/admin/")
        self.assertEqual(response.context["dashboard_panels"], [])
        self.assertNotContains(response, "Waiting draft")


class DashboardQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_staff("comms", password="long-enough-password")

    def panels_queries(self):
        request = RequestFactory().get("/admin/")
        request.user = get_user_model().objects.get(pk=self.member.pk)
        request.user.has_perm("press.view_pressrelease")  # permissions are cached per user
        ContentType.objects.get_for_model(PressRelease)
        with frozen_at(NOW), self.assertNumQueries(PANEL_QUERIES):
            panels = dashboard_panels(request)
        return {panel.key: data for panel, data in panels}

    def index_queries(self):
        self.client.force_login(self.member)
        with frozen_at(NOW):
            self.client.get("/admin/")  # warm: content types
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        return [query["sql"] for query in queries]

    def test_flat_with_5_and_50_releases_of_each_state(self):
        make_releases(5)
        few = self.panels_queries()
        page_with_few = self.index_queries()
        make_releases(45)
        many = self.panels_queries()
        page_with_many = self.index_queries()
        # The whole page: session, user, permissions, recent actions and the panels.
        self.assertEqual(len(page_with_few), PAGE_QUERIES, "\n".join(page_with_few))
        self.assertEqual(len(page_with_many), PAGE_QUERIES)
        self.assertEqual(len(few["drafts"]["releases"]), 5)
        self.assertEqual(len(many["drafts"]["releases"]), 10)
        self.assertTrue(many["drafts"]["more"])
        self.assertEqual(len(many["published"]["releases"]), 10)
        self.assertEqual(len(many["scheduled"]["releases"]), 10)
        scheduled_first = many["scheduled"]["releases"][0]
        self.assertEqual(scheduled_first.publish_at, NOW + timedelta(hours=1))
