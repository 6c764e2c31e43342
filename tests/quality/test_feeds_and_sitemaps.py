"""sitemap.xml validates against the sitemaps.org schema; the RSS feeds parse cleanly."""

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from django.test import SimpleTestCase, TestCase
from lxml import etree

from tests.builders import make_release

SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
HOSTILE_TITLE = 'Fish & chips <script>alert("x")</script> "quoted" ]]>'


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


class SchemaTests(SimpleTestCase):
    def test_the_schemas_reject_a_broken_sitemap(self):
        """The validator is not vacuous: wrong values and unknown elements fail."""
        urlset = schema("urlset-with-alternates.xsd")
        good = (
            f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}"><url>'
            "<loc>https://press.example.org/en</loc><lastmod>2024-01-02</lastmod>"
            '<xhtml:link rel="alternate" hreflang="fr" href="https://press.example.org/fr"/>'
            "</url></urlset>"
        )
        assert urlset.validate(etree.fromstring(good)), urlset.error_log
        for broken in [
            good.replace("2024-01-02", "yesterday"),
            good.replace('hreflang="fr" ', ""),
            good.replace("<loc>https://press.example.org/en</loc>", ""),
            good.replace("<lastmod>", "<changefreq>sometimes</changefreq><lastmod>"),
            good.replace("xhtml:link", "xhtml:a"),
        ]:
            assert not urlset.validate(etree.fromstring(broken)), broken


class FeedAndSitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.releases = [
            make_release("Both languages", languages=("en", "fr")),
            make_release(languages=("en",), title_en=HOSTILE_TITLE),
            make_release("Hidden", languages=("en",), noindex=True),
            make_release("Draft", languages=("en",), status="draft"),
        ]

    def test_sitemap_validates_and_lists_published_indexable_releases(self):
        response = self.client.get("/sitemap.xml")
        assert response.status_code == 200
        documents = [etree.fromstring(response.content)]
        if documents[0].tag == f"{{{SITEMAP_NS}}}sitemapindex":
            index = schema("siteindex.xsd")
            assert index.validate(documents[0]), index.error_log
            locations = documents[0].findall(f"{{{SITEMAP_NS}}}sitemap/{{{SITEMAP_NS}}}loc")
            documents = [etree.fromstring(self.get_ok(loc.text).content) for loc in locations]
        urlset = schema("urlset-with-alternates.xsd")
        locs = []
        for document in documents:
            assert urlset.validate(document), urlset.error_log
            locs += [loc.text for loc in document.iter(f"{{{SITEMAP_NS}}}loc")]
        both, hostile, hidden, draft = self.releases
        assert any(loc.endswith(both.get_absolute_url("fr")) for loc in locs)
        assert any(loc.endswith(hostile.get_absolute_url("en")) for loc in locs)
        assert not any(loc.endswith(hidden.get_absolute_url("en")) for loc in locs)
        assert not any(loc.endswith(draft.get_absolute_url("en")) for loc in locs)
        alternates = [
            link.get("hreflang") for d in documents for link in d.iter(f"{{{XHTML_NS}}}link")
        ]
        assert {"en", "fr", "x-default"} <= set(alternates)

    def test_rss_feed_parses_without_errors(self):
        for language in ["en", "fr"]:
            with self.subTest(language):
                response = self.client.get(f"/{language}/press-releases/feed")
                assert response.status_code == 200
                feed = feedparser.parse(response.content)
                assert not feed.bozo, feed.get("bozo_exception")
                assert feed.version.startswith("rss")
                titles = [entry.title for entry in feed.entries]
                if language == "en":
                    # (feedparser itself strips markup from titles; the feed must still
                    # carry the text.)
                    assert any(title.startswith("Fish & chips") for title in titles)
                    assert "Draft (en)" not in titles
                else:
                    assert titles == ["Both languages (fr)"]
                assert all(entry.link.startswith("http") for entry in feed.entries)

    def get_ok(self, url):
        response = self.client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        return response
