"""Fixtures for the real-browser gates: a production-like site, Debian's Chromium, guarded pages.

Every page a test opens is watched: a request to anything but 127.0.0.1 is
aborted and fails the test, and so does a console error or an uncaught
exception. A full-page screenshot of the last state is saved in
``test-results/`` (a CI artifact, git-ignored).
"""

import re
from urllib.parse import urlsplit

import pytest

from tests.harness import running_site
from tests.quality.tools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    RESULTS_DIR,
    require_chromium,
    skip_if_gates_disabled,
)

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
VIEWPORTS = {375: {"width": 375, "height": 812}, 1280: {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def site():
    skip_if_gates_disabled()
    require_chromium()
    RESULTS_DIR.mkdir(exist_ok=True)
    for stale in RESULTS_DIR.glob("axe-*.json"):
        stale.unlink()
    with running_site(log=RESULTS_DIR / "server.log") as running:
        yield running


@pytest.fixture(scope="session")
def site_url(site):
    return site.url


@pytest.fixture(scope="session")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Debian's chromium, never a downloaded build (`playwright install` is not used).
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a visitor would notice: console errors, outside requests, dialogs."""

    def __init__(self):
        self.console_errors = []
        self.external_requests = []
        self.dialogs = []
        self.expected_errors = []

    def expect_error(self, pattern):
        """Allow console errors matching ``pattern`` (e.g. the 404 page's own status)."""
        self.expected_errors.append(re.compile(pattern))

    def unexpected_errors(self):
        return [
            error
            for error in self.console_errors
            if not any(pattern.search(error) for pattern in self.expected_errors)
        ]


@pytest.fixture(params=sorted(VIEWPORTS), ids=lambda width: f"{width}px")
def viewport(request):
    return request.param


@pytest.fixture
def watch():
    return PageWatch()


@pytest.fixture
def make_page(browser, site_url, watch, request):
    """Open pages in a fresh context at the test's viewport; ``make_page(**context_options)``."""
    contexts = []
    pages = []

    def make(width=1280, **options):
        options = {"locale": "en-GB", **options}
        context = browser.new_context(viewport=VIEWPORTS[width], base_url=site_url, **options)
        context.route("**/*", _loopback_only(watch))
        page = context.new_page()
        page.on("console", lambda message: _record_console(watch, message))
        page.on("pageerror", lambda error: watch.console_errors.append(f"uncaught: {error}"))
        page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
        contexts.append(context)
        pages.append((width, page))
        return page

    yield make
    for width, page in pages:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            page.screenshot(path=RESULTS_DIR / f"{name}-{width}.png", full_page=True)
        except Exception as error:  # noqa: BLE001 (a screenshot never hides the real failure)
            print(f"screenshot failed: {error}")
    for context in contexts:
        context.close()
    assert watch.external_requests == [], "requests left 127.0.0.1"
    assert watch.unexpected_errors() == [], "console errors"
    assert watch.dialogs == [], "a dialog opened"


@pytest.fixture
def page(make_page, viewport):
    return make_page(viewport)


def _loopback_only(watch):
    def handle(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOOPBACK:
            watch.external_requests.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    return handle


def _record_console(watch, message):
    if message.type == "error":
        location = message.location.get("url", "")
        watch.console_errors.append(f"{message.text} ({location})")
