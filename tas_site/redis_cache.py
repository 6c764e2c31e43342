"""Django's Redis cache backend, minus a redis.Redis object built for every operation.

Django 5.2's ``RedisCacheClient.get_client`` constructs a new ``redis.Redis``
per call; with redis-py 5+ that fills ~170 response callbacks each time, a
large share of a page-cache hit (see benchmarks/serving.py). A client is only a
thin, thread-safe handle on its connection pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
