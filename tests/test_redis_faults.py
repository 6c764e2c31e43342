"""The Redis backend when Redis is away: answers like a miss, one warning per outage, a circuit
breaker so a stalled server costs one timeout, and the site and the login limit keep working."""

import socket
import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase, override_settings
from redis.exceptions import ResponseError

from tas_site import redis_cache
from tas_site.login_limits import local_counts
from tas_site.redis_cache import CircuitBreaker, ReusingRedisCache
from tests.builders import make_menu_item, make_release
from tests.services import dead_redis_caches, dead_redis_url


class CircuitBreakerTests(SimpleTestCase):
    def test_opens_on_failure_lets_one_probe_through_then_closes(self):
        breaker = CircuitBreaker("test", open_seconds=5)
        with mock.patch.object(redis_cache.time, "monotonic", return_value=100.0):
            self.assertTrue(breaker.allow())
            with self.assertLogs("tas_site.redis_cache", "WARNING") as logs:
                breaker.failed(ConnectionError("refused"))
                breaker.failed(ConnectionError("refused"))
            self.assertEqual(len(logs.records), 1, "one warning per outage")
            self.assertFalse(breaker.allow())
        with mock.patch.object(redis_cache.time, "monotonic", return_value=105.5):
            self.assertTrue(breaker.allow(), "one probe after the pause")
            self.assertFalse(breaker.allow(), "and only one")
            with self.assertLogs("tas_site.redis_cache", "WARNING") as logs:
                breaker.succeeded()
            self.assertIn("is back", logs.output[0])
            self.assertTrue(breaker.allow())
            self.assertFalse(breaker.is_open)


class DeadRedisBackendTests(SimpleTestCase):
    def test_every_operation_answers_like_a_miss_with_one_warning(self):
        cache = ReusingRedisCache(dead_redis_url(), {"OPTIONS": {"socket_connect_timeout": 0.5}})
        with self.assertLogs("tas_site.redis_cache", "WARNING") as logs:
            self.assertIsNone(cache.get("page"))
            self.assertEqual(cache.get("page", "default"), "default")
            self.assertEqual(cache.get_many(["a", "b"]), {})
            cache.set("page", "body", 30)
            self.assertFalse(cache.add("counter", 0, 30))
            with self.assertRaises(ValueError):
                cache.incr("counter")
            cache.delete("page")
            cache.delete_many(["a", "b"])
            self.assertFalse(cache.has_key("page"))
            for _ in range(50):
                cache.get("page")
        self.assertEqual(len(logs.records), 1)
        self.assertFalse(cache.available)

    def test_refused_writes_are_dropped_with_one_warning_and_no_outage(self):
        # Redis at its memory limit with "noeviction" refuses writes but still reads.
        cache = ReusingRedisCache(dead_redis_url(), {})
        refusal = ResponseError("OOM command not allowed when used memory > 'maxmemory'.")
        with (
            mock.patch.object(cache._cache, "set", side_effect=refusal),
            self.assertLogs("tas_site.redis_cache", "WARNING") as logs,
        ):
            for _ in range(20):
                cache.set("page", "body", 30)
        self.assertEqual(len(logs.records), 1)
        self.assertIn("refused set", logs.output[0])
        self.assertTrue(cache.available, "a refusal is not an outage")

    def test_a_stalled_server_costs_one_timeout_then_is_skipped(self):
        # Accepts connections (the kernel's backlog) but never answers: like SIGSTOP.
        with socket.create_server(("127.0.0.1", 0), backlog=50) as stalled:
            port = stalled.getsockname()[1]
            cache = ReusingRedisCache(
                f"redis://127.0.0.1:{port}/0",
                {"OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3}},
            )
            with self.assertLogs("tas_site.redis_cache", "WARNING"):
                started = time.perf_counter()
                self.assertIsNone(cache.get("page"))
                first = time.perf_counter() - started
                started = time.perf_counter()
                for _ in range(100):
                    cache.get_many(["page", "token"])
                rest = time.perf_counter() - started
        self.assertGreaterEqual(first, 0.25)
        self.assertLess(rest, 0.1, "the breaker skips Redis while it is open")


class PagesWithoutRedisTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release("Served anyway", languages=("en",))
        make_menu_item("main", "Menu from the database", url="/en/press-releases")

    def test_every_public_page_answers_200_from_the_database(self):
        pages = ["/en", "/en/press-releases", self.release.get_absolute_url("en"),
                 "/en/search?key=served", "/en/press-releases/feed", "/sitemap.xml"]  # fmt: skip
        with (
            override_settings(CACHES=dead_redis_caches(), PAGE_CACHE_ENABLED=True),
            self.assertLogs("tas_site", "WARNING") as logs,
        ):
            for url in pages * 2:
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
            menu = self.client.get("/en/press-releases")
        self.assertContains(menu, "Menu from the database")
        self.assertContains(menu, "Served anyway (en)")
        self.assertEqual(len(logs.records), 1, [r.getMessage() for r in logs.records])
        self.assertNotIn("Traceback", "\n".join(logs.output))


@override_settings(LOGIN_FAILURES_PER_USERNAME=3, LOGIN_FAILURES_PER_IP=5)
class LoginLimitsWithoutRedisTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_user("editor", password="right-password", is_staff=True)
        get_user_model().objects.create_user("other", password="other-password", is_staff=True)

    def attempt(self, username="editor", password="wrong", ip="10.0.0.1"):  # noqa: S107
        return self.client.post(
            "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
        )

    def test_failures_are_still_counted_and_other_editors_still_log_in(self):
        with override_settings(CACHES=dead_redis_caches()), self.assertLogs("tas_site"):
            for _ in range(3):
                self.assertEqual(self.attempt().status_code, 200)
            self.assertEqual(self.attempt(password="right-password").status_code, 429)
            other = self.attempt("other", "other-password", ip="10.0.0.2")
            self.assertEqual(other.status_code, 302, "not everyone is locked out")

    def tearDown(self):
        local_counts.clear()  # this process's counts outlive the test otherwise
