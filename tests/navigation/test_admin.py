from django.contrib.auth.models import User
from django.test import TestCase

from navigation.models import Menu
from tests.builders import make_menu_item, make_options


class NavigationAdminTests(TestCase):
    def setUp(self):
        self.client.force_login(User.objects.create_superuser("admin", password="pw"))

    def test_menu_with_items_inline_and_language_tabs(self):
        parent = make_menu_item(name="Press Releases", url="/en/press-releases")
        make_menu_item(name="Gallery", url="/en/press-releases/gallery", parent=parent)
        make_menu_item("social", name="facebook", url="https://facebook.com/x")
        menu = Menu.objects.get(slug="main")
        response = self.client.get(f"/admin/navigation/menu/{menu.pk}/change/")
        self.assertContains(response, 'name="items-0-name_fr"')
        self.assertContains(response, "tabbed_translation_fields.js")
        # Parent choices: top-level items of this menu only.
        parent_field = (
            response.context["inline_admin_formsets"][0].formset.forms[0].fields["parent"]
        )
        self.assertEqual(list(parent_field.queryset), [parent])

    def test_menu_item_list_shows_the_tree(self):
        parent = make_menu_item(name="Press Releases", url="/en/press-releases")
        make_menu_item(name="Gallery", url="/en/press-releases/gallery", parent=parent)
        response = self.client.get("/admin/navigation/menuitem/")
        self.assertContains(response, "— Gallery")

    def test_menu_item_page_shows_the_importers_id_read_only(self):
        item = make_menu_item(name="Gallery", url="/en/gallery", legacy_id="old-42")
        response = self.client.get(f"/admin/navigation/menuitem/{item.pk}/change/")
        self.assertContains(response, "old-42")
        self.assertNotContains(response, 'name="legacy_id"')

    def test_menu_table_parents_have_no_add_or_edit_buttons(self):
        make_menu_item(name="Press Releases", url="/en/press-releases")
        menu = Menu.objects.get(slug="main")
        response = self.client.get(f"/admin/navigation/menu/{menu.pk}/change/")
        self.assertNotContains(response, 'id="add_id_items-0-parent"')
        self.assertNotContains(response, 'id="change_id_items-0-parent"')

    def test_labels_listed_by_english_text_with_the_key_beside(self):
        response = self.client.get("/admin/navigation/label/")
        self.assertEqual(response.context["cl"].list_display, ["action_checkbox", "english_text",
                                                                "key"])  # fmt: skip
        self.assertContains(response, '<th class="field-english_text"><a href=')
        by_italian = self.client.get("/admin/navigation/label/?q=Attività")
        self.assertContains(by_italian, "activitiesLabel")

    def test_label_search_by_key_and_value(self):
        by_key = self.client.get("/admin/navigation/label/?q=labelNext")
        self.assertContains(by_key, "labelNextPage")
        by_value = self.client.get("/admin/navigation/label/?q=Disponible")
        self.assertContains(by_value, "availableIn")

    def test_site_options_page(self):
        options = make_options()
        response = self.client.get(f"/admin/navigation/siteoptions/{options.pk}/change/")
        self.assertContains(response, 'name="press_path_fr"')
