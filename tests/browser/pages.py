"""The demo site's addresses the gates visit (the releases of demo/pages/)."""

import pytest

MARS = "/en/press-releases/mission-mars-be-continued"
RESCUE_EN = (
    "/en/press-releases/european-commission-acquire-thales-alenia-spaces-advanced-technology"
    "-respond"
)
RESCUE_FR = (
    "/fr/press-releases/la-commission-europeenne-acquiert-la-technologie-de-thales-alenia-space"
    "-pour-repondre-aux-signaux-de-detresse"
)
HOSTILE = "/en/press-releases/hostile-content-check"
MISSING = "/en/press-releases/no-such-release"


# Every page type a visitor can reach, for the accessibility and markup gates.
PAGE_TYPES = [
    pytest.param("/en", id="home"),
    pytest.param("/fr", id="home-fr"),
    pytest.param("/en/press-releases", id="list"),
    pytest.param("/en/press-releases?activity=explore", id="list-filtered"),
    pytest.param(MARS, id="detail"),
    pytest.param(RESCUE_FR, id="detail-fr"),
    pytest.param(MISSING, id="not-found"),
    pytest.param("/en/search?key=mars&category=press-releases", id="search"),
    pytest.param("/en/press-releases/gallery", id="gallery"),
    pytest.param("/en/sitemap", id="sitemap-page"),
]
