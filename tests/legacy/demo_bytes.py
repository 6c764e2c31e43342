"""Are the demo's public pages byte-identical on this code and on another git revision?

    python -m tests.legacy.demo_bytes            # compare with main
    python -m tests.legacy.demo_bytes --against REV

Each side is a fresh SQLite database loaded with ``load_demo`` (the clock frozen,
so timestamps match), then home, list, every detail page in English, French and
Italian and every ``index.json`` are fetched with Django's test client and their
bytes compared. Only the per-request CSP nonce is masked. The other revision is
exported with ``git archive`` into a temporary folder (no checkout, no branch
touched) and run with this virtualenv.
"""

import argparse
import difflib
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

BASE_DIR = Path(__file__).resolve().parents[2]
FROZEN = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
LANGUAGES = ("en", "fr", "it")
NONCE = re.compile(rb'nonce="[^"]*"|nonce-[A-Za-z0-9+/=]+')


def snapshot(out_dir):
    """Load the demo into a fresh database and write every public page to ``out_dir``."""
    import django
    from django.core.management import call_command
    from django.test import Client

    django.setup()
    import press
    from press.models import PressRelease

    print(f"code: {Path(press.__file__).parent.parent}", end=", ")

    with mock.patch("django.utils.timezone.now", return_value=FROZEN):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", verbosity=0)
        client = Client()
        paths = [f"/{code}" for code in LANGUAGES]
        paths += [f"/{code}/press-releases" for code in LANGUAGES]
        for release in PressRelease.objects.order_by("pk"):
            for code, url in release.alternate_urls().items():
                if code in LANGUAGES:
                    paths += [url, f"{url}/index.json"]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            name = path.strip("/").replace("/", "__") or "root"
            body = NONCE.sub(b'nonce="*"', response.content)
            (Path(out_dir) / name).write_bytes(f"{response.status_code}\n".encode() + body)
    print(f"{len(paths)} pages")


def run_snapshot(code_dir, out_dir):
    with tempfile.TemporaryDirectory(prefix="demo-bytes-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tas_site.settings.test",
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            # The code under test comes first, before this checkout's editable install.
            "PYTHONPATH": str(code_dir),
            "ALLOWED_HOSTS": "testserver",
        }
        env.pop("REDIS_URL", None)
        subprocess.run(  # noqa: S603 (our own module, fixed arguments)
            # By path, so that this file does not put its own checkout first on sys.path.
            [sys.executable, "-c", f"import runpy; runpy.run_path({__file__!r})"
             f"['snapshot']({str(out_dir)!r})"],
            cwd=code_dir, env=env, check=True,
        )  # fmt: skip


def compare(revision):
    with tempfile.TemporaryDirectory(prefix="demo-bytes-") as folder:
        folder = Path(folder)
        theirs_code, theirs, ours = folder / "code", folder / "theirs", folder / "ours"
        for directory in (theirs_code, theirs, ours):
            directory.mkdir()
        archive = subprocess.run(  # noqa: S603
            ["git", "archive", revision], cwd=BASE_DIR, check=True, capture_output=True  # noqa: S607
        )  # fmt: skip
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(theirs_code, filter="data")
        run_snapshot(theirs_code, theirs)
        run_snapshot(BASE_DIR, ours)
        names = sorted({p.name for p in theirs.iterdir()} | {p.name for p in ours.iterdir()})
        differing = []
        for name in names:
            a, b = theirs / name, ours / name
            if not (a.exists() and b.exists()) or a.read_bytes() != b.read_bytes():
                differing.append(name)
                if a.exists() and b.exists():
                    diff = difflib.unified_diff(
                        a.read_text().splitlines(), b.read_text().splitlines(),
                        revision, "this checkout", lineterm="", n=1,
                    )  # fmt: skip
                    print("\n".join(list(diff)[:40]))
        total = sum(len(p.read_bytes()) for p in ours.iterdir())
        print(
            f"{len(names)} pages, {total} bytes: {len(names) - len(differing)} identical, "
            f"{len(differing)} differ {differing or ''}"
        )
        return not differing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", default="main", help="git revision to compare with")
    args = parser.parse_args()
    sys.exit(0 if compare(args.against) else 1)


if __name__ == "__main__":
    main()
