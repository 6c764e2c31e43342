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
# A writer of the seeded site (same password as the admin): the Communications group's
# permissions except publishing (tests/browser/seed.py).
WRITER_USERNAME = "gates-writer"
# A live release of the seeded site that the admin journeys edit (tests/browser/seed.py).
VERSIONS_SLUG = "versions-check"
VERSIONS = f"/en/press-releases/{VERSIONS_SLUG}"


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
