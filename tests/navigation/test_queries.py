"""Whole-page query budgets: chrome included, flat as releases and menus grow."""

from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from navigation.models import Menu, MenuItem
from press.models import Activity, PressRelease
from tests.builders import make_image, make_options, make_release

BUDGET = 8


def add_releases(count, image):
    """Bulk rows: 2,000 saves one by one would make the test slow, not more telling."""
    start = PressRelease.objects.count()
    now = timezone.now()
    activity = Activity.objects.first()
    PressRelease.objects.bulk_create(
        PressRelease(
            title_en=f"Bulk {n}",
            slug_en=f"bulk-{n}",
            title_fr=f"Masse {n}",
            slug_fr=f"masse-{n}",
            body_en="<p>Body</p>",
            status="published",
            publish_at=now - timedelta(days=1),
            date=now - timedelta(days=10 + n),
            activity=activity,
            image=image,
        )  # fmt: skip
        for n in range(start, start + count)
    )


def add_menu_items(count):
    """Items under a few parents, in all menus, as the old site's menus are."""
    menus = [Menu.objects.get_or_create(slug=slug)[0] for slug in Menu.Slug.values]
    start = MenuItem.objects.count()
    for n in range(start, start + count):
        menu = menus[n % len(menus)]
        parent = MenuItem.objects.filter(menu=menu, parent=None).first() if n % 3 else None
        urls = ["/en/press-releases", "/en/who-we-are", "/en/press-releases/bulk-1", "/en"]
        MenuItem.objects.create(menu=menu, parent=parent, name_en=f"Item {n}", url_en=urls[n % 4],
                                weight=n)  # fmt: skip


class QueryBudgetTests(TestCase):
    def queries(self, url, *, cold):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(captured)

    def measure(self, urls):
        return {(url, cold): self.queries(url, cold=cold) for url in urls for cold in (True, False)}

    def test_pages_cost_the_same_with_20_or_2000_releases_and_5_or_50_menu_items(self):
        image = make_image()
        make_options(footer_images=[make_image(), make_image()])
        newest = make_release("Newest", languages=("en", "fr"), image=image)
        add_releases(19, image)
        add_menu_items(5)
        urls = ["/en/press-releases", "/en/press-releases?page=2", newest.get_absolute_url("en"),
                "/en", "/fr/press-releases", "/en/sitemap"]  # fmt: skip
        small = self.measure(urls)
        for (url, cold), count in small.items():
            self.assertLessEqual(count, BUDGET, f"{url} cold={cold}")

        add_releases(2000 - 20, image)
        add_menu_items(45)
        self.assertEqual(PressRelease.objects.count(), 2000)
        self.assertEqual(MenuItem.objects.count(), 50)
        self.assertEqual(self.measure(urls), small)

    def test_warm_list_and_detail_pages_spend_nothing_on_chrome(self):
        older = make_release()
        release = make_release(date=older.date + timedelta(days=1))
        add_menu_items(10)
        for url, expected in [("/en/press-releases", 3), (release.get_absolute_url("en"), 2)]:
            self.queries(url, cold=True)
            # list: activities (filter form) + count + page; detail: release + next
            with self.assertNumQueries(expected):
                self.client.get(url)
