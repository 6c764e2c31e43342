"""The anonymous full-page cache: what is stored, what is never shared, purge and revalidation."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.test import RequestFactory, TestCase, override_settings
from django.utils import timezone

from navigation.models import Label
from tas_site import page_cache
from tests.builders import make_release
from tests.clock import frozen_at


@override_settings(PAGE_CACHE_ENABLED=True)
class PageCacheTestCase(TestCase):
    def get(self, url, **extra):
        return self.client.get(url, **extra)

    def assertCache(self, response, value, msg=None):
        self.assertEqual(response.get("X-Page-Cache"), value, msg)


class HitAndMissTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release("Cached", languages=("en", "fr"))

    def test_second_anonymous_request_is_a_hit_with_the_same_page(self):
        url = self.release.get_absolute_url("en")
        first = self.get(url)
        self.assertCache(first, "miss")
        with self.assertNumQueries(0):
            second = self.get(url)
        self.assertCache(second, "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Language"], "en")
        self.assertEqual(second["X-Frame-Options"], "DENY")

    def test_each_language_and_query_string_is_its_own_page(self):
        self.get("/en/press-releases")
        self.assertCache(self.get("/fr/press-releases"), "miss")
        self.assertCache(self.get("/en/press-releases?page=1"), "miss")
        self.assertCache(self.get("/en/press-releases?page=1"), "hit")
        self.assertContains(self.get("/fr/press-releases"), "Cached (fr)")

    def test_head_is_answered_from_the_cache_without_a_body(self):
        url = self.release.get_absolute_url("en")
        length = len(self.get(url).content)
        response = self.client.head(url)
        self.assertCache(response, "hit")
        self.assertEqual(response.content, b"")
        self.assertEqual(int(response["Content-Length"]), length)

    def test_missing_pages_and_redirects_with_vary_are_not_stored(self):
        self.get("/en/press-releases/nope")
        self.assertIsNone(self.get("/en/press-releases/nope").get("X-Page-Cache"))
        self.get("/", HTTP_ACCEPT_LANGUAGE="fr")  # varies on Accept-Language
        response = self.get("/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(response["Location"], "/en")

    def test_headers_for_cheap_revalidation(self):
        response = self.get("/en/press-releases")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=0", response["Cache-Control"])
        self.assertIn("must-revalidate", response["Cache-Control"])
        self.assertTrue(response["ETag"].startswith('"'))
        self.assertIn("GMT", response["Last-Modified"])

    @override_settings(PAGE_CACHE_ENABLED=False)
    def test_switch_off(self):
        self.get("/en/press-releases")
        self.assertIsNone(self.get("/en/press-releases").get("X-Page-Cache"))


class ConditionalGetTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release()

    def test_if_none_match_gets_304_from_a_hit_and_from_a_miss(self):
        url = self.release.get_absolute_url("en")
        etag = self.get(url)["ETag"]
        hit = self.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(hit.status_code, 304)
        self.assertEqual(hit.content, b"")
        self.assertEqual(hit["ETag"], etag)
        with self.captureOnCommitCallbacks(execute=True):
            page_cache.purge()
        rerendered = self.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(rerendered.status_code, 304, "same content after a purge: same ETag")
        self.assertCache(self.get(url), "hit", "the re-rendered page was stored")

    def test_changed_content_gets_200(self):
        url = self.release.get_absolute_url("en")
        etag = self.get(url)["ETag"]
        with self.captureOnCommitCallbacks(execute=True):
            self.release.title_en = "Corrected"
            self.release.save()
        response = self.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Corrected")

    def test_if_modified_since(self):
        url = self.release.get_absolute_url("en")
        last_modified = self.get(url)["Last-Modified"]
        self.assertEqual(self.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code, 304)
        self.assertEqual(
            self.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code, 200
        )


class NeverSharedTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_user("editor", is_staff=True)
        cls.editor.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
        cls.draft = make_release("Secret draft", status="draft")
        cls.live = make_release("Live")

    def test_logged_in_preview_then_anonymous(self):
        self.client.force_login(self.editor)
        url = self.draft.get_absolute_url("en")
        preview = self.get(url)
        self.assertContains(preview, "Secret draft")
        self.assertIsNone(preview.get("X-Page-Cache"))
        self.client.logout()
        anonymous = self.client_class().get(url)
        self.assertEqual(anonymous.status_code, 404)
        self.assertNotIn(b"Secret draft", anonymous.content)

    def test_staff_page_views_are_neither_served_from_nor_stored_in_the_cache(self):
        url = self.live.get_absolute_url("en")
        self.client_class().get(url)  # an anonymous visitor fills the cache
        self.client.force_login(self.editor)
        self.assertIsNone(self.get(url).get("X-Page-Cache"))
        self.assertIsNone(self.get("/en/press-releases").get("X-Page-Cache"))
        self.assertCache(self.client_class().get("/en/press-releases"), "miss")

    def test_any_session_cookie_skips_the_cache(self):
        url = self.live.get_absolute_url("en")
        self.get(url)
        self.client.cookies["sessionid"] = "stale-or-forged"
        self.assertIsNone(self.get(url).get("X-Page-Cache"))

    def test_posts_and_admin_pages_skip_the_cache(self):
        self.assertIsNone(self.client.post("/en/press-releases").get("X-Page-Cache"))
        self.client.get("/admin/login/")
        self.assertIsNone(self.client_class().get("/admin/login/").get("X-Page-Cache"))

    def test_storable_rules(self):
        request = RequestFactory().get("/en/x")

        def response(**headers):
            result = HttpResponse("page", headers=headers)
            return result

        self.assertTrue(page_cache.is_storable(request, response()))
        with_cookie = response()
        with_cookie.set_cookie("csrftoken", "x")
        refused = [
            with_cookie,
            response(Vary="Cookie"),
            response(Vary="Accept-Encoding"),
            response(**{"Cache-Control": "private"}),
            response(**{"Cache-Control": "no-store"}),
            HttpResponse(status=404),
            HttpResponse(status=500),
        ]
        for item in refused:
            with self.subTest(headers=dict(item.headers), status=item.status_code):
                self.assertFalse(page_cache.is_storable(request, item))
        self.assertFalse(page_cache.is_storable(RequestFactory().head("/en/x"), response()))


class PurgeTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release("Original", languages=("en", "fr"))

    def warm(self, *urls):
        for url in urls:
            self.get(url)
            self.assertCache(self.get(url), "hit")

    def test_saving_a_release_purges_its_pages_in_every_language_and_the_lists(self):
        urls = [self.release.get_absolute_url("en"), self.release.get_absolute_url("fr"),
                "/en/press-releases", "/fr/press-releases", "/en"]  # fmt: skip
        self.warm(*urls)
        with self.captureOnCommitCallbacks(execute=True):
            self.release.title_en = "Corrected"
            self.release.save()
            self.assertCache(self.get(urls[0]), "hit", "nothing changes before the commit")
        for url in urls:
            self.assertCache(self.get(url), "miss")
        self.assertContains(self.get("/en/press-releases"), "Corrected")

    def test_publishing_updates_the_next_link_of_the_release_before_it(self):
        older = self.release
        newest = make_release("Newest", date=older.date + timedelta(days=2))
        between = make_release("Between", status="draft", date=older.date + timedelta(days=1))
        url = newest.get_absolute_url("en")
        self.warm(url)
        self.assertContains(self.get(url), older.get_absolute_url("en"))
        with self.captureOnCommitCallbacks(execute=True):
            between.publish()
            between.save()
        page = self.get(url)
        self.assertContains(page, between.get_absolute_url("en"))
        self.assertNotContains(page, older.get_absolute_url("en"))

    def test_deleting_a_release_purges(self):
        url = self.release.get_absolute_url("en")
        self.warm(url)
        with self.captureOnCommitCallbacks(execute=True):
            self.release.delete()
        self.assertEqual(self.get(url).status_code, 404)

    def test_saving_a_label_purges(self):
        self.warm("/en/press-releases")
        label = Label.objects.get(key="labelOpenSearch")
        with self.captureOnCommitCallbacks(execute=True):
            label.value_en = "Find a release"
            label.save()
        self.assertContains(self.get("/en/press-releases"), "Find a release")

    def test_unrelated_saves_do_not_purge(self):
        self.warm("/en/press-releases")
        with self.captureOnCommitCallbacks(execute=True):
            get_user_model().objects.create_user("someone")
        self.assertCache(self.get("/en/press-releases"), "hit")

    def test_a_cache_outage_falls_back_to_rendering(self):
        from unittest import mock

        with mock.patch.object(page_cache.cache, "get_many", side_effect=ConnectionError):
            response = self.get("/en/press-releases")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Original (en)")


class ScheduledReleaseTests(PageCacheTestCase):
    def test_scheduled_release_appears_at_its_time_with_the_cache_on(self):
        make_release("Already out")
        start = timezone.now()
        # Within PAGE_CACHE_SECONDS: the frozen clock is also the cache's clock.
        at = start + timedelta(minutes=5)
        scheduled = make_release("Embargoed", status="published", publish_at=at)
        url = scheduled.get_absolute_url("en")
        with frozen_at(start):
            self.get("/en/press-releases")
            listing = self.get("/en/press-releases")
            self.assertCache(listing, "hit")
            self.assertNotContains(listing, "Embargoed")
            self.assertEqual(self.get(url).status_code, 404)
        with frozen_at(at - timedelta(seconds=1)):
            self.assertCache(self.get("/en/press-releases"), "hit")
        with frozen_at(at):
            listing = self.get("/en/press-releases")
            self.assertCache(listing, "miss")
            self.assertContains(listing, "Embargoed")
            self.assertContains(self.get(url), "Embargoed")
            self.assertCache(self.get("/en/press-releases"), "hit")

    def test_two_schedules_in_a_row(self):
        start = timezone.now()
        first = make_release("First", status="published", publish_at=start + timedelta(hours=1))
        make_release("Second", status="published", publish_at=start + timedelta(hours=2))
        with frozen_at(first.publish_at + timedelta(minutes=1)):
            self.get("/en/press-releases")
            listing = self.get("/en/press-releases")
            self.assertContains(listing, "First")
            self.assertNotContains(listing, "Second")
        with frozen_at(start + timedelta(hours=2)):
            self.assertContains(self.get("/en/press-releases"), "Second")
