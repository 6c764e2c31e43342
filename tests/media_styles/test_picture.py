"""The picture tag's markup, and pages that render images without touching files."""

from html.parser import HTMLParser
from unittest import mock

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from tests.builders import make_image, make_release
from tests.mixins import MediaRootMixin


class Tags(HTMLParser):
    """[(tag, {attribute: value})] of an HTML fragment, in order (<source> is void)."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attributes):
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in attributes.items())
        ]


def render(image, spec="_1920x1200", **options):
    args = " ".join(f"{key}={key}" for key in options)
    template = Template("{% load picture_tags %}{% picture image spec " + args + " %}")
    return Tags(template.render(Context({"image": image, "spec": spec, **options})))


class PictureTests(MediaRootMixin, TestCase):
    def test_picture_has_avif_and_webp_sources_and_a_sized_img(self):
        image = make_image(alt="Launch pad")
        picture = render(image, "_688x426", sizes="50vw", css_class="hero")
        assert [tag for tag, _ in picture.tags] == ["picture", "source", "source", "img"]
        avif, webp = picture.find("source")
        assert avif.get("type") == "image/avif" and webp.get("type") == "image/webp"
        assert avif.get("sizes") == webp.get("sizes") == "50vw"
        [img] = picture.find("img")
        assert img.get("src") == image.variants["_688x426"]["webp"]
        assert (img.get("width"), img.get("height")) == ("688", "426")
        assert img.get("alt") == "Launch pad" and img.get("class") == "hero"
        assert img.get("loading") == "lazy" and img.get("fetchpriority") is None

    def test_srcset_spans_the_sizes_of_the_same_shape(self):
        image = make_image()
        picture = render(image, "_688x426")
        [webp] = [attrs["srcset"] for attrs in picture.find("source", type="image/webp")]
        # 688x426 (1.615) and 1920x1200 (1.6) share a shape; 1175x570 (2.06) does not.
        assert webp == (
            f"{image.variants['_688x426']['webp']} 688w, "
            f"{image.variants['_1920x1200']['webp']} 1920w"
        )
        [avif] = [attrs["srcset"] for attrs in picture.find("source", type="image/avif")]
        assert avif.count(".avif") == 2 and ".webp" not in avif

    def test_main_image_is_fetched_early_not_lazily(self):
        [img] = render(make_image(), priority=True).find("img")
        assert img.get("fetchpriority") == "high" and img.get("loading") is None

    def test_alt_follows_the_current_language(self):
        image = make_image(alt_en="A rocket", alt_fr="Une fusée")
        with translation.override("fr"):
            assert render(image).find("img")[0]["alt"] == "Une fusée"
        with translation.override("en"):
            assert render(image).find("img")[0]["alt"] == "A rocket"

    def test_without_variants_shows_a_placeholder_of_the_right_shape(self):
        # Contract changed with the variants worker: never the (multi-megabyte) original.
        image = make_image(alt="Launch pad")
        image.variants = {}
        picture = render(image, "_1920", priority=True, css_class="hero")
        assert [tag for tag, _ in picture.tags] == ["svg", "title"]
        [svg] = picture.find("svg")
        assert (svg["width"], svg["height"], svg["viewbox"]) == ("1920", "1440", "0 0 1920 1440")
        assert svg["role"] == "img" and svg["aria-label"] == "Launch pad"
        assert svg["class"] == "image-placeholder hero"
        [cropped] = render(image, "_688x426").find("svg")
        assert (cropped["width"], cropped["height"]) == ("688", "426")
        image.alt = ""
        [decorative] = render(image, "_688x426").find("svg")
        assert decorative["aria-hidden"] == "true" and "role" not in decorative

    def test_no_image_renders_nothing(self):
        template = Template("{% load picture_tags %}{% picture image '_199x190' %}")
        assert template.render(Context({"image": None})).strip() == ""

    def test_pages_never_open_decode_or_stat_an_image(self):
        older = make_release("Older", image=make_image(alt="old"))
        release = make_release(
            "Newer", image=make_image(400, 300, alt="new"),
            date=older.date.replace(year=older.date.year + 1),
        )  # fmt: skip
        forbidden = AssertionError("a page touched an image file")
        storage = "django.core.files.storage.FileSystemStorage"
        with (
            mock.patch("PIL.Image.open", side_effect=forbidden),
            mock.patch(f"{storage}.open", side_effect=forbidden),
            mock.patch(f"{storage}.exists", side_effect=forbidden),
            mock.patch(f"{storage}.size", side_effect=forbidden),
            mock.patch(f"{storage}.path", side_effect=forbidden),
            mock.patch("media_styles.variants.generate", side_effect=forbidden),
        ):
            pages = {
                "home": self.client.get("/en"),
                "list": self.client.get("/en/press-releases"),
                "detail": self.client.get(release.get_absolute_url("en")),
            }
        for name, response in pages.items():
            assert response.status_code == 200, name
            assert b"<picture>" in response.content, name
        detail = Tags(pages["detail"].content.decode())
        [hero] = detail.find("img", class_="release__image")
        assert hero.get("fetchpriority") == "high" and hero["width"] == "1920"
        [thumbnail] = detail.find("img", class_="next-release__image")
        assert thumbnail["loading"] == "lazy" and thumbnail["width"] == "241"
        assert "241x143" in thumbnail["src"]
        # The first card is the list's largest image above the fold; the rest load lazily.
        first, second = Tags(pages["list"].content.decode()).find("img", class_="card__image")[:2]
        assert first.get("fetchpriority") == "high" and "loading" not in first
        assert second["loading"] == "lazy" and second["width"] == "463"
