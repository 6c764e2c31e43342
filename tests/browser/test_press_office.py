"""A press officer's journey through the admin (Communications group, not a superuser) at
1280 px, and the list and cards of the public site at 375 px."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.quality.tools import RESULTS_DIR

from .admin_login import log_in
from .seed import LONG_WORD, SCHEDULED_TITLE
from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

axe = Axe()
CHANGELIST = "/admin/press/pressrelease/"
BOARD = "/admin/navigation/label/completeness/"

# Every element that scrolls sideways on its own and holds more than it shows.
SIDEWAYS_BOXES = """() => [...document.querySelectorAll('*')].filter(element => {
  const style = getComputedStyle(element);
  return ['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth;
}).map(element => `${element.tagName}.${element.className}`)"""


@pytest.fixture
def officer(make_page, site):
    page = make_page(1280)
    log_in(page, site, site.comms_username)
    return page


def scheduled_change_url(page):
    page.goto(f"{CHANGELIST}?q=constellation")
    return page.locator("#result_list tbody th a").first.get_attribute("href")


def test_dashboard_shows_the_scheduled_release_with_its_paris_time(officer):
    expect(officer.locator("#site-name")).to_have_text("Thales Alenia Space — Press office")
    panel = officer.locator(".dashboard-panel--scheduled")
    expect(panel).to_contain_text(SCHEDULED_TITLE)
    go_live = re.compile(r"goes live \d+ \w{3} \d{4}, \d\d:\d\d Paris time, in 2")
    expect(panel).to_contain_text(go_live)
    expect(officer.locator(".dashboard-panel--drafts")).to_contain_text("lunar lander")
    expect(officer.locator(".dashboard-panel--translations")).to_contain_text("Italiano (it)")
    first_app = officer.locator("#content-main .app-press caption")
    expect(first_app).to_contain_text("Press releases")


def test_changelist_fits_1280_px_without_scrolling_sideways(officer):
    officer.goto(CHANGELIST)
    expect(officer.locator("#result_list")).to_be_visible()
    width = officer.evaluate("document.scrollingElement.scrollWidth")
    assert width <= officer.evaluate("innerWidth")
    assert officer.evaluate(SIDEWAYS_BOXES) == []
    table = officer.locator("#result_list").bounding_box()
    results = officer.locator("#changelist .results").bounding_box()
    assert table["x"] + table["width"] <= results["x"] + results["width"] + 1
    # The long title is cut to one line, whole on hover.
    title = officer.locator(".release-title", has_text="Telemetry archive")
    expect(title).to_have_attribute("title", re.compile(LONG_WORD))
    assert title.evaluate("el => el.scrollWidth > el.clientWidth"), "title is not truncated"
    expect(officer.locator(".state-badge--scheduled")).to_be_visible()


def test_menu_editor_fits_1280_px(officer):
    officer.goto("/admin/navigation/menu/")
    officer.goto(
        officer.locator("#result_list tbody a", has_text="Main menu").get_attribute("href")
    )
    expect(officer.locator(".inline-group table")).to_be_visible()
    assert officer.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    assert officer.evaluate(SIDEWAYS_BOXES) == []
    weight = officer.locator("td.field-weight input").first.bounding_box()
    table = officer.locator(".inline-group table").bounding_box()
    assert weight["x"] + weight["width"] <= table["x"] + table["width"]


def test_changelist_search_finds_words_of_a_body(officer):
    officer.goto(f"{CHANGELIST}?q=distress")
    expect(officer.locator("#result_list tbody tr")).to_have_count(1)
    expect(officer.locator("#result_list tbody")).to_contain_text("European Commission")


def test_language_tabs_mark_empty_languages_and_tuck_away_spanish(officer):
    officer.goto(scheduled_change_url(officer))
    title_tabs = officer.locator(".ui-tabs", has=officer.locator("#id_title_en")).first
    french = title_tabs.get_by_role("tab", name="French — empty")
    expect(french).to_be_visible()
    expect(title_tabs.get_by_role("tab", name="English", exact=True)).to_be_visible()
    spanish = title_tabs.get_by_role("tab", name=re.compile("Spanish"))
    expect(spanish).to_be_hidden()
    more = title_tabs.get_by_role("button", name="More languages")
    expect(more).to_have_attribute("aria-expanded", "false")
    more.click()
    expect(spanish).to_be_visible()
    french.click()
    officer.locator("#id_title_fr").fill("Contrat de constellation")
    expect(title_tabs.get_by_role("tab", name="French", exact=True)).to_be_visible()


def test_the_board_links_straight_to_the_missing_field(officer):
    officer.goto(BOARD)
    italian = officer.locator("#lang-it")
    expect(italian).to_have_attribute("open", "")
    assert officer.locator("#lang-es").count() == 0  # inactive, unless asked
    italian.locator("#lang-it-labels > summary").click()
    link = italian.locator("#lang-it-labels a").first
    expect(link).to_have_text("text")
    link.click()
    officer.wait_for_url(re.compile(r"/admin/navigation/label/\d+/change/#id_value_it$"))
    field = officer.locator("#id_value_it")
    expect(field).to_be_visible()
    expect(field).to_be_focused()


@pytest.mark.parametrize("where", ["dashboard", "changelist", "change-form", "board"])
def test_admin_screens_have_no_accessibility_violations(officer, where):
    urls = {"dashboard": "/admin/", "changelist": CHANGELIST, "board": BOARD}
    url = urls.get(where) or scheduled_change_url(officer)
    officer.goto(url)
    officer.wait_for_load_state("networkidle")
    # No preload: axe would parse forms.css's @import through an inline <style>, which
    # the CSP blocks (a console error of the tool, not of the page).
    results = axe.run(officer, options={**AXE_OPTIONS, "preload": False})
    if results.violations_count:
        report = RESULTS_DIR / f"axe-admin-{where}.json"
        report.write_text(json.dumps(results.response["violations"], indent=2))
    assert results.violations_count == 0, results.generate_report()


def test_filters_fold_away_on_a_phone_and_open_when_active(make_page):
    page = make_page(375)
    page.goto("/en/press-releases")
    filters = page.locator("details[data-filters]")
    expect(filters).not_to_have_attribute("open", "")
    expect(page.locator("#filter-q")).to_be_hidden()
    first_card = page.locator("main .card").first.bounding_box()
    assert first_card["y"] < page.viewport_size["height"], "a release shows on the first screen"
    page.goto("/en/press-releases?activity=explore")
    expect(filters).to_have_attribute("open", "")
    expect(page.locator("#filter-q")).to_be_visible()


def test_filters_stay_open_beside_the_results_on_a_desktop(make_page):
    page = make_page(1280)
    page.goto("/en/press-releases")
    expect(page.locator("#filter-q")).to_be_visible()


@pytest.mark.parametrize("path", ["/en/press-releases", "/en/press-releases/seeded-explore-3"])
def test_a_long_unbroken_word_stays_inside_its_card(make_page, path):
    page = make_page(375)
    page.goto(path)
    card = page.locator(".card", has_text="Telemetry archive").first
    card.scroll_into_view_if_needed()
    title = card.locator(".card__title")
    box, inner = card.bounding_box(), title.bounding_box()
    assert inner["x"] + inner["width"] <= box["x"] + box["width"]
    assert card.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
