from django.core.cache import cache
from django.test import TestCase

from navigation.chrome import CACHE_KEY, get_chrome
from navigation.models import Label, SiteOptions
from tests.builders import make_image, make_label, make_menu_item, make_options, make_release


def cached(language="en"):
    return cache.get(CACHE_KEY.format(language=language))


class CacheTests(TestCase):
    def test_chrome_is_read_once_then_served_from_the_cache(self):
        make_options(footer_images=[make_image(), make_image()])
        make_menu_item(name="Stories", url="/en/news")
        with self.assertNumQueries(4):  # labels, menu items, options, footer images
            get_chrome("en")
        with self.assertNumQueries(0):
            get_chrome("en")
        self.assertIsNotNone(cached("en"))
        self.assertIsNone(cached("fr"))

    def test_saving_a_label_clears_every_language(self):
        get_chrome("en"), get_chrome("fr")
        label = Label.objects.get(key="labelNext")
        label.value_fr = "Suivant !"
        label.save()
        self.assertIsNone(cached("en"))
        self.assertEqual(get_chrome("fr")["labels"]["labelNext"], "Suivant !")

    def test_menu_item_changes_and_deletions_clear_it(self):
        item = make_menu_item(name="Stories", url="/en/news")
        self.assertEqual(get_chrome("en")["menus"]["main"][0]["name"], "Stories")
        item.name_en = "News"
        item.save()
        self.assertEqual(get_chrome("en")["menus"]["main"][0]["name"], "News")
        item.delete()
        self.assertEqual(get_chrome("en")["menus"].get("main", []), [])

    def test_options_and_footer_images_clear_it(self):
        get_chrome("en")
        image = make_image(alt_en="Airlock")
        self.assertIsNone(cached("en"))
        make_options(contact_email="a@example.com", footer_images=[image])
        options = get_chrome("en")["options"]
        self.assertEqual(options["contact_email"], "a@example.com")
        self.assertEqual(options["footer_images"], [image])
        image.alt_en = "Airlock, Emirates"
        image.save()
        self.assertEqual(get_chrome("en")["options"]["footer_images"][0].alt, "Airlock, Emirates")
        SiteOptions.objects.filter(pk=1).first().save()
        self.assertIsNone(cached("en"))

    def test_publishing_a_release_clears_it(self):
        # A menu may link to a release; the link goes local only once it is published.
        make_menu_item(name="Mars", url="/en/press-releases/mars")
        self.assertTrue(get_chrome("en")["menus"]["main"][0]["href"].startswith("http"))
        make_release(slug_en="mars")
        self.assertEqual(get_chrome("en")["menus"]["main"][0]["href"], "/en/press-releases/mars")

    def test_pages_show_the_change_at_once(self):
        make_label("labelNoResults", "Nothing")
        self.assertContains(self.client.get("/en/press-releases"), "Nothing")
        make_label("labelNoResults", "Nothing at all")
        self.assertContains(self.client.get("/en/press-releases"), "Nothing at all")
