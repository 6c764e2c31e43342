"""A press officer (Communications group, not a superuser) writes releases in Chromium.

The rich-text editor in two languages (toolbar and keyboard), pasting from a word
processor, the preview of unsaved text, the warning before leaving unsaved work,
and axe on the change form.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.quality.tools import RESULTS_DIR

from .admin_login import log_in
from .pages import RESCUE_EN
from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

# What Word puts on the clipboard, trimmed: its classes, styles and a heading 1.
WORD_HTML = (
    "<html><body><!--StartFragment-->"
    '<h1 style="margin:12pt">Contexte du programme</h1>'
    "<p class=MsoNormal><b>Important :</b> <span style='color:red;font-family:Calibri'>"
    "la mission</span> <i>démarre</i>.</p>"
    "<ul><li class=MsoListParagraph>premier point</li><li>second point</li></ul>"
    '<p><a href="https://www.esa.int/fr" style="color:blue">Lire sur le site de l’ESA</a>'
    '<img src="file:///C:/Users/me/image001.png"></p>'
    "<!--EndFragment--></body></html>"
)


def editor(page, code):
    return page.locator(f"#tab_id_body_{code} .tiptap[contenteditable]")


def keys(page, strokes):
    """Type ``strokes`` into the focused element; a ``{Key}`` in them is pressed, not typed."""
    for index, part in enumerate(re.split(r"\{([^}]+)\}", strokes)):
        if index % 2:
            page.keyboard.press(part)
        elif part:
            page.keyboard.type(part)


def show_tab(page, field, code):
    page.locator(f"li[aria-controls='tab_id_{field}_{code}']").click()


def paste(locator, html, text):
    locator.evaluate(
        """(element, [html, text]) => {
            const data = new DataTransfer();
            if (html) data.setData("text/html", html);
            data.setData("text/plain", text);
            element.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }));
        }""",
        [html, text],
    )


def add_link(page, code, url, *, new_tab=False):
    page.locator(f"#tab_id_body_{code} .prose-menubar button[title='insert link']").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("URL").fill(url)
    if new_tab:
        dialog.get_by_label("Open in new window").check()
    dialog.locator("button[type=submit]").click()
    expect(dialog).to_have_count(0)


def test_officer_writes_and_pastes_a_release_in_english_and_french(make_page, site):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/add/")

    page.fill("#id_title_en", "Writing journey")
    body = editor(page, "en")
    body.click()
    keys(page, "{Control+Alt+2}Mission update{Enter}Launch is {Control+b}confirmed{Control+b}")
    keys(page, " for spring.{Enter}")
    page.locator("#tab_id_body_en .prose-menubar button[title='unordered list']").click()
    keys(page, "First stage{Enter}Second stage{Enter}{Enter}Read more at ESA")
    keys(page, "{Shift+ArrowLeft}" * len("ESA"))
    add_link(page, "en", "https://www.esa.int", new_tab=True)

    show_tab(page, "title", "fr")
    page.fill("#id_title_fr", "Parcours d’écriture")
    show_tab(page, "body", "fr")
    french = editor(page, "fr")
    expect(french).to_be_visible()
    french.click()
    keys(page, "Le lancement {Control+i}approche{Control+i}{Enter}")
    paste(french, WORD_HTML, "Contexte du programme")

    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    # The editor writes only what the sanitiser keeps: no cleaning warning.
    expect(page.locator(".messagelist .success")).to_have_count(1)
    expect(page.locator(".messagelist .warning")).to_have_count(0)
    slug_en = page.input_value("#id_slug_en")
    slug_fr = page.input_value("#id_slug_fr")

    visitor = make_page(1280)
    visitor.goto(f"/en/press-releases/{slug_en}")
    prose = visitor.locator(".release__body")
    expect(prose.locator("h2")).to_have_text("Mission update")
    expect(prose.locator("strong")).to_have_text("confirmed")
    expect(prose.locator("ul > li")).to_have_count(2)
    link = prose.locator("a[href='https://www.esa.int']")
    expect(link).to_have_text("ESA")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener")

    visitor.goto(f"/fr/press-releases/{slug_fr}")
    prose = visitor.locator(".release__body")
    expect(prose.locator("em").first).to_have_text("approche")
    # Pasted from Word: heading, bold, italic, list and link kept; the rest dropped.
    expect(prose.locator("h2")).to_have_text("Contexte du programme")
    expect(prose.locator("strong")).to_have_text("Important :")
    expect(prose.locator("em").nth(1)).to_have_text("démarre")
    expect(prose.locator("ul > li")).to_have_count(2)
    expect(prose.locator("a[href='https://www.esa.int/fr']")).to_have_text(
        "Lire sur le site de l’ESA"
    )
    html = prose.inner_html()
    for dropped in ("style=", "class=", "<span", "<img", "<h1", "Mso"):
        assert dropped not in html


def test_plain_text_with_blank_lines_becomes_paragraphs(make_page, site):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/add/")
    body = editor(page, "en")
    body.click()
    paste(body, None, "First paragraph.\n\nSecond paragraph.\n\nThird one.")
    expect(body.locator("p")).to_have_count(3)
    value = page.input_value("#id_body_en")
    assert value == "<p>First paragraph.</p><p>Second paragraph.</p><p>Third one.</p>"
    leave_without_warning(page)


def leave_without_warning(page):
    """Discard the test's typing: the next navigation must not ask (it is a test)."""
    page.evaluate("window.onbeforeunload = null")
    page.locator("#pressrelease_form").evaluate("form => form.dispatchEvent(new Event('submit'))")


def test_preview_renders_unsaved_text_in_the_active_tab_language(make_page, site):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/")
    page.get_by_role("link", name="European Commission").first.click()
    page.wait_for_url("**/change/")
    show_tab(page, "body", "fr")
    french = editor(page, "fr")
    french.click()
    keys(page, "{Control+End}{Enter}Texte jamais enregistré.")
    # The preview opens in a new tab: watch its console from its first moment.
    preview_errors = []

    def watch_console(tab):
        tab.on("console", lambda m: m.type == "error" and preview_errors.append(m.text))

    page.context.on("page", watch_console)
    with page.context.expect_page() as opened:
        page.click("button[name=_preview]")
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("html")).to_have_attribute("lang", "fr")
    expect(preview.locator(".preview-banner")).to_contain_text("unsaved")
    expect(preview.locator(".release__body")).to_contain_text("Texte jamais enregistré.")
    assert preview.locator("meta[name=robots]").get_attribute("content").startswith("noindex")
    assert preview_errors == []

    # Nothing was saved: visitors still read the stored text.
    visitor = make_page(1280)
    visitor.goto(RESCUE_EN)
    expect(visitor.locator(".release__body")).not_to_contain_text("jamais")
    leave_without_warning(page)


def test_leaving_with_unsaved_changes_asks_first(make_page, site, watch):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/add/")
    editor(page, "en").click()
    page.keyboard.type("Unsaved words")
    # The fixture dismisses dialogs: the "leave site?" question keeps the form open.
    with pytest.raises(PlaywrightError, match="ERR_ABORTED"):
        page.goto("/admin/")
    assert len(watch.dialogs) == 1
    watch.dialogs.clear()
    expect(editor(page, "en")).to_contain_text("Unsaved words")
    leave_without_warning(page)


@pytest.mark.parametrize("path", ["/admin/press/pressrelease/add/", None], ids=["add", "change"])
def test_release_form_has_no_accessibility_violations(make_page, site, path, request):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/")
    if path is None:
        page.get_by_role("link", name="European Commission").first.click()
        page.wait_for_url("**/change/")
    else:
        page.goto(path)
    expect(page.locator(".prose-editor").first).to_be_visible()
    # No preload: axe would copy the page's <style> into elements of its own, which the
    # CSP (rightly) blocks; the CSSOM rules it feeds do not apply to a form.
    results = Axe().run(page, options={**AXE_OPTIONS, "preload": False})
    if results.violations_count:
        report = RESULTS_DIR / f"axe-admin-{request.node.callspec.id}.json"
        report.write_text(json.dumps(results.response["violations"], indent=2))
    assert results.violations_count == 0, results.generate_report()


def test_unpublishing_from_the_form_asks_first(make_page, site, watch):
    page = make_page(1280)
    log_in(page, site, site.comms_username, "/admin/press/pressrelease/add/")
    page.fill("#id_title_en", "Going offline")
    editor(page, "en").click()
    page.keyboard.type("Soon offline.")
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    address = "/en/press-releases/" + page.input_value("#id_slug_en")

    page.select_option("#id_status", "unpublished")
    page.click("input[name=_continue]")
    expect(page.get_by_role("heading", name="Take live releases offline?")).to_be_visible()
    expect(page.locator(".unpublish-list")).to_contain_text(address)
    page.get_by_role("button", name="Yes, take it offline").click()
    page.wait_for_url("**/change/")
    page.wait_for_load_state()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    expect(page.locator("#id_status")).to_have_value("unpublished")
    expect(page.get_by_role("tab", name="fr").first).to_be_visible()

    watch.expect_error(r"status of 404")
    visitor = make_page(1280)
    assert visitor.goto(address).status == 404
