"""How long ``import_pages`` takes for the whole old site, and whether its memory stays flat.

Generates N releases x 3 languages (en, fr, it) from the shared page files
(unique titles, slugs, bodies and alternate-URL sets per release; ``next``
pointing at the following release, so the next-release check has real work),
imports them into a fresh SQLite database (and PostgreSQL when DATABASE_URL
is set), then imports them again (the idempotent run). Each measurement runs
in its own process: time (perf_counter), peak RSS (getrusage) and, in a
separate run, the peak Python heap (tracemalloc, which slows Python down).

    .venv/bin/python -m benchmarks.import_pages                # 100 and 1,000 releases
    .venv/bin/python -m benchmarks.import_pages --releases 300 --small 30
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m benchmarks.import_pages

Target: 1,000 releases x 3 languages in under 30 s, heap peak about the same at 100 and 1,000.
"""

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.core.management import call_command

from benchmarks._django import ROOT, setup

SHARED = Path(os.environ.get("SHARED_FIXTURES", "/work/shared/fixtures"))
PAGES = SHARED / "pages" if (SHARED / "pages").is_dir() else ROOT / "demo" / "pages"
MEDIA = SHARED / "media" if (SHARED / "media").is_dir() else ROOT / "demo" / "media"
LANGUAGES = ["en", "fr", "it"]
TARGET_SECONDS = 30


def templates():
    """One page per language: the real English seed, the French file, the seed again for it."""
    pages = {}
    for path in sorted(PAGES.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        language = document["props"]["pageProps"]["query"]["locale"]
        if "mission-mars" in path.name or language not in pages:
            pages[language] = document
    pages.setdefault("it", copy.deepcopy(pages["en"]))
    return pages


def generate(folder, releases):
    """Write ``releases`` x 3 page files into ``folder``, one at a time."""
    base = templates()
    originals = {
        code: (page["props"]["pageProps"]["api"]["data"]["title"].strip(),
               page["props"]["pageProps"]["api"]["data"]["body"])
        for code, page in base.items()
    }  # fmt: skip
    # One image per release, the same in every language (as on the old site).
    images = [base[code]["props"]["pageProps"]["api"]["data"]["image"] for code in ("en", "fr")]
    start = datetime(2024, 1, 1, 9, 0)
    for number in range(releases):
        slugs = {code: f"bench-{number:05d}-{code}" for code in LANGUAGES}
        locales = {code: f"/{code}/press-releases/{slug}" for code, slug in slugs.items()}
        for code in LANGUAGES:
            document = base[code]
            props = document["props"]["pageProps"]
            query, api, data = props["query"], props["api"], props["api"]["data"]
            query["locale"] = code
            query["slug"] = f"/press-releases/{slugs[code]}"
            api["locales"] = locales
            api["breadcrumb"]["paths"][2]["path"] = locales[code]
            title, body = originals[code]
            data["title"] = f"{title} #{number} ({code})"
            data["body"] = f"{body}<p>Release number {number} in {code}.</p>"
            data["date"] = (start - timedelta(hours=number)).isoformat()
            data["activity"] = ["explore", "connect", "observe-protect"][number % 3]
            data["image"] = images[number % 2]
            following = f"/{code}/press-releases/bench-{number + 1:05d}-{code}"
            data["next"] = {"name": "next", "url": following} if number + 1 < releases else None
            (folder / f"{code}--press-releases--{slugs[code]}.json").write_text(
                json.dumps(document, ensure_ascii=False), encoding="utf-8"
            )
    return releases * len(LANGUAGES)


def child(pages, database_url, media_root, trace):
    """Run in a fresh process: migrate, import twice, print the measurements as JSON."""
    setup(
        DATABASE_URL=database_url, MEDIA_ROOT=media_root, DEBUG="0",
        DJANGO_SETTINGS_MODULE="tas_site.settings.dev",
    )  # fmt: skip

    call_command("migrate", verbosity=0)
    if trace:
        import tracemalloc

        tracemalloc.start()
    results = {}
    for run in ("first", "second"):
        started, cpu = time.perf_counter(), time.process_time()
        call_command("import_pages", pages, media_dir=str(MEDIA), verbosity=0)
        results[f"{run}_seconds"] = time.perf_counter() - started
        results[f"{run}_cpu_seconds"] = time.process_time() - cpu
        if trace:
            results[f"{run}_heap_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.reset_peak()
    from press.models import PressRelease  # needs the apps that setup() loaded

    results["releases"] = PressRelease.objects.count()
    results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(results))


def measure(pages, database_url, trace):
    with tempfile.TemporaryDirectory(prefix="bench-media-") as media_root:
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.import_pages", "--child", pages, database_url,
             media_root] + (["--trace"] if trace else []),
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
    if output.returncode:
        sys.exit(f"the import failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def fresh_postgres(url, name):
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100, help="the size compared for flatness")
    args = parser.parse_args()

    backends = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL") else [])
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as work:
        for releases in (args.small, args.releases):
            pages = Path(work) / f"pages-{releases}"
            pages.mkdir()
            started = time.perf_counter()
            files = generate(pages, releases)
            print(f"generated {files} files in {time.perf_counter() - started:.1f} s", flush=True)
            for backend in backends:
                for trace in (False, True):
                    if backend == "sqlite":
                        url = f"sqlite:///{work}/bench-{releases}-{trace}.sqlite3"
                    else:
                        url = fresh_postgres(os.environ["DATABASE_URL"], "bench_import_pages")
                    result = measure(str(pages), url, trace)
                    assert result["releases"] == releases, result
                    rows.append((backend, releases, files, trace, result))
                    print(f"  {backend} {releases} releases{' (tracemalloc)' if trace else ''}: "
                          f"{json.dumps(result)}", flush=True)  # fmt: skip

    print()
    print(
        f"load average: {', '.join(f'{load:.1f}' for load in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (wall time suffers when the machine is busy; CPU time less)"
    )
    print(f"{'backend':<11}{'releases':>9}{'files':>7}{'import s':>10}{'(CPU s)':>9}"
          f"{'re-import s':>13}{'(CPU s)':>9}{'peak RSS MB':>13}{'heap peak MB':>14}")  # fmt: skip
    for backend in backends:
        timed = {r: res for b, r, _, t, res in rows if b == backend and not t}
        traced = {r: res for b, r, _, t, res in rows if b == backend and t}
        for releases in (args.small, args.releases):
            result, heap = timed[releases], traced[releases]
            print(f"{backend:<11}{releases:>9}{releases * 3:>7}{result['first_seconds']:>10.2f}"
                  f"{result['first_cpu_seconds']:>9.2f}{result['second_seconds']:>13.2f}"
                  f"{result['second_cpu_seconds']:>9.2f}{result['rss_mb']:>13.1f}"
                  f"{heap['first_heap_mb']:>14.1f}")  # fmt: skip
        big, small = timed[args.releases], timed[args.small]
        heap_ratio = traced[args.releases]["first_heap_mb"] / traced[args.small]["first_heap_mb"]
        print(
            f"{backend}: {args.releases}/{args.small} releases: time x"
            f"{big['first_seconds'] / small['first_seconds']:.1f}, heap peak x{heap_ratio:.2f}, "
            f"RSS x{big['rss_mb'] / small['rss_mb']:.2f}; target {TARGET_SECONDS} s: "
            f"{'met' if big['first_seconds'] < TARGET_SECONDS else 'MISSED'} "
            f"({big['first_seconds']:.1f} s)"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], trace="--trace" in sys.argv)
    else:
        main()
