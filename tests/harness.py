"""Start real servers on 127.0.0.1 for tests, gates and benchmarks, and always stop them.

- ``free_port()``: a port nobody listens on (bind port 0, ask the kernel).
- ``wait_for_port`` / ``wait_for_http``: poll until a TCP port accepts or a URL answers.
- ``running_process(argv, ...)``: start any command with an environment, log its output
  to a file, wait until it serves, yield it; stop it with SIGTERM, then SIGKILL. When it
  dies or never answers, the error shows the tail of its log.
- ``running_gunicorn(env, ...)``: the project's gunicorn (``gunicorn.conf.py``) on a port.
- ``running_site(...)``: the production-like demo site of the browser gates and Lighthouse.
- ``fetch(port, path, ...)``: one plain HTTP request to 127.0.0.1.
- ``s3_server()``: a real S3 API (moto in server mode, ``tests.s3_server``) that also
  answers ``GET /_requests`` with every request it has served.
"""

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import boto3

BASE_DIR = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """A server did not start or died; the message ends with the tail of its log."""


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_open(port, host=HOST):
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback URLs only)
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer, even an error page, means it serves
    except OSError:
        return False


def _wait(ready, what, timeout, process=None, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerError(f"{what}: exited with status {process.returncode}{_tail(log)}")
        if ready():
            return
        time.sleep(0.1)
    raise ServerError(f"{what}: not ready within {timeout} s{_tail(log)}")


def wait_for_port(port, *, host=HOST, timeout=30, process=None, log=None):
    _wait(lambda: port_open(port, host), f"{host}:{port}", timeout, process, log)


def wait_for_http(url, *, timeout=30, process=None, log=None):
    _wait(lambda: _answers(url), url, timeout, process, log)


def _tail(log, lines=40):
    if log is None or not Path(log).exists():
        return ""
    text = Path(log).read_text(errors="replace").splitlines()[-lines:]
    return f"\n--- last lines of {log} ---\n" + "\n".join(text)


def stop(process, grace=10):
    """SIGTERM, then SIGKILL when it is still running after ``grace`` seconds."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_process(argv, *, env=None, cwd=BASE_DIR, log=None, port=None, url=None,
                    timeout=30, grace=10):  # fmt: skip
    """Run ``argv`` until the block ends; ready when ``port`` accepts or ``url`` answers.

    Output (stdout and stderr) goes to ``log`` (a temporary file when not given), so a
    chatty server never blocks on a full pipe; ``process.log`` is its path.
    """
    with contextlib.ExitStack() as cleanup:
        if log is None:
            folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="tas-proc-"))
            log = Path(folder) / "process.log"
        log_file = cleanup.enter_context(open(log, "w"))  # noqa: SIM115 (closed by the stack)
        process = subprocess.Popen(  # noqa: S603 (argv built by our own callers)
            list(map(str, argv)), cwd=cwd, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        process.log = Path(log)
        cleanup.callback(stop, process, grace)
        name = " ".join(map(str, argv[:3]))
        if url is not None:
            wait_for_http(url, timeout=timeout, process=process, log=log)
        elif port is not None:
            wait_for_port(port, timeout=timeout, process=process, log=log)
        elif process.poll() is not None:
            raise ServerError(f"{name}: exited with status {process.returncode}{_tail(log)}")
        yield process


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"


@contextlib.contextmanager
def running_gunicorn(env, *, port=None, workers=2, threads=4, log=None, ready_path=None,
                     timeout=30):  # fmt: skip
    """The project's gunicorn (``gunicorn.conf.py``) with ``env``; yields a ``Server``.

    Ready when the port accepts, or when ``ready_path`` answers (a page that needs the
    database, so the first test request does not race the workers' start).
    """
    port = port or free_port()
    argv = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
            "--bind", f"{HOST}:{port}", "--workers", workers, "--threads", threads,
            "--log-level", "warning"]  # fmt: skip
    url = f"http://{HOST}:{port}{ready_path}" if ready_path else None
    with running_process(argv, env=env, log=log, port=port, url=url, timeout=timeout) as process:
        yield Server(port, process)


def fetch(port, path, method="GET", body=None, headers=None, timeout=10):
    """(status, response, decoded body) of one request to 127.0.0.1:``port``."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response, response.read().decode(errors="replace")
    finally:
        conn.close()


# The production-like site of the browser gates and Lighthouse --------------------------

ADMIN_USERNAME = "gates-admin"
COMMS_USERNAME = "gates-comms"  # Communications group, not a superuser (same password)


@dataclass(frozen=True)
class Site:
    url: str
    admin_username: str
    admin_password: str
    comms_username: str = COMMS_USERNAME


def production_environment(**values):
    """The environment of a production-settings server on loopback, plus ``values``.

    The caller's environment without the test run's own database and cache (a server
    gets the ones ``values`` names), plain HTTP (no TLS on 127.0.0.1), a fresh secret key.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TEST_DATABASE_NAME", "CACHE_KEY_PREFIX"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tas_site.settings.prod",
        PYTHONPATH=str(BASE_DIR),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
    )
    env.update({key: str(value) for key, value in values.items()})
    return env


def site_environment(folder):
    """Production settings serving media too, with a database, media and cache in ``folder``."""
    folder = Path(folder)
    return production_environment(
        DJANGO_SETTINGS_MODULE="tests.browser.server_settings",
        DATABASE_URL=f"sqlite:///{folder}/site.sqlite3",
        MEDIA_ROOT=folder / "media",
        STATIC_ROOT=folder / "static",
        # The page cache stays on (as in production) but starts empty every run.
        CACHE_DIR=folder / "cache",
        TAS_GATES_ADMIN_PASSWORD=secrets.token_urlsafe(16),
    )


@contextlib.contextmanager
def running_site(port=None, *, log=None):
    """Seed a fresh demo site (``tests.browser.seed``), serve it, yield a ``Site``.

    The port is ``TAS_GATES_PORT`` when set, else a free one.
    """
    port = port or int(os.environ.get("TAS_GATES_PORT") or 0) or free_port()
    with tempfile.TemporaryDirectory(prefix="tas-gates-") as folder:
        env = site_environment(folder)
        seeded = subprocess.run(  # noqa: S603 (fixed argv, our own module)
            [sys.executable, "-m", "tests.browser.seed"],
            cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if seeded.returncode != 0:
            raise ServerError(f"Seeding the gates' site failed:\n{seeded.stdout}\n{seeded.stderr}")
        log = log or Path(folder) / "server.log"
        with running_gunicorn(env, port=port, log=log, ready_path="/en") as server:
            yield Site(server.url, ADMIN_USERNAME, env["TAS_GATES_ADMIN_PASSWORD"])


# Object storage of a test's own ------------------------------------------------


@dataclass
class S3Server:
    endpoint: str
    access_key: str = "testing"
    secret_key: str = "testing"  # noqa: S105 (moto accepts any)
    region: str = "us-east-1"

    def client(self):
        return boto3.client(
            "s3", endpoint_url=self.endpoint, aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key, region_name=self.region,
        )  # fmt: skip

    def new_bucket(self):
        name = f"media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def requests(self):
        """Every request served so far: [{"method", "path", "query", "agent"}]."""
        with urllib.request.urlopen(f"{self.endpoint}/_requests", timeout=5) as response:  # noqa: S310
            return json.loads(response.read())

    def environment(self, bucket):
        """The variables that point the site's storage at ``bucket`` (README, Production)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_S3_REGION_NAME": self.region,
        }

    def settings(self, bucket):
        """The same as Django settings, for ``override_settings`` in this process."""
        return {
            **self.environment(bucket),
            "AWS_QUERYSTRING_AUTH": False,
            "AWS_S3_FILE_OVERWRITE": False,
            "AWS_DEFAULT_ACL": None,
            "STORAGES": {
                "default": {"BACKEND": "media_styles.storage.MediaStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        }


@contextlib.contextmanager
def s3_server():
    port = free_port()
    argv = [sys.executable, "-m", "tests.s3_server", port]
    with running_process(argv, port=port):
        yield S3Server(f"http://{HOST}:{port}")
