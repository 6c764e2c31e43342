"""Real processes for the fault and front tests: redis-server, a cuttable TCP proxy, nginx,
and the app server with production settings, each on a free port of 127.0.0.1.

Every starter is a context manager that stops what it started, whatever happens.
"""

import contextlib
import http.client
import os
import re
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

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port, host="127.0.0.1"):
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


def wait_for_port(port, process=None, timeout=30, name="server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode}")
        if port_open(port):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen on {port} within {timeout} s")


def stop(process, timeout=10):
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGCONT)  # a stopped process cannot exit
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
        wait_for_port(self.port, self.process, name="redis-server")

    def kill(self):
        self.process.kill()
        self.process.wait()

    def pause(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process is not None:
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
        process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [NGINX, "-p", folder, "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            wait_for_port(port, process, name="nginx")
            yield port
        finally:
            stop(process)


def production_environment(folder, database_url, redis_url=""):
    """Production settings on plain HTTP, with a cache key prefix of their own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TEST_DATABASE_NAME", "CACHE_KEY_PREFIX"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tas_site.settings.prod",
        PYTHONPATH=str(ROOT),
        SECRET_KEY="services-" + uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(Path(folder) / "static"),
        MEDIA_ROOT=str(Path(folder) / "media"),
        CACHE_DIR=str(Path(folder) / "cache"),
        CACHE_KEY_PREFIX=f"svc-{uuid.uuid4().hex[:8]}",
        PAGE_CACHE_ENABLED="true",
        LOG_LEVEL="WARNING",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


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
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        app_server_command(kind, port, workers), cwd=ROOT, env=env,
        stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, process, name=kind)
        yield port, process
    finally:
        stop(process)
        if log:
            out.close()


class Load:
    """A bounded load generator: ``clients`` threads cycling through ``paths`` on one port.

    Every answer is recorded as (phase, path, status, seconds, X-Page-Cache);
    status 0 means no HTTP answer at all (refused, reset, timed out). Requests
    that start in one phase and end in the next are counted in neither.
    """

    def __init__(self, port, paths, clients=4, timeout=5):
        self.port = port
        self.paths = paths
        self.timeout = timeout
        self.phase = "start"
        self.records = []
        self.lock = threading.Lock()
        self.running = True
        self.threads = [
            threading.Thread(target=self._client, args=(number,), daemon=True)
            for number in range(clients)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)

    def _client(self, number):
        conn = None
        step = number
        while self.running:
            path = self.paths[step % len(self.paths)]
            step += 1
            phase = self.phase
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                record = (phase, path, response.status, time.perf_counter() - started,
                          response.getheader("X-Page-Cache"))  # fmt: skip
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                record = (phase, path, 0, time.perf_counter() - started, None)
                if conn is not None:
                    conn.close()
                conn = None
            if self.phase != phase:
                continue  # straddles two phases: it belongs to neither
            with self.lock:
                self.records.append(record)

    def begin(self, phase):
        """Label the requests started from now on (set it before injecting the fault)."""
        self.phase = phase

    def during(self, phase, seconds):
        self.phase = phase
        time.sleep(seconds)

    def of(self, phase, path=None):
        with self.lock:
            return [r for r in self.records if r[0] == phase and (path is None or r[1] == path)]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


WRK = shutil.which("wrk") or "/usr/bin/wrk"
WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}
# A wrk script that cycles through several paths on one connection pool.
WRK_ROTATE = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def _to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:  # "-nan" when nothing answered
        return float("inf")
    number, unit = match.groups()
    return float(number) * WRK_UNITS[unit]


def wrk(port, paths, seconds, connections=16, threads=2):
    """Load ``paths`` (one or several, in turn) with wrk; requests/s, p50/p99 ms and errors."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    with tempfile.TemporaryDirectory(prefix="tas-wrk-") as folder:
        if len(paths) > 1:
            script = Path(folder) / "rotate.lua"
            script.write_text(WRK_ROTATE % ", ".join(f'"{path}"' for path in paths))
            command += ["-s", str(script)]
        command.append(f"http://127.0.0.1:{port}{paths[0]}")
        out = subprocess.run(  # noqa: S603 (fixed arguments)
            command, capture_output=True, text=True, check=True, timeout=seconds + 60
        ).stdout
    if "Requests/sec" not in out:
        raise RuntimeError(f"wrk printed no results:\n{out}")
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    socket_errors = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
    if match := re.search(socket_errors, out):
        errors += sum(int(n) for n in match.groups())
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The "Latency Distribution" lines; "Thread Stats" has percentages too.
        "p50": _to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99": _to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "errors": errors,
    }
