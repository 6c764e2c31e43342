"""``/healthz`` and ``/readyz`` for load balancers, answered before anything else.

First in ``MIDDLEWARE``: no HTTPS redirect (probes speak plain HTTP to the
app server), no host check (probes use an IP), no page cache, no access log
line. ``/healthz`` says the process answers and touches nothing; ``/readyz``
checks the database, the cache and the media storage, with each check's
latency, and answers 503 when one of them is down.
"""

import json
import time
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse

from .redis_cache import cache_available
from .responses import unstored_and_unlogged

PROBE_KEY = "readyz:probe"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    value = uuid.uuid4().hex
    cache.set(PROBE_KEY, value, 30)
    # The Redis backend answers a miss instead of raising while Redis is away.
    if not cache_available(cache) or cache.get(PROBE_KEY) != value:
        raise ConnectionError("the cache did not keep a value")


def check_storage():
    # Any answer will do (the file need not exist): it proves the storage is reachable.
    default_storage.exists("readyz-probe")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # a probe reports every failure, it never raises
            # The kind of error only: the message may name internal hosts, and this is public.
            results[name] = {"ok": False, "error": type(error).__name__}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 2)
    return results


def json_response(payload, status):
    # The probe's answer is its report: Django need not log every 503 it gives.
    return unstored_and_unlogged(
        HttpResponse(json.dumps(payload), status=status, content_type="application/json")
    )


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return json_response({"status": "ok"}, 200)
        if request.path_info == "/readyz":
            checks = run_checks()
            ready = all(check["ok"] for check in checks.values())
            if not ready:
                # A database error leaves the connection unusable until it is closed.
                connection.close_if_unusable_or_obsolete()
            status = "ready" if ready else "unavailable"
            return json_response({"status": status, "checks": checks}, 200 if ready else 503)
        return self.get_response(request)
