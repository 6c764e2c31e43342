"""Fault injection: the real app server (production settings) while Redis and PostgreSQL fail.

The test starts its own redis-server and a TCP proxy in front of PostgreSQL,
then kills, stalls (SIGSTOP) and restores them while a bounded load hits the
home, list, detail and search pages. Expected: never a 500; a 503 only where
the database is needed and absent (the search, which is never cached);
pages in the page cache served stale while the database is away; recovery
with no restart; one warning per outage in the logs, no traceback.
"""

import contextlib
import http.client
import re
import tempfile
from pathlib import Path
from unittest import SkipTest

import pytest
from django.db import connection
from django.test import TransactionTestCase

from tas_site import page_cache
from tas_site.redis_cache import ReusingRedisCache
from tests import services
from tests.builders import make_release
from tests.load import Load, percentile

SEARCH = "/en/search?key=mars"


def fetch(port, path, method="GET", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response, body


@contextlib.contextmanager
def stack():
    """Own redis-server, a TCP proxy in front of the test database, the app server behind."""
    db = connection.settings_dict
    with (
        tempfile.TemporaryDirectory(prefix="tas-faults-") as folder,
        services.redis_server() as redis,
        services.tcp_proxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)) as proxy,
    ):
        url = f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"
        env = services.production_environment(folder, url, redis.url)
        # Persistent connections, as in production: they must survive the cut.
        env["CONN_MAX_AGE"] = "60"
        services.collectstatic(env)
        log = Path(folder) / "app.log"
        try:
            with services.app_server(env, log=log) as (port, _):
                yield {"port": port, "redis": redis, "proxy": proxy, "env": env, "log": log}
        finally:
            # Shown by pytest when the test fails (the access lines left out).
            lines = log.read_text().splitlines() if log.exists() else []
            print("\n".join(line for line in lines if "tas_site.access" not in line)[-6000:])


def shared_cache(stack):
    """The stack's Redis page cache, as the site's processes see it."""
    return ReusingRedisCache(stack["redis"].url, {"KEY_PREFIX": stack["env"]["CACHE_KEY_PREFIX"]})


def statuses(records):
    return sorted({record[2] for record in records})


@pytest.mark.postgres
class FaultInjectionTests(TransactionTestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            raise SkipTest("needs PostgreSQL (the TCP proxy sits in front of it)")
        if not Path(services.REDIS_SERVER).exists():
            raise SkipTest("needs redis-server (make front-deps)")
        self.addCleanup(services.wait_for_other_sessions_to_end, connection)
        self.stack = self.enterContext(stack())

    def test_the_site_serves_through_redis_and_database_failures(self):
        stack = self.stack
        release = make_release("Mars sample return", languages=("en",))
        make_release("Mars orbiter", languages=("en",))
        port, redis, proxy = stack["port"], stack["redis"], stack["proxy"]
        paths = ["/en", "/en/press-releases", release.get_absolute_url("en"), SEARCH]
        for path in paths * 2:  # cached (the search never is: free text)
            assert fetch(port, path)[0].status == 200

        with Load(port, paths, clients=4) as load:
            load.during("normal", 3)

            load.phase_of("redis down", redis.kill, 3)
            load.phase_of("redis back", redis.start, 7)  # the breaker retries within 5 s

            load.phase_of("redis stalled", redis.pause, 4)
            load.phase_of("redis resumed", redis.resume, 6)

            load.begin("database down")
            proxy.cut()
            # An editor's save (purge) while the database is away: cached pages are now
            # stale, and the last-good copies are served.
            shared_cache(stack).set(page_cache.PURGE_KEY, "purged-during-outage", None)
            load.during("database down", 3)
            ready, report = fetch(port, "/readyz")
            search, page = fetch(port, SEARCH)
            load.phase_of("database back", proxy.restore, 2)
            load.during("recovered", 3)

        everything = load.records
        assert everything, "the load generator made requests"
        assert not [r for r in everything if r[2] in (0, 500)], "no 500 and no failed connection"
        for phase in ("normal", "redis down", "redis back", "redis stalled", "redis resumed"):
            assert statuses(load.of(phase)) == [200], phase
        assert statuses(load.of("recovered")) == [200]

        # Redis stalled: one timeout per process, then the breaker skips it.
        normal_p99 = percentile([r[3] for r in load.of("normal")], 0.99)
        stalled_p99 = percentile([r[3] for r in load.of("redis stalled")], 0.99)
        assert stalled_p99 <= normal_p99 + 1.0, (normal_p99, stalled_p99)
        # Redis came back: pages are served from the cache again, by itself.
        assert any(r[4] == "hit" for r in load.of("redis resumed"))

        # Database away: cached pages stale, the search (never cached) a designed 503.
        for path in paths[:3]:
            answers = load.of("database down", path)
            assert answers and statuses(answers) == [200], path
            assert {r[4] for r in answers} <= {"hit", "stale"}, path
        assert set(statuses(load.of("database down", SEARCH))) <= {503}
        assert search.status == 503 and search.getheader("Retry-After") == "30"
        assert "Temporarily unavailable" in page and "Traceback" not in page
        assert ready.status == 503 and '"database": {"ok": false' in report

        log = stack["log"].read_text()
        assert "Traceback" not in log
        # One warning per outage and process (2 workers), not one per request.
        assert log.count("unreachable") <= 2 * 4, log[-3000:]
        assert log.count("Database unreachable") <= 2

    def test_a_stale_copy_carries_age_and_warning(self):
        stack = self.stack
        release = make_release("Venus", languages=("en",))
        port, proxy = stack["port"], stack["proxy"]
        url = release.get_absolute_url("en")
        fetch(port, url)
        assert fetch(port, url)[0].getheader("X-Page-Cache") == "hit"
        shared = shared_cache(stack)
        login, form = fetch(port, "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        cookie = login.getheader("Set-Cookie").split(";", 1)[0]
        proxy.cut()
        try:
            shared.set(page_cache.PURGE_KEY, "purged", None)
            response, body = fetch(port, url)
            admin, _ = fetch(
                port, "/admin/login/", "POST",
                f"csrfmiddlewaretoken={token}&username=chief&password=secret-pass",
                {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
        finally:
            proxy.restore()
        assert response.status == 200 and "Venus (en)" in body
        assert response.getheader("X-Page-Cache") == "stale"
        assert response.getheader("Warning") == '111 - "Revalidation Failed"'
        assert int(response.getheader("Age")) >= 0
        assert admin.status == 503, "the admin's log-in needs the database"
        # Back with no restart: the page is rendered afresh and cached again.
        response, _ = fetch(port, url)
        assert response.status == 200 and response.getheader("X-Page-Cache") == "miss"
