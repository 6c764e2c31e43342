"""What the old site's page JSON calls things, shared by the importer and the export."""

# Prefix of the ids given to menu items the old site generated without one.
SYNTHETIC = "synthetic:"
# The menus a page carries in ``navs``; ``sitemapNavs.main`` becomes the "sitemap" menu.
MENU_SLUGS = ("main", "social", "copyright")
SITEMAP_MENU = "sitemap"
TARGETS = {"_self", "_blank"}
# ``options`` key -> SiteOptions field, in the old site's order.
OPTION_PATHS = {
    "whatWeDoPath": "what_we_do_path",
    "newsPath": "news_path",
    "pressPath": "press_path",
}
# The breadcrumb's first two labels become these site labels (see navigation/data/labels.json).
BREADCRUMB_LABELS = ["breadcrumbHome", "breadcrumbPressReleases"]
# Parts of ``api.data`` this site does not model yet, with the value the old site
# gives when there is nothing. Anything else is kept verbatim on the release
# (``PressRelease.legacy_data``) and given back unchanged by ``index.json``.
UNMODELLED_DATA = {"blocks": [], "boxCarousel": {"slide": []}, "download_image": None}
