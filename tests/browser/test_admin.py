"""The admin works under the production CSP and loads nothing from other hosts.

modeltranslation's tabbed admin fetches jQuery UI from a CDN by default; the
copy in static/vendor/jquery-ui/ is served instead (settings.JQUERY_UI_URL).
"""

import pytest
from playwright.sync_api import expect

from .admin_login import log_in

pytestmark = pytest.mark.browser


def test_release_form_shows_its_language_tabs_without_outside_requests(make_page, site):
    page = make_page(1280)
    log_in(page, site, site.admin_username, "/admin/press/pressrelease/add/")
    # Tabs exist only once jQuery UI has loaded and run (no CSP violation, no CDN).
    expect(page.locator(".ui-tabs").first).to_be_visible()
    expect(page.locator("#id_title_fr")).to_be_hidden()
    page.get_by_role("tab", name="fr").first.click()
    expect(page.locator("#id_title_fr")).to_be_visible()
    assert page.evaluate("typeof window.django.jQuery.ui") == "object"
