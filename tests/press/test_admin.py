from django.test import TestCase

from tests.builders import make_release, make_superuser


class PressReleaseAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        cls.release = make_release("Mission", languages=("en", "fr"), activity="explore")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_changelist_with_filters_and_search(self):
        response = self.client.get("/admin/press/pressrelease/?q=Mission&status__exact=published")
        self.assertContains(response, "Mission (en)")
        self.assertContains(response, 'lang-badge--present" title="French: present"')
        self.assertContains(response, 'lang-badge--missing" title="Italian: missing"')

    def test_add_page_has_a_tab_per_language_and_prepopulated_slugs(self):
        response = self.client.get("/admin/press/pressrelease/add/")
        self.assertEqual(response.status_code, 200)
        for code in ["en", "it", "fr", "es"]:
            self.assertContains(response, f'name="title_{code}"')
            self.assertContains(response, f'name="slug_{code}"')
        self.assertContains(response, "&quot;dependency_list&quot;: [&quot;title_fr&quot;]")

    def test_change_page_renders(self):
        response = self.client.get(f"/admin/press/pressrelease/{self.release.pk}/change/")
        self.assertContains(response, "Mission (fr)")

    def test_adding_through_the_admin_sanitises_the_body(self):
        response = self.client.post(
            "/admin/press/pressrelease/add/",
            {
                "title_en": "Added", "slug_en": "added",
                "body_en": '<p onmouseover="x()">Safe</p><script>bad()</script>',
                "date_0": "2024-01-02", "date_1": "10:00:00", "status": "published",
                "publish_at_0": "2024-01-02", "publish_at_1": "10:00:00",
            },
        )  # fmt: skip
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertContains(self.client.get("/en/press-releases/added"), "<p>Safe</p>")

    def test_duplicate_slug_is_a_form_error(self):
        response = self.client.post(
            "/admin/press/pressrelease/add/",
            {
                "title_en": "Dup", "slug_en": self.release.slug_en, "status": "draft",
                "date_0": "2024-01-02", "date_1": "10:00:00",
                "publish_at_0": "2024-01-02", "publish_at_1": "10:00:00",
            },
        )  # fmt: skip
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Another release already uses this en slug")
