"""Serving near the limit: nginx, the app servers, cached and uncached pages, a purge storm.

    .venv/bin/python -m benchmarks.serving [--duration 10] [--connections 16]

One run, production settings on 127.0.0.1, a fresh SQLite database in a
temporary folder (or --database-url, an empty database it may fill) with the
demo (``load_demo``) and 40 more releases and a
redis-server of its own. Loads each URL with wrk (``make bench-deps``) and
prints requests/s, p50, p99 and errors for:

* nginx serving the same page bytes as a file (the limit);
* the page through deploy/nginx.conf in front of the production app server;
* each app server alone: detail cached, detail uncached, list uncached
  (granian WSGI, production's; gunicorn sync; gunicorn with gunicorn.conf.py
  as it was, gthread);
* a purge storm through the front: a release saved every 0.5 s while wrk loads
  home, list and detail;

then the ratios the targets are set on, and the machine's load average (the
machine is shared: rerun when it is busy).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

from benchmarks._django import setup
from tests import load, services

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_SERVER = "granian"
SERVERS = ("granian", "gunicorn-sync", "gunicorn-gthread")
# The demo's Mars page (load_demo), with its menus and footer, as in production.
DETAIL = "/en/press-releases/mission-mars-be-continued"
LIST, HOME = "/en/press-releases", "/en"

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
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="granian and gunicorn-sync processes")  # fmt: skip
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--storm-seconds", type=int, default=20)
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp dir")
    return parser.parse_args()


def wrk(args, port, path, seconds=None):
    return load.wrk(port, path, seconds or args.duration, args.connections, args.wrk_threads)


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:  # noqa: S310
        return response.read(), response.headers


def prepare(env):
    commands = (["migrate", "--noinput"], ["load_demo"], ["shell", "-c", CONTENT])
    for command in commands:
        done = subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env,
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode:
            sys.exit(f"manage.py {command[0]} failed:\n{done.stdout}\n{done.stderr}")
    services.collectstatic(env)


def measure_server(args, env, kind, results):
    workers = None if kind == "gunicorn-gthread" else args.workers  # gunicorn.conf.py as is
    with services.app_server({**env, "PAGE_CACHE_ENABLED": "true"}, kind, workers) as (port, _):
        for _ in range(2):
            get(port, DETAIL)
        assert get(port, DETAIL)[1]["X-Page-Cache"] == "hit"
        results[(kind, "detail, cached")] = wrk(args, port, DETAIL)
    with services.app_server({**env, "PAGE_CACHE_ENABLED": "false"}, kind, workers) as (port, _):
        get(port, DETAIL)
        get(port, LIST)
        results[(kind, "detail, uncached")] = wrk(args, port, DETAIL)
        results[(kind, "list, uncached")] = wrk(args, port, LIST)


def measure_front(args, env, results):
    env = {**env, "PAGE_CACHE_ENABLED": "true"}
    with (
        services.app_server(env, PRODUCTION_SERVER, args.workers) as (app_port, _),
        services.nginx(app_port, env["STATIC_ROOT"], env["MEDIA_ROOT"]) as port,
    ):
        page, _ = get(app_port, DETAIL)
        copy = Path(env["STATIC_ROOT"]) / "bench" / "page.html"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(page)
        results[("nginx", "the page as a file")] = wrk(args, port, "/static/bench/page.html")
        get(port, DETAIL)
        results[("nginx + " + PRODUCTION_SERVER, "detail, cached")] = wrk(args, port, DETAIL)
        results[("nginx + " + PRODUCTION_SERVER, "purge storm")] = purge_storm(args, env, port)


def purge_storm(args, env, port):
    """wrk on home, list and detail through the front while a release is saved every 0.5 s."""
    # Django is set up only here, with the servers' settings; models need the registry.
    setup(**env)
    from press.models import PressRelease

    release = PressRelease.objects.get(slug_en=DETAIL.rsplit("/", 1)[1])
    stop = threading.Event()

    def editor():
        number = 0
        while not stop.wait(0.5):
            number += 1
            release.description_en = f"Edit number {number}"
            release.save()

    saver = threading.Thread(target=editor, daemon=True)
    saver.start()
    try:
        return wrk(args, port, (HOME, LIST, DETAIL), seconds=args.storm_seconds)
    finally:
        stop.set()
        saver.join()


def report(args, results, loads):
    print(f"\n{'server':<22}{'scenario':<20}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
          f"{'p99/p50':>9}{'errors':>8}")  # fmt: skip
    for (server, scenario), r in results.items():
        ratio = r["p99"] / r["p50"] if r["p50"] else float("inf")
        print(f"{server:<22}{scenario:<20}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
              f"{ratio:>9.1f}{r['errors']:>8}")  # fmt: skip

    def rps(server, scenario):
        found = results.get((server, scenario))
        return found["rps"] if found else float("nan")

    front = rps("nginx + " + PRODUCTION_SERVER, "detail, cached")
    print(f"\nfront cached / file:              {front / rps('nginx', 'the page as a file'):.2f}x"
          "  (target >= 0.5, stretch 0.8)")  # fmt: skip
    base = "gunicorn-gthread"
    for scenario, target in (("detail, cached", 2), ("detail, uncached", None),
                             ("list, uncached", 4)):  # fmt: skip
        ratio = rps(PRODUCTION_SERVER, scenario) / rps(base, scenario)
        goal = f"  (target >= {target})" if target else ""
        print(f"{PRODUCTION_SERVER} / gthread, {scenario + ':':<18}{ratio:>6.2f}x{goal}")
    worst = max(r["p99"] / r["p50"] for r in results.values() if r["p50"])
    print(
        f"worst p99/p50: {worst:.1f} (target <= 3); errors: "
        f"{sum(r['errors'] for r in results.values())} (target 0)"
    )
    averages = "; ".join(f"{when} {' '.join(f'{x:.2f}' for x in load)}" for when, load in loads)
    print(f"load average (1, 5, 15 min): {averages}")


def main():
    args = parse_args()
    for tool in (load.WRK, services.NGINX, services.REDIS_SERVER):
        if not shutil.which(tool) and not Path(tool).exists():
            sys.exit(f"{tool} is not installed: make bench-deps")
    workdir = Path(tempfile.mkdtemp(prefix="tas-bench-"))
    loads = [("start", os.getloadavg())]
    with services.redis_server() as redis:
        env = services.production_environment(
            workdir, args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}", redis.url
        )
        env.update(LOG_LEVEL="ERROR", ACCESS_LOG="false")
        print(f"database: {env['DATABASE_URL'].split('://')[0]}, cache: redis (own server), "
              f"{os.cpu_count()} cores, wrk: {args.wrk_threads} threads, {args.connections} "
              f"connections, {args.duration} s per scenario; {args.workers} processes for "
              f"granian and gunicorn-sync, gunicorn.conf.py as is for gthread")  # fmt: skip
        prepare(env)
        results = {}
        measure_front(args, env, results)
        for kind in args.servers.split(","):
            measure_server(args, env, kind, results)
    loads.append(("end", os.getloadavg()))
    shutil.rmtree(workdir, ignore_errors=True)
    report(args, results, loads)


if __name__ == "__main__":
    main()
