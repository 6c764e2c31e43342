"""The image library staff see: thumbnails in the list and the chooser, the focal-point
picker with crop previews, sizes in plain words, generation status, upload message."""

from html.parser import HTMLParser

from django.test import TestCase

from media_styles.models import Image
from tests.builders import image_bytes, make_image, make_release, make_staff, upload


class Links(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.images, self.links = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag == "a":
            self.links.append(attrs.get("href"))


class LibraryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_staff("comms")
        cls.image = make_image(900, 600, alt="Ariane 6 on the pad", title="Ariane")
        cls.failed = make_image(400, 400, title="Broken")
        Image.objects.filter(pk=cls.failed.pk).update(
            variants={}, variants_status=Image.FAILED,
            variants_error="the original file is missing from storage",
        )  # fmt: skip

    def setUp(self):
        self.client.force_login(self.member)

    def test_the_list_shows_thumbnails_sizes_and_status(self):
        html = self.client.get("/admin/media_styles/image/").content.decode()
        thumbs = [img for img in Links(html).images if "image-thumb" in img.get("class", "")]
        self.assertEqual([img["src"] for img in thumbs], [self.image.variants["_240x240"]["webp"]])
        self.assertEqual(thumbs[0]["alt"], "Ariane")  # the row's header names the image
        self.assertIn("900×600", html)
        self.assertIn("failed: the original file is missing from storage", html)

    def test_the_change_page_has_the_picker_crops_and_sizes_in_words(self):
        html = self.client.get(f"/admin/media_styles/image/{self.image.pk}/change/").content
        html = html.decode()
        self.assertIn("data-focal-picker", html)
        self.assertIn('src="/static/media_styles/focal.js"', html)
        self.assertEqual(html.count('class="focal__crop"'), 4)
        for words in (
            "Card 463×428",
            "Release hero and share image 1920×1200",
            "Next-release thumbnail 241×143",
            "Full width, in release text 1920×1280",
        ):
            self.assertIn(words, html)  # fmt: skip
        links = Links(html).links
        self.assertIn(self.image.variants["_456x448"]["webp"], links)
        self.assertIn("done", html)

    def test_an_upload_answers_with_a_thumbnail_message(self):
        response = self.client.post(
            "/admin/media_styles/image/add/",
            {"file": upload(image_bytes(), "new.jpg"), "alt_en": "New"},
            follow=True,
        )
        [message] = list(response.context["messages"])
        self.assertIn('class="image-thumb"', str(message))
        self.assertIn("Its sizes are", str(message))

    def test_generate_again_is_an_action(self):
        html = self.client.get("/admin/media_styles/image/").content.decode()
        self.assertIn('value="generate_again"', html)


class ChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_staff("comms")
        cls.image = make_image(alt="Rover", title="Rosalind Franklin rover")
        cls.release = make_release("With image", image=cls.image)

    def setUp(self):
        self.client.force_login(self.member)

    def test_the_release_form_uses_the_chooser_with_its_script(self):
        html = self.client.get(f"/admin/press/pressrelease/{self.release.pk}/change/")
        html = html.content.decode()
        self.assertIn('data-ajax--url="/admin/media_styles/image/chooser/"', html)
        self.assertIn("media_styles/chooser.js", html)

    def test_the_site_options_footer_images_use_the_chooser(self):
        html = self.client.get("/admin/navigation/siteoptions/add/").content.decode()
        self.assertIn('data-ajax--url="/admin/media_styles/image/chooser/"', html)

    def test_search_answers_with_thumbnails(self):
        response = self.client.get(
            "/admin/media_styles/image/chooser/",
            {"term": "rosalind", "app_label": "press", "model_name": "pressrelease",
             "field_name": "image"},
        )  # fmt: skip
        [result] = response.json()["results"]
        self.assertEqual(result["id"], str(self.image.pk))
        self.assertEqual(result["thumb"], self.image.variants["_240x240"]["webp"])
        self.assertEqual(result["size"], "640×480")
