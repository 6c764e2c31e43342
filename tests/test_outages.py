"""The database is unreachable: a designed 503 in the visitor's language, last-good pages from
the page cache, never a 500 or a traceback."""

from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory, TestCase, override_settings

from press.models import PressReleaseQuerySet
from tas_site import outages, page_cache
from tests.builders import make_release

ERROR = OperationalError('connection to server at "db" failed: Connection refused')


def database_down():
    return mock.patch.object(PressReleaseQuerySet, "published", side_effect=ERROR)


class OutageTestCase(TestCase):
    def setUp(self):
        outages._last_warning = 0.0  # each test sees its outage's first warning


class UnavailablePageTests(OutageTestCase):
    def test_a_page_that_needs_the_database_answers_503_in_the_visitors_language(self):
        with (
            database_down(),
            self.assertLogs("tas_site.outages", "WARNING") as logs,
            self.assertNoLogs("django.request", "ERROR"),
        ):
            french = self.client.get("/fr/press-releases")
            italian = self.client.get("/it/press-releases")
        self.assertEqual(french.status_code, 503)
        self.assertEqual(french["Retry-After"], "30")
        self.assertEqual(french["Cache-Control"], "no-store")
        self.assertContains(french, "Momentanément indisponible", status_code=503)
        self.assertContains(french, '<html lang="fr">', status_code=503)
        self.assertContains(italian, "Temporaneamente non disponibile", status_code=503)
        self.assertEqual(len(logs.records), 1, "one warning per outage, not per request")
        self.assertNotIn("Traceback", french.content.decode())

    def test_the_admin_answers_503_too(self):
        authenticate = "django.contrib.auth.backends.ModelBackend.authenticate"
        with mock.patch(authenticate, side_effect=ERROR), self.assertLogs("tas_site.outages"):
            response = self.client.post("/admin/login/", {"username": "a", "password": "b"})
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")

    def test_handler500_turns_a_database_error_from_a_middleware_into_the_503_page(self):
        request = RequestFactory().get("/en/press-releases", HTTP_ACCEPT_LANGUAGE="it")
        try:
            raise ERROR
        except OperationalError:
            response = outages.server_error(request)
        self.assertEqual(response.status_code, 503)
        self.assertIn("Temporarily unavailable", response.content.decode())
        try:
            raise ValueError("a bug")
        except ValueError:
            self.assertEqual(outages.server_error(request).status_code, 500)

    def test_the_language_comes_from_the_address_then_the_browser(self):
        factory = RequestFactory()
        self.assertEqual(outages.visitor_language(factory.get("/it/search")), "it")
        browser = factory.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
        self.assertEqual(outages.visitor_language(browser), "fr")
        self.assertEqual(outages.visitor_language(factory.get("/healthz")), "en")

    def test_only_connection_errors_count(self):
        self.assertTrue(outages.is_connection_error(ERROR))
        self.assertFalse(outages.is_connection_error(ValueError("connection")))


@override_settings(PAGE_CACHE_ENABLED=True)
class LastGoodCopyTests(OutageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release("Kept", languages=("en",))

    def test_a_cached_page_is_served_stale_while_the_database_is_away(self):
        url = "/en/press-releases"
        self.client.get(url)
        page_cache._new_token()  # an editor saved: the copy is stale now
        with database_down(), self.assertLogs("tas_site.outages", "WARNING"):
            response = self.client.get(url)
            uncached = self.client.get("/en/press-releases?page=2")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kept (en)")
        self.assertEqual(response["X-Page-Cache"], "stale")
        self.assertEqual(response["Warning"], '111 - "Revalidation Failed"')
        self.assertGreaterEqual(int(response["Age"]), 0)
        self.assertEqual(uncached.status_code, 503, "nothing cached for it")
        # Back: rendered afresh, with no restart.
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertNotIn("Warning", response)

    def test_an_unpublished_page_is_not_kept_as_a_last_good_copy(self):
        url = self.release.get_absolute_url("en")
        self.client.get(url)
        self.release.status = "draft"
        with self.captureOnCommitCallbacks(execute=True):
            self.release.save()
        self.assertEqual(self.client.get(url).status_code, 404)
        with database_down(), self.assertLogs("tas_site.outages", "WARNING"):
            self.assertEqual(self.client.get(url).status_code, 503)

    def test_the_copy_outlives_its_freshness(self):
        url = self.release.get_absolute_url("en")
        self.client.get(url)
        key, _ = page_cache.page_key(RequestFactory().get(url))
        with (
            override_settings(PAGE_CACHE_SECONDS=0),
            database_down(),
            self.assertLogs("tas_site.outages", "WARNING"),
        ):
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "stale")
        self.assertIsNotNone(page_cache.cache.get(key))
