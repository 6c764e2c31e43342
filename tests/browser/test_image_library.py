"""The image library in a real browser, as a Communications member: upload, set the
focal point by clicking (and with the keyboard), see the crops follow, find the
thumbnail in the release's image chooser; axe on the library's pages."""

import io
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.harness import COMMS_USERNAME
from tests.quality.tools import RESULTS_DIR

from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser
axe = Axe()


def landscape_jpeg():
    """1600×900: sky-blue left half, orange right half (crops visibly move)."""
    img = PILImage.new("RGB", (1600, 900), (90, 150, 220))
    img.paste((240, 140, 40), (800, 0, 1600, 900))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def log_in(page, site, next_path):
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("#id_username", COMMS_USERNAME)
    page.fill("#id_password", site.admin_password)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{next_path}")


def assert_no_violations(page, name):
    # preload off: axe's own stylesheet preloading injects <style>, which the admin's
    # CSP (rightly) refuses, and would show up as console errors.
    results = axe.run(page, options={**AXE_OPTIONS, "preload": False})
    if results.violations_count:
        report = RESULTS_DIR / f"axe-{name}.json"
        report.write_text(json.dumps(results.response["violations"], indent=2))
    assert results.violations_count == 0, results.generate_report()


def shot(page, name, width):
    page.screenshot(path=RESULTS_DIR / f"image-library-{name}-{width}.png", full_page=True)


def test_upload_focal_point_crops_and_chooser(page, site, viewport):
    log_in(page, site, "/admin/media_styles/image/add/")
    page.set_input_files(
        "#id_file",
        {"name": f"journey-{viewport}.jpg", "mimeType": "image/jpeg", "buffer": landscape_jpeg()},
    )
    page.fill("#id_alt_en", f"Journey picture {viewport}")
    page.fill("#id_title", f"Journey {viewport}")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r".*/admin/media_styles/image/\d+/change/"))
    message = page.locator(".messagelist .image-message")
    expect(message.locator("img.image-thumb")).to_be_visible()
    expect(page.locator(".field-status")).to_contain_text("done")
    expect(page.locator(".image-sizes")).to_contain_text("Card 463×428")

    # Click a quarter in from the left, a third down: the fields and crops follow.
    stage = page.locator("[data-focal-stage]")
    box = stage.bounding_box()
    stage.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.33})
    assert abs(float(page.input_value("#id_focal_x")) - 0.25) < 0.02
    assert abs(float(page.input_value("#id_focal_y")) - 0.33) < 0.02
    card = page.locator(".focal__frame img").first
    assert card.evaluate("img => img.style.objectPosition").startswith("25")
    expect(page.locator("[data-focal-value]")).to_contain_text("25 % from the left")
    # Dragging moves it (pointer captured by the picture).
    stage.scroll_into_view_if_needed()
    box = stage.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.33)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5, steps=5)
    assert abs(float(page.input_value("#id_focal_x")) - 0.6) < 0.02
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.33, steps=5)
    page.mouse.up()
    assert abs(float(page.input_value("#id_focal_x")) - 0.25) < 0.02
    # The keyboard moves it too.
    page.locator("[data-focal-marker]").focus()
    page.keyboard.press("Shift+ArrowRight")
    assert abs(float(page.input_value("#id_focal_x")) - 0.35) < 0.02
    assert_no_violations(page, f"image-change-{viewport}")
    shot(page, "change", viewport)

    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r".*/change/"))
    assert abs(float(page.input_value("#id_focal_x")) - 0.35) < 0.02
    expect(page.locator(".field-status")).to_contain_text("done")

    page.goto("/admin/media_styles/image/")
    expect(page.locator("#result_list img.image-thumb").first).to_be_visible()
    assert_no_violations(page, f"image-list-{viewport}")
    shot(page, "list", viewport)

    # The release form's chooser: search, and see the thumbnail without leaving the page.
    page.goto("/admin/press/pressrelease/add/")
    page.locator(".field-image .select2-selection").click()
    page.locator(".select2-search__field").fill(f"Journey {viewport}")
    option = page.locator(".select2-results__option .chooser-option").first
    expect(option).to_contain_text(f"Journey {viewport}")
    expect(option.locator("img")).to_be_visible()
    assert "/variants/" in option.locator("img").get_attribute("src")
    shot(page, "chooser", viewport)
    option.click()
    expect(page.locator(".field-image .select2-selection__rendered")).to_contain_text("Journey")
