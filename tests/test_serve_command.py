"""`make serve` runs production's app server with the production settings on HOST:PORT."""

import shutil
import subprocess

import pytest

from tests.services import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_serve_runs_granian_on_host_and_port_with_production_settings():
    done = subprocess.run(
        ["make", "-n", "serve", "HOST=127.0.0.9", "PORT=8123", "WEB_CONCURRENCY=3"],  # noqa: S607
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    command = " ".join(done.stdout.replace("\\\n", " ").split())
    assert "tas_site.settings.prod" in command
    assert "granian --interface wsgi --host 127.0.0.9 --port 8123 --workers 3" in command
    assert command.endswith("tas_site.wsgi:application")
