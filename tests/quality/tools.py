"""Where the gates' external tools live, and how a gate reacts when one is missing.

Locally a missing tool skips its gate with the command that installs it; on CI
(``CI`` set) it fails, so a green CI always means the gate really ran.
``TAS_SKIP_BROWSER_GATES=1`` (set by .ci/run on its second, PostgreSQL pass)
skips the browser and markup gates on purpose: they do not depend on the
database backend and already ran on the first pass.
"""

import os
import shutil
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
RESULTS_DIR = BASE_DIR / "test-results"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def skip_if_gates_disabled():
    if os.environ.get("TAS_SKIP_BROWSER_GATES") == "1":
        pytest.skip("TAS_SKIP_BROWSER_GATES=1: browser and markup gates run once per CI run")


def require(available, what, install):
    """Skip locally, fail on CI, when a gate's tool is missing."""
    if available:
        return
    message = f"{what} is missing; install it with `{install}`"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (.ci/run must install it before the tests)")
    pytest.skip(message)


def require_chromium():
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "make browser-deps")


def require_vnu():
    require(shutil.which("java"), "Java (for the Nu HTML Checker)", "make browser-deps")
    require(VNU_JAR.exists(), f"vnu.jar ({VNU_JAR})", "make node-deps")
