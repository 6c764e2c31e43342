"""Two app processes (gunicorn) and one rq worker sharing PostgreSQL, a private Redis
and an S3 API server (moto): an image uploaded through one process is served with its
variants by the other once the worker has run, and no page request touches storage.
"""

import contextlib
import re
import subprocess
import sys
import tempfile

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import TransactionTestCase

from media_styles.models import Image
from media_styles.specs import SIZES
from tests.builders import image_bytes, make_release
from tests.harness import (
    BASE_DIR,
    production_environment,
    running_gunicorn,
    s3_server,
)
from tests.services import redis_server

PASSWORD = "pass-word-123"  # noqa: S105


def site_environment(db, redis_url, s3, bucket, static_root):
    return production_environment(
        **s3.environment(bucket),
        # The bucket's own address stands for the CDN in front of it.
        MEDIA_URL=f"{s3.endpoint}/{bucket}/",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=redis_url,
        PAGE_CACHE_ENABLED="true",
        STATIC_ROOT=static_root,
        CONN_MAX_AGE="0",
    )


def start_site(stack):
    """{"ports": [a, b], "env": ..., "s3": ..., "bucket": ...} with everything running."""
    redis_url = stack.enter_context(redis_server()).url
    s3 = stack.enter_context(s3_server())
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="tas-media-"))
    bucket = s3.new_bucket()
    env = site_environment(connection.settings_dict, redis_url, s3, bucket, folder)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR, env=env, check=True, timeout=180,
    )  # fmt: skip
    servers = [
        stack.enter_context(running_gunicorn(env, workers=1, threads=2, ready_path="/en"))
        for _ in range(2)
    ]
    return {"ports": [server.port for server in servers], "env": env, "s3": s3,
            "bucket": bucket}  # fmt: skip


class Browser:
    """A logged-in staff member. Production cookies are Secure, and these servers speak
    plain HTTP on 127.0.0.1: cookies are kept by hand, from the raw Set-Cookie headers."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, method, path, **kwargs):
        header = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, self.base + path, headers={"Cookie": header}, allow_redirects=False,
            timeout=30, **kwargs,
        )  # fmt: skip
        for value in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def form_token(self, path):
        page = self.request("GET", path).text
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self):
        token = self.form_token("/admin/login/")
        answer = self.request(
            "POST", "/admin/login/?next=/admin/",
            data={"csrfmiddlewaretoken": token, "username": "comms", "password": PASSWORD},
        )  # fmt: skip
        assert answer.status_code == 302, "logged in through the first process"
        return self


def page(port, path):
    response = requests.get(f"http://127.0.0.1:{port}{path}", timeout=10)
    assert response.status_code == 200, (port, path)
    return response.text


@pytest.mark.postgres
class TwoProcessesOneWorkerTests(TransactionTestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            self.skipTest("needs PostgreSQL shared by the processes")
        stack = contextlib.ExitStack()
        self.addCleanup(stack.close)
        self.site = start_site(stack)

    def test_uploaded_through_one_served_with_variants_by_the_other(self):
        site = self.site
        uploader, other = site["ports"]
        s3, media_url = site["s3"], site["env"]["MEDIA_URL"]
        # A superuser: transaction tests flush the database, the Communications group with it.
        member = get_user_model().objects.create_superuser("comms", "c@example.com")
        # Hashed with a hasher the production settings know (tests use a faster one).
        member.password = PBKDF2PasswordHasher().encode(PASSWORD, "somesalt", iterations=1000)
        member.save()

        staff = Browser(uploader).log_in()
        add = "/admin/media_styles/image/add/"
        token = staff.form_token(add)
        before_upload = len(s3.requests())
        answer = staff.request(
            "POST", add,
            data={"csrfmiddlewaretoken": token, "alt_en": "Two processes", "title": "Shared"},
            files={"file": ("shared.jpg", image_bytes(1200, 800), "image/jpeg")},
        )  # fmt: skip
        assert answer.status_code == 302, answer.text[:2000]
        assert len(s3.requests()) > before_upload  # the original went to the bucket
        image = Image.objects.get()
        assert (image.variants_status, image.variants) == (Image.WAITING, {})
        release = make_release("Shared picture", image=image)
        path = release.get_absolute_url("en")

        # Before the worker: both processes show the placeholder, and ask nothing of S3.
        seen = len(s3.requests())
        for port in (uploader, other):
            html = page(port, path)
            assert '<svg class="image-placeholder release__image"' in html
            assert 'aria-label="Two processes"' in html
        assert len(s3.requests()) == seen

        worker = subprocess.run(
            [sys.executable, "manage.py", "rqworker", "default", "--burst"],
            cwd=BASE_DIR, env=site["env"], capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert worker.returncode == 0, worker.stderr[-2000:]
        image.refresh_from_db()
        assert image.variants_status == Image.DONE and len(image.variants) == len(SIZES)

        # After it: the other process serves the variants (its page cache was purged
        # through Redis by the worker's save), still without a storage request.
        seen = len(s3.requests())
        for port in (other, uploader):
            html = page(port, path)
            srcs = re.findall(r'<img src="([^"]+)"[^>]*class="release__image"', html)
            assert srcs == [image.variants["_1920x1200"]["webp"]], port
            assert srcs[0].startswith(f"{media_url}variants/{image.pk}/")
            assert "image-placeholder" not in html
        assert len(s3.requests()) == seen

        head = s3.client().head_object(Bucket=site["bucket"], Key=srcs[0].removeprefix(media_url))
        assert head["ContentType"] == "image/webp"
        assert "immutable" in head["CacheControl"]
