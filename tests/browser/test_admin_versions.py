"""A press officer's versions and drafts, in Chromium, as a Communications user (not a superuser).

Edit a live release, compare two versions, restore one; save a draft of a
live release and check an anonymous visitor sees the old text until it is
published. axe on the compare page at 375 px and 1280 px: no violations.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.harness import COMMS_USERNAME as OFFICER_USERNAME
from tests.quality.tools import RESULTS_DIR

from .admin_login import log_in, path_of
from .pages import VERSIONS, WRITER_USERNAME
from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

axe = Axe()


def open_release(page):
    page.goto("/admin/press/pressrelease/?q=Versions+check")
    page.get_by_role("link", name="Versions check").first.click()
    page.wait_for_url(re.compile(r"/admin/press/pressrelease/\d+/change/"))
    return page.url


def visitor_title(make_page):
    visitor = make_page(1280)
    visitor.goto(VERSIONS)
    return visitor.locator("h1").inner_text()


def shot(page, name):
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / name, full_page=True)


def test_compare_two_versions_and_restore_one(make_page, site):
    page = make_page(1280)
    log_in(page, site, OFFICER_USERNAME)
    change_url = open_release(page)
    page.fill("#id_description_en", "The corrected summary of this release.")
    page.fill("#id_title_en", "Versions check, corrected")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    page.goto(change_url.replace("/change/", "/history/"))
    expect(page.locator("#versions")).to_contain_text("Edited in the admin")
    expect(page.locator("#versions")).to_contain_text("English: title, description")
    shot(page, "versions-history-1280.png")
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Compare the chosen versions").click()
    page.wait_for_url("**/history/compare/**")
    description = page.locator("dt:text-is('Description') + dd").first
    expect(description.locator("ins")).to_have_text("corrected")
    expect(description.locator("del")).to_have_text("original")
    expect(page.locator("dt:text-is('Title') + dd ins").first).to_have_text(", corrected")
    expect(page.locator("details.press-versions__unchanged").last).not_to_have_attribute("open", "")
    shot(page, "versions-compare-1280.png")
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    compare_url = page.url

    phone = make_page(375)
    log_in(phone, site, OFFICER_USERNAME, next_url=path_of(compare_url))
    expect(phone.locator(".press-versions__diff ins").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "versions-compare-375.png")
    results = axe.run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    phone.goto(path_of(change_url).replace("/change/", "/history/"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "versions-history-375.png")

    page.goto(change_url.replace("/change/", "/history/"))
    page.get_by_role("link", name="Restore…").first.click()
    expect(page.locator("#content-main")).to_contain_text("saved as a new version")
    page.get_by_role("button", name="Restore this version").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored the version of")
    expect(page.locator("#versions tbody tr").first).to_contain_text("Restored the version of")
    assert visitor_title(make_page) == "Versions check"


def test_a_draft_of_a_live_release_stays_hidden_until_published(make_page, site):
    live_title = visitor_title(make_page)
    writer = make_page(1280)
    log_in(writer, site, WRITER_USERNAME)
    change_url = open_release(writer)
    writer.fill("#id_title_en", "Versions check, rewritten in a draft")
    writer.click("input[name=_save_draft]")
    expect(writer.locator(".messagelist")).to_contain_text("Draft saved")
    expect(writer.locator(".press-draft-banner")).to_contain_text("A draft is pending")
    expect(writer.locator(".press-draft-banner")).to_contain_text(WRITER_USERNAME)
    expect(writer.locator("#id_title_en")).to_have_value("Versions check, rewritten in a draft")
    # A writer may not publish: the button is not there.
    expect(writer.locator("input[name=_publish_draft]")).to_have_count(0)
    shot(writer, "versions-change-form-pending-draft-1280.png")

    assert visitor_title(make_page) == live_title

    officer = make_page(1280)
    log_in(officer, site, OFFICER_USERNAME, next_url=path_of(change_url))
    expect(officer.locator(".press-draft-banner")).to_contain_text(WRITER_USERNAME)
    expect(officer.get_by_role("link", name="Schedule…")).to_be_visible()
    shot(officer, "versions-change-form-pending-draft-publisher-1280.png")
    officer.get_by_role("link", name="Schedule…").click()
    officer.get_by_label("Publish the draft at").fill("2099-01-15T00:30")
    results = axe.run(officer, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    officer.get_by_role("button", name="Save the schedule").click()
    expect(officer.locator(".messagelist")).to_contain_text("The draft goes live on 15 Jan 2099")
    expect(officer.locator(".press-draft-banner")).to_contain_text("until 15 Jan 2099 00:30")
    assert visitor_title(make_page) == live_title
    officer.click("input[name=_publish_draft]")
    expect(officer.locator(".messagelist")).to_contain_text("The changes are live")
    expect(officer.locator(".press-draft-banner")).to_have_count(1)  # the live-release hint
    expect(officer.locator(".press-draft-banner")).not_to_contain_text("A draft is pending")

    assert visitor_title(make_page) == "Versions check, rewritten in a draft"
