"""Two gunicorn processes sharing PostgreSQL and Redis: publish through one, see it in the other.

Runs where PostgreSQL and Redis are available (CI has both). The servers use
the production settings, the test database and a Redis key prefix of their own.
"""

import contextlib
import re
import subprocess
import sys
import tempfile
import uuid
from datetime import timedelta
from unittest import SkipTest

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import TransactionTestCase
from django.utils import timezone

from tests.builders import make_release
from tests.harness import (
    BASE_DIR,
    fetch,
    port_open,
    production_environment,
    running_gunicorn,
)

REDIS = ("127.0.0.1", 6379)


def request(port, path, method="GET", body=None, cookies=None):
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return fetch(port, path, method, body, headers)


def set_cookies(response, cookies):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]


@contextlib.contextmanager
def two_servers():
    """Two production gunicorns on the test database and a Redis key prefix of their own."""
    db = connection.settings_dict
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    with contextlib.ExitStack() as stack:
        static_root = stack.enter_context(tempfile.TemporaryDirectory(prefix="tas-static-"))
        env = production_environment(
            DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/0",
            CACHE_KEY_PREFIX=prefix,
            PAGE_CACHE_ENABLED="true",
            STATIC_ROOT=static_root,
            CONN_MAX_AGE="0",
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR, env=env, check=True, timeout=120,
        )  # fmt: skip
        stack.callback(_delete_keys, prefix)
        yield [
            stack.enter_context(running_gunicorn(env, workers=1, threads=2)).port for _ in range(2)
        ]


def _delete_keys(prefix):
    client = redis.Redis(*REDIS)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def log_in(port, username, password):
    cookies = {}
    status, response, page = request(port, "/admin/login/")
    set_cookies(response, cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = f"csrfmiddlewaretoken={token}&username={username}&password={password}&next=/admin/"
    status, response, _ = request(port, "/admin/login/", "POST", body, cookies)
    assert status == 302, "login through the first process"
    set_cookies(response, cookies)
    return cookies


def admin_action(port, cookies, action, release):
    token = cookies["csrftoken"]
    # post=yes: the answer to "Unpublish these live releases?" (press.safety_nets).
    body = f"csrfmiddlewaretoken={token}&action={action}&_selected_action={release.pk}&post=yes"
    status, _, _ = request(port, "/admin/press/pressrelease/", "POST", body, cookies)
    assert status == 302, f"admin action {action} through the first process"


@pytest.mark.postgres
class TwoProcessesTests(TransactionTestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            raise SkipTest("needs PostgreSQL shared by two processes")
        if not port_open(REDIS[1], REDIS[0]):
            raise SkipTest("needs Redis on 127.0.0.1:6379")
        self.editor_port, self.visitor_port = self.enterContext(two_servers())

    def test_publish_through_one_process_is_visible_through_the_other(self):
        editor_port, visitor_port = self.editor_port, self.visitor_port
        chief = get_user_model().objects.create_superuser("chief", "c@example.com")
        # Hashed with a hasher the production settings know (tests use a faster one).
        chief.password = PBKDF2PasswordHasher().encode("pass-word-123", "somesalt", iterations=1000)
        chief.save()
        make_release("Older news", date=timezone.now() - timedelta(days=3))
        release = make_release(
            "Fresh news", status="draft", date=timezone.now() - timedelta(days=1)
        )
        url = release.get_absolute_url("en")

        # The visitor-facing process caches the list and knows nothing of the draft.
        request(visitor_port, "/en/press-releases")
        status, response, listing = request(visitor_port, "/en/press-releases")
        assert response.getheader("X-Page-Cache") == "hit"
        assert "Fresh news" not in listing
        assert request(visitor_port, url)[0] == 404

        cookies = log_in(editor_port, "chief", "pass-word-123")
        admin_action(editor_port, cookies, "publish_now", release)

        # The very next request to the other process sees it.
        status, response, listing = request(visitor_port, "/en/press-releases")
        assert response.getheader("X-Page-Cache") == "miss"
        assert "Fresh news (en)" in listing
        status, _, page = request(visitor_port, url)
        assert status == 200 and "Fresh news (en)" in page
        assert request(visitor_port, url)[1].getheader("X-Page-Cache") == "hit"

        admin_action(editor_port, cookies, "unpublish", release)
        assert request(visitor_port, url)[0] == 404
        assert "Fresh news" not in request(visitor_port, "/en/press-releases")[2]
