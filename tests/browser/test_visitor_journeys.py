"""What a visitor does on the demo site, in Debian's Chromium at 375 px and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from .pages import MARS, MISSING, RESCUE_EN, RESCUE_FR

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("locale", "home"), [("en-GB", "/en"), ("fr-FR", "/fr")])
def test_root_redirects_to_the_home_page_in_the_visitors_language(
    make_page, site_url, viewport, locale, home
):
    page = make_page(viewport, locale=locale)
    page.goto("/")
    assert page.url == site_url + home
    expect(page.locator("h1")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == home[1:]


def test_list_shows_the_releases_with_links_to_each(page):
    page.goto("/en/press-releases")
    expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
    links = page.locator("main article a[href*='/en/press-releases/']")
    expect(links.first).to_be_visible()
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert MARS in hrefs
    assert RESCUE_EN in hrefs


def test_activity_filter_narrows_the_list(page):
    page.goto("/en/press-releases?activity=explore")
    cards = page.locator("main article")
    expect(cards.locator(f"a[href='{MARS}']").first).to_be_visible()
    expect(page.locator(f"main a[href='{RESCUE_EN}']")).to_have_count(0)


def test_filter_form_works_and_resets(page):
    page.goto("/en/press-releases")
    form = page.locator("main form").first
    if not form.is_visible():  # folded behind its "Filter by" disclosure on a phone
        page.locator("details[data-filters] > summary").click()
    expect(form).to_be_visible()
    # Only the rescue release speaks of distress signals (both demo releases mention Mars).
    form.locator("input[name=q], input[type=search]").first.fill("distress")
    form.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_load_state()
    assert "q=distress" in page.url
    expect(page.locator(f"main a[href='{RESCUE_EN}']").first).to_be_visible()
    expect(page.locator(f"main a[href='{MARS}']")).to_have_count(0)
    expect(form.locator("input[name=q]")).to_have_value("distress")
    page.get_by_role("link", name=re.compile("Reset filters", re.I)).click()
    expect(page.locator(f"main a[href='{MARS}']").first).to_be_visible()


def test_detail_page_shows_the_release_and_its_image(page):
    response = page.goto(MARS)
    assert response.status == 200
    expect(page.locator("h1")).to_contain_text("Mission to Mars")
    hero = page.locator("main figure img").first
    expect(hero).to_be_visible()
    hero.scroll_into_view_if_needed()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0"), "hero image did not load"
    # The seed release is marked noindex on the old site and stays so.
    expect(page.locator("meta[name=robots]")).to_have_attribute("content", re.compile("noindex"))


def test_next_release_link_leads_to_the_next_older_release(page):
    page.goto(MARS)
    next_link = page.locator("nav.next-release a, a[rel=next]").first
    next_link.scroll_into_view_if_needed()
    next_link.click()
    page.wait_for_url(f"**{RESCUE_EN}")
    expect(page.locator("h1")).to_contain_text("European Commission")


def test_language_switch_lands_on_the_translated_release_and_back(page):
    page.goto(RESCUE_EN)
    switcher = page.locator("nav.language-switcher")
    _reveal(page, switcher)
    switcher.locator("a[hreflang=fr]").click()
    page.wait_for_url(f"**{RESCUE_FR}")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.locator("h1")).to_contain_text("Commission européenne")
    _reveal(page, switcher)
    switcher.locator("a[hreflang=en]").click()
    page.wait_for_url(f"**{RESCUE_EN}")
    assert page.locator("html").get_attribute("lang") == "en"


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/en/press-releases")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"


def test_main_menu_opens_and_closes_with_the_keyboard(page):
    page.goto("/en/press-releases")
    menu = page.locator("nav.main-menu")
    toggles = menu.locator("ul button[aria-expanded]")
    expect(toggles.first).to_be_attached()
    if not toggles.first.is_visible():
        # On a phone the whole menu sits behind a menu button: open it by keyboard.
        burger = menu.locator(":scope > button[aria-expanded]")
        burger.focus()
        page.keyboard.press("Enter")
        expect(burger).to_have_attribute("aria-expanded", "true")
    button = toggles.first
    expect(button).to_have_attribute("aria-expanded", "false")
    submenu = page.locator(f"#{button.get_attribute('aria-controls')}")
    expect(submenu).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(submenu).to_be_visible()
    page.keyboard.press("Tab")
    assert submenu.evaluate("list => list.contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(submenu).to_be_hidden()
    expect(button).to_be_focused()


def test_unknown_address_gets_the_404_page(page, watch, site_url):
    watch.expect_error(r"status of 404")
    response = page.goto(MISSING)
    assert response.status == 404
    expect(page.locator("h1")).to_be_visible()
    page.locator("main a.button").click()
    page.wait_for_url(f"{site_url}/en")


def test_search_finds_the_release(page):
    page.goto("/en/search?key=distress&category=press-releases")
    expect(page).to_have_title(re.compile("distress", re.I))
    expect(page.locator(f"main a[href='{RESCUE_EN}']").first).to_be_visible()
    expect(page.locator("main mark").first).to_have_text(re.compile("distress", re.I))
    expect(page.locator(f"main a[href='{MARS}']")).to_have_count(0)


def test_gallery_shows_release_images_linking_to_their_release(page):
    page.goto("/en/press-releases/gallery")
    link = page.locator(f"main a[href='{MARS}']").first
    expect(link).to_be_visible()
    image = link.locator("img")
    image.scroll_into_view_if_needed()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")


def _reveal(page, element):
    """On a phone the switcher may sit in a collapsed header: open it if needed."""
    if element.is_visible():
        return
    toggle = page.locator("header button[aria-expanded=false]").first
    toggle.click()
    expect(element).to_be_visible()
