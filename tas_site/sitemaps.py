"""sitemap.xml: every app's sitemaps, combined."""

from press.sitemaps import ListPageSitemap, PressReleaseSitemap

SITEMAPS = {"pages": ListPageSitemap, "press-releases": PressReleaseSitemap}
