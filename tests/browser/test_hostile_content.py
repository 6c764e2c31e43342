"""A release whose title and body try every way to run script: none of it runs.

The release is loaded by tests.browser.seed (through import_pages once it
exists). The page is opened twice: with the site's Content-Security-Policy,
and with CSP bypassed, so the sanitiser alone is shown to be enough.
"""

import pytest
from playwright.sync_api import expect

from .pages import HOSTILE
from .seed import HOSTILE_MARKER

pytestmark = pytest.mark.browser

# What could only be in the DOM if the sanitiser let something through.
DANGEROUS_DOM = """() => {
  const found = [];
  for (const el of document.querySelectorAll("main *")) {
    const tag = el.tagName.toLowerCase();
    if (["script", "iframe", "object", "embed", "svg", "math", "form", "style", "noscript",
         "base", "meta", "link"].includes(tag)) found.push(tag);
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (attr.name.startsWith("on")) found.push(`${tag}[${attr.name}]`);
      if (attr.name === "style" && !value.startsWith("--tag-colour")) found.push(`${tag}[style]`);
      if (["href", "src", "action", "data", "formaction", "xlink:href"].includes(attr.name)
          && /^(javascript|data|vbscript):/.test(value)) {
        found.push(`${tag}[${attr.name}=${value}]`);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "sanitiser-alone"])
def test_no_script_from_a_hostile_release_runs(make_page, watch, bypass_csp):
    # The body keeps <img src="x"> (a harmless relative URL) whose 404 the console reports.
    watch.expect_error(r"status of 404")
    page = make_page(1280, bypass_csp=bypass_csp)
    response = page.goto(HOSTILE)
    assert response.status == 200
    # The title is shown as text, tags and all.
    expect(page.locator("h1")).to_contain_text("<script>")
    expect(page.get_by_text("End of hostile content.")).to_be_visible()

    # Give every trigger a chance: hover, click, focus, wait for load handlers and timers.
    # (The sanitiser drops ids, so the triggers are found by their text.)
    for text in ["hover and click me", "js link", "mixed case", "entity", "space", "Go"]:
        for target in page.locator("main").get_by_text(text, exact=True).all():
            target.hover(timeout=2000)
            target.click(no_wait_after=True, timeout=2000)
    page.wait_for_timeout(500)
    assert page.url.endswith(HOSTILE), "a hostile link navigated away"

    assert page.evaluate(f"typeof window.{HOSTILE_MARKER}") == "undefined"
    assert watch.dialogs == []
    assert page.evaluate(DANGEROUS_DOM) == []
    assert page.frames == [page.main_frame], "a frame was created"
