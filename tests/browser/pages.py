"""The demo site's addresses the gates visit (the releases of demo/pages/)."""

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
PAGE_TYPES = {
    "home": "/en",
    "home-fr": "/fr",
    "list": "/en/press-releases",
    "list-filtered": "/en/press-releases?activity=explore",
    "detail": MARS,
    "detail-fr": RESCUE_FR,
    "not-found": MISSING,
    "search": "/en/search?key=mars&category=press-releases",
    "gallery": "/en/press-releases/gallery",
    "sitemap-page": "/en/sitemap",
}
