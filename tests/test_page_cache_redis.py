"""The Redis backend used in production reuses one client per pool and still behaves as a cache."""

import unittest
import uuid

from django.core.cache import CacheHandler
from django.test import SimpleTestCase, override_settings

from tests.harness import port_open


@unittest.skipUnless(port_open(6379), "needs Redis on 127.0.0.1:6379")
class ReusingRedisCacheTests(SimpleTestCase):
    def test_reusing_backend_keeps_one_client_and_round_trips_values(self):
        prefix = f"test-{uuid.uuid4().hex[:12]}"
        config = {
            "default": {
                "BACKEND": "tas_site.redis_cache.ReusingRedisCache",
                "LOCATION": "redis://127.0.0.1:6379/0",
                "KEY_PREFIX": prefix,
            }
        }
        with override_settings(CACHES=config):
            cache = CacheHandler()["default"]
            try:
                cache.set("page", {"body": b"x" * 10_000}, 30)
                self.assertEqual(
                    cache.get_many(["page", "absent"]), {"page": {"body": b"x" * 10_000}}
                )
                self.assertTrue(cache.add("counter", 0, 30))
                self.assertEqual(cache.incr("counter"), 1)
                client = cache._cache.get_client()
                self.assertIs(cache._cache.get_client(write=True), client)
            finally:
                cache.delete_many(["page", "counter"])
