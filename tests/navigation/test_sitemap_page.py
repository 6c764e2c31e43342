from django.test import TestCase

from tests.builders import make_menu_item


def main_content(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


class HtmlSitemapTests(TestCase):
    def test_built_from_the_sitemap_menu(self):
        who = make_menu_item("sitemap", name="Who we are", url="/en/who-we-are")
        make_menu_item("sitemap", name="Governance", url="/en/who-we-are#governance", parent=who)
        make_menu_item("sitemap", name="Press Releases", url="/en/press-releases", weight=1)
        make_menu_item("main", name="Main only", url="/en/news")
        page = main_content(self.client.get("/en/sitemap"))
        self.assertIn("<h1>Sitemap</h1>", page)
        self.assertIn('<a href="https://www.thalesaleniaspace.com/en/who-we-are#governance">', page)
        self.assertIn('<a href="/en/press-releases">Press Releases</a>', page)
        self.assertNotIn("Main only", page)

    def test_falls_back_to_the_main_menu_until_a_sitemap_menu_exists(self):
        make_menu_item("main", name="Stories", url="/en/news")
        page = main_content(self.client.get("/fr/sitemap"))
        self.assertIn("<h1>Plan du site</h1>", page)
        self.assertIn("Stories", page)
