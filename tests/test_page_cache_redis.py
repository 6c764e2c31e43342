"""The Redis backend used in production reuses one client per pool and still behaves as a cache."""

import socket
import uuid

import pytest
from django.core.cache import CacheHandler
from django.test import override_settings


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_up(), reason="needs Redis on 127.0.0.1:6379")
def test_reusing_backend_keeps_one_client_and_round_trips_values():
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
            assert cache.get_many(["page", "absent"]) == {"page": {"body": b"x" * 10_000}}
            assert cache.add("counter", 0, 30)
            assert cache.incr("counter") == 1
            client = cache._cache.get_client()
            assert cache._cache.get_client(write=True) is client
        finally:
            cache.delete_many(["page", "counter"])
