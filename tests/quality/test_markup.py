"""Every page type validates with the Nu HTML Checker (vnu.jar from npm, run with Java): 0 errors.

Runs on both databases: search snippets and highlights differ by backend.

The demo content (and the hostile release) is loaded into the test database
once for the module, every page is rendered by the test client, and one vnu
run checks them all; each page type then reports its own errors.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.browser.pages import HOSTILE, MISSING, PAGE_TYPES
from tests.browser.seed import load_demo, load_hostile_release

from .tools import VNU_JAR, require_vnu

# The module fixture loads its own data; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db

PAGES = [*PAGE_TYPES, pytest.param(HOSTILE, id="detail-hostile")]


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """{path: (status, html)} for every page, rendered once with the demo content."""
    require_vnu()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    pages = {}
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        load_demo()
        load_hostile_release()
        for param in PAGES:
            path = param.values[0]
            response = client.get(path)
            pages[path] = (response.status_code, response.content.decode())
        transaction.set_rollback(True)
    cache.clear()
    return pages


@pytest.fixture(scope="module")
def vnu_messages(rendered):
    """{path: [vnu message, ...]} from one vnu run over all pages."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for index, (path, (_status, html)) in enumerate(rendered.items()):
            file = Path(folder) / f"page-{index}.html"
            file.write_text(html, encoding="utf-8")
            files[file.name] = path
        result = subprocess.run(  # noqa: S603 (fixed argv)
            [
                shutil.which("java"),
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                *(str(Path(folder) / name) for name in files),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(result.stderr)
    messages = {path: [] for path in rendered}
    for message in report["messages"]:
        # vnu names files "file:/tmp/...": match on the file name; anything else is a run error.
        name = message.get("url", "").rsplit("/", 1)[-1]
        assert name in files, f"vnu could not check the pages: {message}"
        messages[files[name]].append(message)
    return messages


@pytest.mark.parametrize("path", PAGES)
def test_page_is_valid_html(rendered, vnu_messages, path):
    status, _html = rendered[path]
    assert status == (404 if path == MISSING else 200)
    errors = [
        f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in vnu_messages[path]
        if m["type"] in {"error", "non-document-error"}
    ]
    assert errors == []
