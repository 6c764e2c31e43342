"""Real services around the app for the fault and front tests: redis-server, a cuttable TCP
proxy in front of PostgreSQL, nginx with deploy/nginx.conf, and the app server (granian, as
in production, or gunicorn) with the production settings, each on a free port of 127.0.0.1.

Built on tests.harness (free ports, starting, waiting, stopping); every starter is a context
manager that stops what it started, whatever happens. Load generators: tests.load.
"""

import contextlib
import os
import selectors
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from tests.harness import BASE_DIR, free_port, running_process, stop, wait_for_port
from tests.harness import production_environment as harness_environment

ROOT = BASE_DIR
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def wait_for_other_sessions_to_end(connection, timeout=10):
    """Wait until the servers' PostgreSQL sessions are gone (backends end a moment after their
    process), so the test database can be dropped at the end of the run."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)


def dead_redis_url():
    """Nothing listens there: connections are refused at once."""
    return f"redis://127.0.0.1:{free_port()}/0"


def dead_redis_caches():
    """A CACHES setting whose Redis is away (for override_settings)."""
    return {
        "default": {
            "BACKEND": "tas_site.redis_cache.ReusingRedisCache",
            "LOCATION": dead_redis_url(),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


class RedisServer:
    """A private redis-server that tests may kill, stall (SIGSTOP) and bring back."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--maxmemory", "64mb",
             "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, process=self.process)

    def kill(self):
        self.process.kill()
        self.process.wait()

    def pause(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.resume()  # a stopped process cannot exit
            stop(self.process)


@contextlib.contextmanager
def redis_server():
    with tempfile.TemporaryDirectory(prefix="tas-redis-") as folder:
        server = RedisServer(folder)
        server.start()
        try:
            yield server
        finally:
            server.stop()


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; ``cut()`` drops every connection until ``restore()``.

    While cut, new connections are accepted and closed at once, so clients see
    "server closed the connection" immediately rather than waiting on a timeout.
    """

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut_off = False
        self.closed = False
        self.lock = threading.Lock()
        self.sockets = set()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def _accept(self):
        self.listener.settimeout(0.2)
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            if self.cut_off:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client, upstream):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while not self.cut_off and not self.closed:
                for key, _ in selector.select(timeout=0.2):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            with self.lock:
                self.sockets.difference_update((client, upstream))

    def cut(self):
        self.cut_off = True
        with self.lock:
            sockets = list(self.sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def restore(self):
        self.cut_off = False

    def close(self):
        self.closed = True
        self.cut()
        self.listener.close()


@contextlib.contextmanager
def tcp_proxy(host, port):
    proxy = TcpProxy(host, port).start()
    try:
        yield proxy
    finally:
        proxy.close()


def nginx_config(folder, port, app_port, static_root, media_root):
    """A top-level nginx.conf around deploy/nginx.conf, everything inside ``folder``."""
    folder = Path(folder)
    (folder / "cache").mkdir(exist_ok=True)
    (folder / "logs").mkdir(exist_ok=True)
    site = string.Template((ROOT / "deploy" / "nginx.conf").read_text()).safe_substitute(
        LISTEN=f"127.0.0.1:{port}",
        APP_UPSTREAM=f"127.0.0.1:{app_port}",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        NGINX_CACHE_DIR=str(folder / "cache"),
    )
    (folder / "site.conf").write_text(site)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/client_temp;
    proxy_temp_path {folder}/proxy_temp;
    fastcgi_temp_path {folder}/fastcgi_temp;
    uwsgi_temp_path {folder}/uwsgi_temp;
    scgi_temp_path {folder}/scgi_temp;
    include {folder}/site.conf;
}}
"""
    )
    return folder / "nginx.conf"


@contextlib.contextmanager
def nginx(app_port, static_root, media_root):
    """Debian's nginx with deploy/nginx.conf in front of the app server; yields its port."""
    with tempfile.TemporaryDirectory(prefix="tas-nginx-") as folder:
        port = free_port()
        config = nginx_config(folder, port, app_port, static_root, media_root)
        argv = [NGINX, "-p", folder, "-c", config, "-g", "daemon off;"]
        with running_process(argv, log=Path(folder) / "nginx.log", port=port):
            yield port


def production_environment(folder, database_url, redis_url=""):
    """tests.harness's production environment with its files in ``folder`` and the page cache
    on, under a cache key prefix of its own."""
    folder = Path(folder)
    values = {
        "DATABASE_URL": database_url,
        "STATIC_ROOT": folder / "static",
        "MEDIA_ROOT": folder / "media",
        "CACHE_DIR": folder / "cache",
        "CACHE_KEY_PREFIX": f"svc-{uuid.uuid4().hex[:8]}",
        "PAGE_CACHE_ENABLED": "true",
        "LOG_LEVEL": "WARNING",
    }
    if redis_url:
        values["REDIS_URL"] = redis_url
    return harness_environment(**values)


def collectstatic(env):
    subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip


def app_server_command(kind, port, workers=2):
    """argv for one of the app servers the benchmark compares; "granian" is production's.

    ``workers=None`` keeps gunicorn.conf.py's own count.
    """
    if kind == "granian":
        return [sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
                "--port", str(port), "--workers", str(workers or 2), "--blocking-threads", "1",
                "--no-ws", "--log-level", "warning", "tas_site.wsgi:application"]  # fmt: skip
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    if workers:
        gunicorn += ["--workers", str(workers)]
    if kind == "gunicorn-sync":
        return [*gunicorn, "--worker-class", "sync"]
    if kind == "gunicorn-gthread":
        return gunicorn
    raise ValueError(f"unknown app server {kind!r}")


@contextlib.contextmanager
def app_server(env, kind="granian", workers=2, log=None):
    """Serve the site with production settings; yields (port, process)."""
    port = free_port()
    argv = app_server_command(kind, port, workers)
    with running_process(argv, env=env, log=log, port=port) as process:
        yield port, process
