"""/healthz and /readyz for load balancers: answered first, never cached, never logged."""

import json
from unittest import mock

from django.test import TestCase, override_settings

from tas_site import health
from tests.services import dead_redis_caches


@override_settings(PAGE_CACHE_ENABLED=True, SECURE_SSL_REDIRECT=True)
class HealthTests(TestCase):
    def test_healthz_answers_without_the_database_from_any_host_over_http(self):
        with self.assertNumQueries(0), self.assertNoLogs("tas_site.access", "INFO"):
            response = self.client.get("/healthz", HTTP_HOST="10.1.2.3")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"status": "ok"})
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_readyz_checks_database_cache_and_storage_with_their_latency(self):
        for _ in range(2):
            response = self.client.get("/readyz", HTTP_HOST="10.1.2.3")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.get("X-Page-Cache"))
        report = json.loads(response.content)
        self.assertEqual(report["status"], "ready")
        self.assertEqual(set(report["checks"]), {"database", "cache", "storage"})
        for check in report["checks"].values():
            self.assertTrue(check["ok"])
            self.assertGreaterEqual(check["ms"], 0)

    def test_readyz_is_503_when_the_cache_is_down(self):
        with override_settings(CACHES=dead_redis_caches()), self.assertLogs("tas_site"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        report = json.loads(response.content)
        self.assertFalse(report["checks"]["cache"]["ok"])
        self.assertTrue(report["checks"]["database"]["ok"])

    def test_readyz_is_503_when_the_database_or_storage_is_down(self):
        for name in ("database", "storage"):
            failing = {**health.CHECKS, name: mock.Mock(side_effect=OSError("unreachable"))}
            with (
                mock.patch.dict(health.CHECKS, failing),
                self.assertNoLogs("django.request", "ERROR"),
            ):
                response = self.client.get("/readyz")
            self.assertEqual(response.status_code, 503, name)
            report = json.loads(response.content)
            self.assertEqual(report["status"], "unavailable")
            self.assertEqual(report["checks"][name]["error"], "OSError")
