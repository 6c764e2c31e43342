"""Django's Redis cache backend, made safe to lose: a Redis outage is a slower site, never an error.

* **Degrade.** Every operation that fails with a Redis error answers like a
  cache miss (``get`` gives the default, ``set`` stores nothing, ``add``
  says False), so callers render from the database instead of failing.
* **Circuit breaker.** A connection error or a timeout opens the breaker for
  ``CIRCUIT_OPEN_SECONDS`` (process-wide, shared by every thread's backend):
  while it is open no call reaches Redis at all, so a stalled server costs one
  timeout, not one per request. Then one caller probes; success closes it.
* **One warning per outage**, and one line when Redis is back; no traceback
  per request.
* **One client per pool.** Django 5.2's ``RedisCacheClient.get_client``
  constructs a new ``redis.Redis`` per call; with redis-py 5+ that fills ~170
  response callbacks each time, a large share of a page-cache hit. A client is
  a thin, thread-safe handle on its connection pool, so one per pool is enough.

``cache_available(cache)`` tells callers that must not treat a miss as "zero"
(the login limits) whether the last answers came from Redis.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

CIRCUIT_OPEN_SECONDS = 5.0
# Errors that mean "Redis is not answering", as opposed to a refused command.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CircuitBreaker:
    def __init__(self, name, open_seconds=CIRCUIT_OPEN_SECONDS):
        self.name = name
        self.open_seconds = open_seconds
        self.lock = threading.Lock()
        self.down_since = None  # monotonic time of the outage's first failure
        self.retry_at = 0.0
        self.last_refusal = 0.0

    @property
    def is_open(self):
        return self.down_since is not None

    def allow(self):
        """True when a call may go to Redis: closed, or this caller is the probe."""
        if self.down_since is None:
            return True
        with self.lock:
            now = time.monotonic()
            if now < self.retry_at:
                return False
            # This caller probes; everyone else keeps skipping Redis meanwhile.
            self.retry_at = now + self.open_seconds
            return True

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + self.open_seconds
            if self.down_since is None:
                self.down_since = now
                logger.warning(
                    "Cache %s unreachable (%s: %s); serving without it, retrying every %.0f s",
                    self.name, type(error).__name__, error, self.open_seconds,
                )  # fmt: skip

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is not None:
                logger.warning(
                    "Cache %s is back after %.1f s", self.name, time.monotonic() - self.down_since
                )
                self.down_since = None


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location):
    """One breaker per Redis location per process (Django builds a backend per thread)."""
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = CircuitBreaker(location)
        return _breakers[location]


def cache_available(cache):
    """False while the cache's breaker is open; other backends are always available."""
    return getattr(cache, "available", True)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _guarded(name, fallback):
    """A RedisCache method that answers ``fallback(*args, **kwargs)`` instead of raising."""
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        breaker = self.breaker
        if not breaker.allow():
            return fallback(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE as error:
            breaker.failed(error)
            return fallback(*args, **kwargs)
        except RedisError as error:
            # Redis answered but refused (out of memory, read-only replica):
            # not an outage, but still not the visitor's problem.
            breaker.succeeded()
            self.refused(name, error)
            return fallback(*args, **kwargs)
        breaker.succeeded()
        return result

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


def _default(key, default=None, version=None):
    return default


def _unknown_count(key, *args, **kwargs):
    # Callers of incr() already handle a missing key.
    raise ValueError(f"Key '{key}' not found (the cache is unavailable).")


class ReusingRedisCache(RedisCache):
    REFUSAL_LOG_SECONDS = 60

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server))

    @property
    def available(self):
        return not self.breaker.is_open

    def refused(self, operation, error):
        now = time.monotonic()
        if now - self.breaker.last_refusal >= self.REFUSAL_LOG_SECONDS:
            self.breaker.last_refusal = now
            logger.warning("Cache %s refused %s: %s", self.breaker.name, operation, error)

    get = _guarded("get", _default)
    get_many = _guarded("get_many", lambda *args, **kwargs: {})
    has_key = _guarded("has_key", lambda *args, **kwargs: False)
    set = _guarded("set", lambda *args, **kwargs: None)
    set_many = _guarded("set_many", lambda *args, **kwargs: [])
    add = _guarded("add", lambda *args, **kwargs: False)
    touch = _guarded("touch", lambda *args, **kwargs: False)
    delete = _guarded("delete", lambda *args, **kwargs: False)
    delete_many = _guarded("delete_many", lambda *args, **kwargs: None)
    clear = _guarded("clear", lambda *args, **kwargs: False)
    incr = _guarded("incr", _unknown_count)
