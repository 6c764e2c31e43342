"""A production-like copy of the site on 127.0.0.1 for the browser gates and Lighthouse.

gunicorn + whitenoise with hashed static files, DEBUG off, the production
security headers, its own SQLite database and media folder in a temporary
directory, seeded with the demo content by ``tests.browser.seed``.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
DEFAULT_PORT = int(os.environ.get("TAS_GATES_PORT", "8008"))
ADMIN_USERNAME = "gates-admin"


def server_environment(folder, port):
    env = {
        key: value
        for key, value in os.environ.items()
        # The server keeps its own database and cache, whatever the test run uses.
        if key not in {"DATABASE_URL", "REDIS_URL", "TEST_DATABASE_NAME", "CACHE_KEY_PREFIX"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.browser.server_settings",
        PYTHONPATH=str(BASE_DIR),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{folder}/site.sqlite3",
        MEDIA_ROOT=str(Path(folder) / "media"),
        STATIC_ROOT=str(Path(folder) / "static"),
        # The page cache stays on (as in production) but starts empty every run.
        CACHE_DIR=str(Path(folder) / "cache"),
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        TAS_GATES_ADMIN_PASSWORD=secrets.token_urlsafe(16),
    )
    return env


@dataclass(frozen=True)
class Site:
    url: str
    admin_username: str
    admin_password: str


@contextlib.contextmanager
def running_site(port=DEFAULT_PORT, *, log=None):
    """Seed a fresh site, serve it on ``http://127.0.0.1:<port>`` and yield a ``Site``."""
    with tempfile.TemporaryDirectory(prefix="tas-gates-") as folder:
        env = server_environment(folder, port)
        seeded = subprocess.run(  # noqa: S603 (fixed argv, our own module)
            [sys.executable, "-m", "tests.browser.seed"],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if seeded.returncode != 0:
            raise RuntimeError(f"Seeding the gates' site failed:\n{seeded.stdout}\n{seeded.stderr}")
        log_file = open(log or Path(folder) / "server.log", "w")  # noqa: SIM115
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable, "-m", "gunicorn", "tas_site.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
                "--log-level", "warning",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base_url, server)
            yield Site(base_url, ADMIN_USERNAME, env["TAS_GATES_ADMIN_PASSWORD"])
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log_file.close()


def _wait_until_up(base_url, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode} (port in use?)")
        try:
            with urllib.request.urlopen(f"{base_url}/en", timeout=2):  # noqa: S310 (loopback)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The gates' site did not answer on {base_url} within {timeout} s")
