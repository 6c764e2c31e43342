import json

from django.test import TestCase
from lxml import html as lxml_html

from media_styles.models import Image
from tests.builders import make_image, make_release


def head(response):
    """(title, {meta name/property: content}, {hreflang: href}, canonical, JSON-LD list)."""
    doc = lxml_html.fromstring(response.content)
    metas = {}
    for meta in doc.iter("meta"):
        key = meta.get("name") or meta.get("property")
        if key:
            metas.setdefault(key, meta.get("content"))
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in doc.iter("link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }
    canonical = [link.get("href") for link in doc.iter("link") if link.get("rel") == "canonical"]
    ld = [
        json.loads(script.text)
        for script in doc.iter("script")
        if script.get("type") == "application/ld+json"
    ]
    return doc.findtext(".//title"), metas, alternates, canonical, ld


class ReleaseSeoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = make_image(1920, 1200, alt_en="Mars rover")
        cls.release = make_release(
            "Mission to Mars", languages=("en", "fr"), slug_en="mars", slug_fr="mars-fr",
            description_en="Sample return. <br />", image=cls.image,
        )  # fmt: skip

    def test_title_description_and_canonical(self):
        title, metas, _, canonical, _ = head(self.client.get("/en/press-releases/mars"))
        self.assertEqual(title, "Mission to Mars (en) | Thales Alenia Space")
        self.assertEqual(metas["description"].strip(), "Sample return.")
        self.assertEqual(metas["og:description"], "Sample return.")
        self.assertEqual(canonical, ["http://testserver/en/press-releases/mars"])
        self.assertNotIn("robots", metas)

    def test_hreflang_for_each_language_it_exists_in_plus_x_default(self):
        _, _, alternates, _, _ = head(self.client.get("/fr/press-releases/mars-fr"))
        self.assertEqual(
            alternates,
            {
                "en": "http://testserver/en/press-releases/mars",
                "fr": "http://testserver/fr/press-releases/mars-fr",
                "x-default": "http://testserver/en/press-releases/mars",
            },
        )

    def test_x_default_of_a_release_without_english_is_its_own_language(self):
        make_release(languages=("it",), slug_it="solo")
        _, _, alternates, _, _ = head(self.client.get("/it/press-releases/solo"))
        solo = "http://testserver/it/press-releases/solo"
        self.assertEqual(alternates, {"it": solo, "x-default": solo})

    def test_open_graph_and_twitter_per_language(self):
        _, metas, _, _, _ = head(self.client.get("/fr/press-releases/mars-fr"))
        self.assertEqual(metas["og:type"], "article")
        self.assertEqual(metas["og:title"], "Mission to Mars (fr) | Thales Alenia Space")
        self.assertEqual(metas["og:url"], "http://testserver/fr/press-releases/mars-fr")
        self.assertEqual(metas["og:locale"], "fr_FR")
        self.assertEqual(metas["og:locale:alternate"], "en_GB")
        # Variants are generated when the image is saved (media_styles).
        share = self.image.variant("_1920x1200")["webp"]
        self.assertEqual(metas["og:image"], f"http://testserver{share}")
        self.assertEqual(metas["twitter:card"], "summary_large_image")
        self.assertEqual(metas["twitter:title"], metas["og:title"])

    def test_share_image_is_the_1920x1200_variant_once_generated(self):
        self.image.variants = {
            "_1920x1200": {"webp": "/media/variants/mars-1920x1200.webp", "avif": None,
                           "width": 1920, "height": 1200},
        }  # fmt: skip
        # update(), not save(): saving would regenerate the real variants over these.
        Image.objects.filter(pk=self.image.pk).update(variants=self.image.variants)
        _, metas, _, _, ld = head(self.client.get("/en/press-releases/mars"))
        self.assertEqual(metas["og:image"], "http://testserver/media/variants/mars-1920x1200.webp")
        self.assertEqual((metas["og:image:width"], metas["og:image:height"]), ("1920", "1200"))
        self.assertEqual(ld[0]["image"], ["http://testserver/media/variants/mars-1920x1200.webp"])

    def test_noindex_is_honoured(self):
        hidden = make_release(languages=("en",), noindex=True)
        _, metas, _, _, _ = head(self.client.get(hidden.get_absolute_url("en")))
        self.assertEqual(metas["robots"], "noindex")

    def test_news_article_json_ld(self):
        _, _, _, _, ld = head(self.client.get("/fr/press-releases/mars-fr"))
        article = ld[0]
        self.assertEqual(article["@type"], "NewsArticle")
        self.assertEqual(article["headline"], "Mission to Mars (fr)")
        self.assertEqual(article["inLanguage"], "fr")
        self.assertEqual(article["datePublished"], self.release.date.isoformat())
        self.assertEqual(article["publisher"]["name"], "Thales Alenia Space")
        self.assertEqual(article["mainEntityOfPage"], "http://testserver/fr/press-releases/mars-fr")

    def test_json_ld_cannot_be_closed_by_a_title(self):
        nasty = '</script><script>alert("x")</script> & <!--'
        release = make_release(languages=("en",), title_en=nasty)
        response = self.client.get(release.get_absolute_url("en"))
        body = response.content.decode()
        self.assertEqual(body.count("<script"), 2)  # site.js and the JSON-LD, nothing injected
        self.assertEqual(head(response)[4][0]["headline"], nasty)


class OtherPagesSeoTests(TestCase):
    def test_list_page_defaults_from_labels_and_alternates_in_every_language(self):
        title, metas, alternates, canonical, ld = head(self.client.get("/it/press-releases"))
        self.assertEqual(metas["og:title"], "Thales Alenia Space")
        self.assertTrue(metas["description"].startswith("We believe in Space"))
        self.assertEqual(set(alternates), {"en", "it", "fr", "es", "x-default"})
        self.assertEqual(alternates["x-default"], "http://testserver/en/press-releases")
        self.assertEqual(canonical, ["http://testserver/it/press-releases"])
        self.assertEqual(ld, [])

    def test_canonical_keeps_meaningful_parameters_only(self):
        for _ in range(13):
            make_release()
        response = self.client.get("/en/press-releases?page=2&utm_source=x&activity=explore")
        _, _, alternates, canonical, _ = head(response)
        self.assertEqual(canonical, ["http://testserver/en/press-releases?page=2&activity=explore"])
        self.assertEqual(alternates, {})  # page 2 has no counterpart in other languages

    def test_not_found_page_has_no_canonical(self):
        response = self.client.get("/en/press-releases/missing")
        self.assertEqual(head(response)[3], [])
