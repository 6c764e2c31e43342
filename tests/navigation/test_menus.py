from django.test import TestCase, override_settings
from django.utils.translation import override

from navigation.chrome import get_chrome
from tests.builders import make_menu_item, make_release

LEGACY = "https://legacy.example.com"


@override_settings(LEGACY_BASE_URL=LEGACY)
class MenuTreeTests(TestCase):
    def test_items_nest_under_parents_and_follow_weight(self):
        second = make_menu_item(name="Second", url="/en/press-releases", weight=-40)
        first = make_menu_item(name="First", url="/en/who-we-are", weight=-50)
        make_menu_item(name="B child", url="/en/who-we-are#b", parent=first, weight=2)
        make_menu_item(name="A child", url="/en/who-we-are#a", parent=first, weight=1)
        make_menu_item("social", name="facebook", url="https://www.facebook.com/x")
        menus = get_chrome("en")["menus"]
        self.assertEqual([n["name"] for n in menus["main"]], ["First", "Second"])
        self.assertEqual([n["name"] for n in menus["main"][0]["children"]], ["A child", "B child"])
        self.assertEqual(menus["main"][1]["id"], second.pk)
        self.assertEqual([n["name"] for n in menus["social"]], ["facebook"])

    def test_names_per_language_fall_back_to_english(self):
        make_menu_item(name="Press Releases", name_fr="Communiqués", url="/en/press-releases",
                       url_fr="/fr/press-releases")  # fmt: skip
        make_menu_item(name="Stories", url="/en/news", weight=1)
        with override("fr"):
            menus = get_chrome("fr")["menus"]
        self.assertEqual([n["name"] for n in menus["main"]], ["Communiqués", "Stories"])
        self.assertEqual(menus["main"][0]["href"], "/fr/press-releases")

    def test_sections_not_served_here_go_to_the_old_site(self):
        make_menu_item(name="Who", url="/en/who-we-are#governance")
        make_menu_item(name="Press", url="/en/press-releases", weight=1)
        make_menu_item(name="Home", url="/en", weight=2)
        make_menu_item(name="Out", url="https://bsky.app/profile/x", weight=3)
        make_menu_item(name="Heading", nolink=True, weight=4)
        hrefs = [n["href"] for n in get_chrome("en")["menus"]["main"]]
        self.assertEqual(
            hrefs,
            [f"{LEGACY}/en/who-we-are#governance", "/en/press-releases", "/en",
             "https://bsky.app/profile/x", ""],
        )  # fmt: skip

    def test_a_path_that_looks_like_a_release_is_local_only_if_the_release_is_published(self):
        release = make_release(slug_en="real-one")
        make_release(slug_en="draft-one", status="draft")
        make_menu_item(name="Gallery", url="/en/press-releases/gallery")
        make_menu_item(name="Real", url=release.get_absolute_url("en"), weight=1)
        make_menu_item(name="Draft", url="/en/press-releases/draft-one", weight=2)
        hrefs = [n["href"] for n in get_chrome("en")["menus"]["main"]]
        self.assertEqual(
            hrefs,
            ["/en/press-releases/gallery", "/en/press-releases/real-one",
             f"{LEGACY}/en/press-releases/draft-one"],
        )  # fmt: skip

    def test_a_path_in_another_language_resolves_in_that_language(self):
        make_menu_item(name="Liste", url="/fr/press-releases")
        self.assertEqual(get_chrome("en")["menus"]["main"][0]["href"], "/fr/press-releases")
        self.assertEqual(
            get_chrome("en")["menus"]["main"][0]["target_view"].view_name, "press:list"
        )


class HeaderRenderingTests(TestCase):
    def test_submenus_have_buttons_that_control_them(self):
        parent = make_menu_item(name="Press Releases", url="/en/press-releases")
        make_menu_item(name="Gallery", url="/en/press-releases/gallery", parent=parent)
        heading = make_menu_item(name="Innovation", nolink=True, weight=1)
        make_menu_item(name="Startups", url="/en/interacting-startups", parent=heading)
        html = self.client.get("/en").content.decode()
        self.assertIn(
            f'<button type="button" class="main-menu__toggle" aria-expanded="false" '
            f'aria-controls="main-menu-{parent.pk}">',
            html,
        )
        self.assertIn(f'<ul class="main-menu__submenu" id="main-menu-{parent.pk}"', html)
        self.assertIn(f'aria-controls="main-menu-{heading.pk}">Innovation</button>', html)
        # Without JavaScript the parent stays a plain link.
        self.assertIn('<a href="/en/press-releases" class="main-menu__link"', html)
        self.assertNotIn("onclick", html)
        self.assertNotIn("<script>", html)
