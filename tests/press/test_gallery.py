from datetime import timedelta

from django.test import TestCase
from django.urls import resolve
from django.utils import timezone, translation

from press.views import GalleryView
from tests.builders import make_image, make_release


class GalleryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = make_image(alt="A rocket on its pad")
        cls.older = make_release("Older", languages=("en", "fr"), image=cls.image)
        cls.newer = make_release("Newer", languages=("en",), image=make_image(alt="The Moon"),
                                 date=cls.older.date + timedelta(days=3))  # fmt: skip
        make_release("No image")
        make_release("Draft", status="draft", image=cls.image)
        make_release("Scheduled", image=cls.image, publish_at=timezone.now() + timedelta(days=1))

    def test_url_is_not_taken_for_a_release_slug(self):
        make_release("Named gallery", slug_en="gallery")
        with translation.override("en"):
            self.assertEqual(resolve("/en/press-releases/gallery").func.view_class, GalleryView)
        self.assertTemplateUsed(self.client.get("/en/press-releases/gallery"), "press/gallery.html")

    def test_images_of_published_releases_newest_first(self):
        response = self.client.get("/en/press-releases/gallery")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["releases"]), [self.newer, self.older])
        self.assertContains(response, "<title>Gallery | Press releases | Thales Alenia Space")
        self.assertNotContains(response, "Draft (en)")
        self.assertNotContains(response, "Scheduled (en)")

    def test_each_image_links_to_its_release_through_the_picture_include(self):
        response = self.client.get("/en/press-releases/gallery")
        self.assertTemplateUsed(response, "includes/image.html")
        self.assertContains(response, f'href="{self.older.get_absolute_url("en")}"')
        self.assertContains(response, 'alt="A rocket on its pad"')
        # <picture> from the variants generated on save (media_styles).
        self.assertContains(response, f'src="{self.image.variant("_463x428")["webp"]}"')
        self.assertContains(response, "<figcaption>Older (en)</figcaption>")

    def test_only_releases_available_in_the_language(self):
        response = self.client.get("/fr/press-releases/gallery")
        self.assertEqual(list(response.context["releases"]), [self.older])
        self.assertContains(response, f'href="{self.older.get_absolute_url("fr")}"')
        self.assertContains(response, "<h1>Galerie</h1>")

    def test_breadcrumb(self):
        response = self.client.get("/en/press-releases/gallery")
        self.assertEqual(
            response.context["breadcrumb"],
            [("Home", "/en"), ("Press Releases", "/en/press-releases"), ("Gallery", None)],
        )

    def test_list_page_links_to_the_gallery(self):
        self.assertContains(
            self.client.get("/en/press-releases"), 'href="/en/press-releases/gallery"'
        )


class GalleryPaginationTests(TestCase):
    def test_paginated_with_flat_query_count(self):
        image = make_image()
        for _ in range(3):
            make_release(image=image)
        url = "/en/press-releases/gallery"
        self.client.get(url)  # warms the cached chrome
        with self.assertNumQueries(2):  # count + page
            self.client.get(url)
        for _ in range(27):
            make_release(image=image)
        self.client.get(url)  # saving purges caches; warm them again
        with self.assertNumQueries(2):
            response = self.client.get(url)
        self.assertEqual(len(response.context["releases"]), 24)
        self.assertContains(response, 'href="?page=2"')
        second = self.client.get(f"{url}?page=2")
        self.assertEqual(len(second.context["releases"]), 6)
        self.assertContains(self.client.get(f"{url}?page=9"), "This page does not exist")
