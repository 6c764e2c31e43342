from django.test import TestCase

from tests.builders import make_menu_item, make_release


def active_names(response):
    """Menu items marked current, with the aria-current value, in the main menu."""
    html = response.content.decode()
    main = html[
        html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))
    ]
    return [
        (part.split(">", 1)[1].split("<", 1)[0], part.split('aria-current="', 1)[1].split('"')[0])
        for part in main.split("<a ")[1:]
        if "aria-current" in part.split(">", 1)[0]
    ]


class ActiveItemTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.press = make_menu_item(name="Press Releases", url="/en/press-releases", weight=1)
        make_menu_item(name="Gallery", url="/en/press-releases/gallery", parent=cls.press)
        make_menu_item(name="Press", url="/en/press", weight=2)
        make_menu_item(name="Home", url="/en", weight=0)
        make_menu_item(name="Sitemap", url="/en/sitemap", weight=3)
        cls.release = make_release("Mars", languages=("en",))

    def test_list_page_marks_its_item_as_the_page(self):
        response = self.client.get("/en/press-releases")
        self.assertEqual(active_names(response), [("Press Releases", "page")])
        self.assertContains(response, '<li class="main-menu__item is-active has-children">')

    def test_filters_and_pages_keep_the_list_active(self):
        response = self.client.get("/en/press-releases?activity=explore&page=1")
        self.assertEqual(active_names(response), [("Press Releases", "page")])

    def test_release_marks_its_section_not_by_substring(self):
        # "/en/press" is a prefix of the release path and "/en" of everything: neither is active.
        response = self.client.get(self.release.get_absolute_url("en"))
        self.assertEqual(active_names(response), [("Press Releases", "true")])

    def test_home_marks_only_home(self):
        self.assertEqual(active_names(self.client.get("/en")), [("Home", "page")])

    def test_sitemap_page(self):
        self.assertEqual(active_names(self.client.get("/en/sitemap")), [("Sitemap", "page")])
