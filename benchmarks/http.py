"""HTTP throughput of the production setup: a release page cached and uncached, and a static file.

    .venv/bin/python benchmarks/http.py [--duration 10] [--connections 16]

Runs gunicorn (gunicorn.conf.py) with the production settings on 127.0.0.1,
against a fresh SQLite database in a temporary directory (or --database-url,
an empty database it may fill) and Redis when it answers on 127.0.0.1:6379
(else the production fallback, a file cache). Loads each URL with wrk
(`apt-get install -y wrk`) and prints requests/s, p50, p99 and errors, then the
ratios the issue sets targets for, and what a site-wide purge costs.
"""
# ruff: noqa: E402 (the sys.path fix must come before the imports)

import sys

# Run as a script, this file's folder comes first on sys.path and its name
# would hide the standard library's http package from everything below.
if sys.path and sys.path[0].endswith("benchmarks"):
    sys.path.pop(0)

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

CONTENT = """
from datetime import timedelta
from django.utils import timezone
from press.models import Activity, PressRelease

paragraph = "<p>" + "Thales Alenia Space signed a contract for the next mission. " * 12 + "</p>"
activity = Activity.objects.first()
now = timezone.now()
for number in range(40):
    PressRelease.objects.create(
        title_en=f"Release number {number} about a mission to Mars",
        slug_en=f"release-{number}",
        title_fr=f"Communiqué numéro {number} sur une mission vers Mars",
        slug_fr=f"communique-{number}",
        description_en="A short summary of the release for cards and search engines.",
        body_en=paragraph * 8,
        body_fr=paragraph * 8,
        date=now - timedelta(days=number),
        activity=activity,
        country="Italy",
        status="published",
        publish_at=now - timedelta(days=number),
    )
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per scenario; the median run is shown"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--port", type=int, default=8009)
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp dir")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--no-redis", action="store_true", help="use the file cache fallback")
    return parser.parse_args()


def port_open(host, port):
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


def environment(args, workdir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tas_site.settings.prod",
        "SECRET_KEY": "benchmark-only-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    if not args.no_redis and port_open("127.0.0.1", 6379):
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


class Server:
    def __init__(self, args, env, page_cache):
        self.port = args.port
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                   "--bind", f"127.0.0.1:{args.port}",
                   "--workers", str(args.workers), "--threads", str(args.threads)]  # fmt: skip
        env = {**env, "PAGE_CACHE_ENABLED": "true" if page_cache else "false"}
        if port_open("127.0.0.1", self.port):
            sys.exit(f"Port {self.port} is busy; pass --port.")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)
        deadline = time.monotonic() + 30
        while not port_open("127.0.0.1", self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                sys.exit("gunicorn did not start")
            time.sleep(0.1)

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        conn.close()
        return response, body, elapsed

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(args, port, path):
    runs = sorted((wrk_once(args, port, path) for _ in range(args.repeat)), key=lambda r: r["rps"])
    return runs[len(runs) // 2]


def wrk_once(args, port, path):
    result = subprocess.run(
        ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
         "--latency", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True, timeout=args.duration + 60,
    )  # fmt: skip
    out = result.stdout
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    socket_errors = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
    if match := re.search(socket_errors, out):
        errors += sum(int(n) for n in match.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"50%\s+(\S+)", out).group(1)),
        "p99": to_ms(re.search(r"99%\s+(\S+)", out).group(1)),
        "errors": errors,
    }


def measure_purge(server, path, rounds=20):
    """Time a site-wide purge (one cache write) and the first request after it."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from tas_site import page_cache

    purges, misses, hits = [], [], []
    for _ in range(rounds):
        started = time.perf_counter()
        page_cache._new_token()
        purges.append(time.perf_counter() - started)
        response, _, elapsed = server.get(path)
        assert response.getheader("X-Page-Cache") == "miss", response.getheader("X-Page-Cache")
        misses.append(elapsed)
        response, _, elapsed = server.get(path)
        assert response.getheader("X-Page-Cache") == "hit", response.getheader("X-Page-Cache")
        hits.append(elapsed)
    return {name: statistics.median(values) * 1000
            for name, values in (("purge", purges), ("miss", misses), ("hit", hits))}  # fmt: skip


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="tas-bench-"))
    env = environment(args, workdir)
    os.environ.update(env)
    print(f"database: {env['DATABASE_URL'].split('://')[0]}, "
          f"cache: {'redis' if 'REDIS_URL' in env else 'file'}, gunicorn: "
          f"{args.workers} workers x {args.threads} threads, wrk: {args.wrk_threads} thread(s), "
          f"{args.connections} connections, {args.duration} s per run, "
          f"median of {args.repeat} run(s)")  # fmt: skip
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "shell", "-v0", "-c", CONTENT)
    detail, static = "/en/press-releases/release-5", "/static/css/site.css"

    results = {}
    server = Server(args, env, page_cache=True)
    try:
        for _ in range(2):
            response, _, _ = server.get(detail)
        assert response.status == 200 and response.getheader("X-Page-Cache") == "hit"
        results["static file"] = wrk(args, args.port, static)
        results["detail, cached"] = wrk(args, args.port, detail)
        purge = measure_purge(server, detail)
    finally:
        server.stop()
    server = Server(args, env, page_cache=False)
    try:
        response, _, _ = server.get(detail)
        assert response.status == 200 and response.getheader("X-Page-Cache") is None
        results["detail, uncached"] = wrk(args, args.port, detail)
    finally:
        server.stop()
    shutil.rmtree(workdir, ignore_errors=True)

    print(f"\n{'scenario':<18}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'p99/p50':>9}{'errors':>8}")
    for name, r in results.items():
        print(f"{name:<18}{r['rps']:>10.0f}{r['p50']:>10.2f}{r['p99']:>10.2f}"
              f"{r['p99'] / r['p50']:>9.1f}{r['errors']:>8}")  # fmt: skip
    cached, uncached = results["detail, cached"], results["detail, uncached"]
    static_rps = results["static file"]["rps"]
    print(f"\ncached / static:   {cached['rps'] / static_rps:.2f}x  (target >= 0.6, stretch 0.8)")
    print(f"cached / uncached: {cached['rps'] / uncached['rps']:.1f}x  (target >= 5)")
    print(
        f"site-wide purge: {purge['purge']:.2f} ms; next request (re-render) "
        f"{purge['miss']:.2f} ms; then a hit {purge['hit']:.2f} ms (medians, one client)"
    )


if __name__ == "__main__":
    main()
