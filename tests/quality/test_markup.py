"""Every page type validates with the Nu HTML Checker (vnu.jar from npm, run with Java): 0 errors.

Runs on both databases: search snippets and highlights differ by backend.

The demo content (and the hostile release) is loaded into the test database
once for the class, every page is rendered by the test client, and one vnu
run checks them all; each page type then reports its own errors.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.test import Client, TestCase

from tests.browser.pages import HOSTILE, MISSING, PAGE_TYPES
from tests.browser.seed import load_demo, load_hostile_release

from .tools import VNU_JAR, require_vnu

PAGES = {**PAGE_TYPES, "detail-hostile": HOSTILE}


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


class MarkupTests(TestCase):
    @classmethod
    def setUpClass(cls):
        require_vnu()
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        """{path: (status, html)} for every page, rendered once with the demo content."""
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        cache.clear()
        load_demo()
        load_hostile_release()
        cls.rendered = {}
        for path in PAGES.values():
            response = client.get(path)
            cls.rendered[path] = (response.status_code, response.content.decode())
        cache.clear()
        cls.vnu_messages = vnu_messages(cls.rendered)

    def test_page_is_valid_html(self):
        for name, path in PAGES.items():
            with self.subTest(name, path=path):
                status, _html = self.rendered[path]
                assert status == (404 if path == MISSING else 200)
                errors = [
                    f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
                    for m in self.vnu_messages[path]
                    if m["type"] in {"error", "non-document-error"}
                ]
                assert errors == []
