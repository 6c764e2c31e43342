"""HTTP throughput of the production setup: a release page cached and uncached, and a static file.

    .venv/bin/python -m benchmarks.serving [--duration 10] [--connections 16]

Runs gunicorn (gunicorn.conf.py) with the production settings on 127.0.0.1,
against a fresh SQLite database in a temporary directory (or --database-url,
an empty database it may fill) and Redis when it answers on 127.0.0.1:6379
(else the production fallback, a file cache). Loads each URL with wrk
(`apt-get install -y wrk`) and prints requests/s, p50, p99 and errors, then the
ratios the issue sets targets for, and what a site-wide purge costs.
"""

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks._django import ROOT, setup
from tests.harness import fetch, port_open, production_environment, running_gunicorn

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
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp dir")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--no-redis", action="store_true", help="use the file cache fallback")
    return parser.parse_args()


def environment(args, workdir):
    env = production_environment(
        DATABASE_URL=args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        STATIC_ROOT=workdir / "static",
        MEDIA_ROOT=workdir / "media",
        CACHE_DIR=workdir / "cache",
        CACHE_KEY_PREFIX=f"bench-{uuid.uuid4().hex[:8]}",
    )
    if not args.no_redis and port_open(6379):
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


@contextlib.contextmanager
def serving(args, env, page_cache):
    """gunicorn with the production settings, the page cache on or off; yields its port."""
    env = {**env, "PAGE_CACHE_ENABLED": "true" if page_cache else "false"}
    if args.port and port_open(args.port):
        sys.exit(f"Port {args.port} is busy; pass --port.")
    with running_gunicorn(
        env, port=args.port, workers=args.workers, threads=args.threads
    ) as server:
        yield server.port


def get(port, path):
    """(response, body, seconds) of one GET."""
    started = time.perf_counter()
    _, response, body = fetch(port, path)
    return response, body, time.perf_counter() - started


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


def measure_purge(port, path, rounds=20):
    """Time a site-wide purge (one cache write) and the first request after it."""
    setup()
    from tas_site import page_cache  # needs the settings that setup() loaded

    purges, misses, hits = [], [], []
    for _ in range(rounds):
        started = time.perf_counter()
        page_cache._new_token()
        purges.append(time.perf_counter() - started)
        response, _, elapsed = get(port, path)
        assert response.getheader("X-Page-Cache") == "miss", response.getheader("X-Page-Cache")
        misses.append(elapsed)
        response, _, elapsed = get(port, path)
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
    with serving(args, env, page_cache=True) as port:
        for _ in range(2):
            response, _, _ = get(port, detail)
        assert response.status == 200 and response.getheader("X-Page-Cache") == "hit"
        results["static file"] = wrk(args, port, static)
        results["detail, cached"] = wrk(args, port, detail)
        purge = measure_purge(port, detail)
    with serving(args, env, page_cache=False) as port:
        response, _, _ = get(port, detail)
        assert response.status == 200 and response.getheader("X-Page-Cache") is None
        results["detail, uncached"] = wrk(args, port, detail)
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
