"""axe-core on every page type, phone and desktop widths: zero violations."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.quality.tools import RESULTS_DIR

from .pages import MISSING, PAGE_TYPES

pytestmark = pytest.mark.browser

axe = Axe()
# WCAG 2.2 A and AA plus axe's best practices (landmarks, heading order, ...).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_has_no_accessibility_violations(page, watch, path, request):
    expected_status = 200
    if path == MISSING:
        expected_status = 404
        watch.expect_error(r"status of 404")
    response = page.goto(path)
    assert response.status == expected_status
    page.wait_for_load_state("networkidle")
    results = axe.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        report = RESULTS_DIR / f"axe-{request.node.callspec.id}.json"
        report.write_text(json.dumps(results.response["violations"], indent=2))
    assert results.violations_count == 0, results.generate_report()
