"""Two gunicorn processes sharing PostgreSQL and Redis: publish through one, see it in the other.

Runs where PostgreSQL and Redis are available (CI has both). The servers use
the production settings, the test database and a Redis key prefix of their own.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from tests.builders import make_release

ROOT = Path(__file__).resolve().parent.parent
REDIS = ("127.0.0.1", 6379)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path, method="GET", body=None, cookies=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    content = response.read().decode()
    result = response.status, response, content
    conn.close()
    return result


def set_cookies(response, cookies):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]


def wait_until_serving(port, process, deadline=30):
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited: {process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn on {port} did not start in {deadline} s")


@pytest.fixture
def two_servers():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL shared by two processes")
    if not redis_is_up():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    db = connection.settings_dict
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    static_root = tempfile.mkdtemp(prefix="tas-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tas_site.settings.prod",
        "SECRET_KEY": "two-process-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": f"redis://{REDIS[0]}:{REDIS[1]}/0",
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_ENABLED": "true",
        "STATIC_ROOT": static_root,
        "CONN_MAX_AGE": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )  # fmt: skip
            servers.append((port, process))
        for port, process in servers:
            wait_until_serving(port, process)
        yield [port for port, _ in servers]
    finally:
        for _, process in servers:
            process.terminate()
        for _, process in servers:
            process.wait(timeout=10)
        import redis

        client = redis.Redis(*REDIS)
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)


def log_in(port, username, password):
    cookies = {}
    status, response, page = fetch(port, "/admin/login/")
    set_cookies(response, cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = f"csrfmiddlewaretoken={token}&username={username}&password={password}&next=/admin/"
    status, response, _ = fetch(port, "/admin/login/", "POST", body, cookies)
    assert status == 302, "login through the first process"
    set_cookies(response, cookies)
    return cookies


def admin_action(port, cookies, action, release):
    token = cookies["csrftoken"]
    body = f"csrfmiddlewaretoken={token}&action={action}&_selected_action={release.pk}"
    status, _, _ = fetch(port, "/admin/press/pressrelease/", "POST", body, cookies)
    assert status == 302, f"admin action {action} through the first process"


def test_publish_through_one_process_is_visible_through_the_other(two_servers):
    editor_port, visitor_port = two_servers
    chief = get_user_model().objects.create_superuser("chief", "c@example.com")
    # Hashed with a hasher the production settings know (tests use a faster one).
    chief.password = PBKDF2PasswordHasher().encode("pass-word-123", "somesalt", iterations=1000)
    chief.save()
    make_release("Older news", date=timezone.now() - timedelta(days=3))
    release = make_release("Fresh news", status="draft", date=timezone.now() - timedelta(days=1))
    url = release.get_absolute_url("en")

    # The visitor-facing process caches the list and knows nothing of the draft.
    fetch(visitor_port, "/en/press-releases")
    status, response, listing = fetch(visitor_port, "/en/press-releases")
    assert response.getheader("X-Page-Cache") == "hit"
    assert "Fresh news" not in listing
    assert fetch(visitor_port, url)[0] == 404

    cookies = log_in(editor_port, "chief", "pass-word-123")
    admin_action(editor_port, cookies, "publish_now", release)

    # The very next request to the other process sees it.
    status, response, listing = fetch(visitor_port, "/en/press-releases")
    assert response.getheader("X-Page-Cache") == "miss"
    assert "Fresh news (en)" in listing
    status, _, page = fetch(visitor_port, url)
    assert status == 200 and "Fresh news (en)" in page
    assert fetch(visitor_port, url)[1].getheader("X-Page-Cache") == "hit"

    admin_action(editor_port, cookies, "unpublish", release)
    assert fetch(visitor_port, url)[0] == 404
    assert "Fresh news" not in fetch(visitor_port, "/en/press-releases")[2]
