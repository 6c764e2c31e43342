"""Preview before saving: the form's unsaved content, public template, staff only, no writes."""

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from media_styles.models import Image
from press.models import PressRelease, Redirect
from tas_site.page_cache import is_storable
from tests.builders import form_data, make_release, make_staff


def writes(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}
    ]


class PreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.officer = make_staff("officer")
        cls.viewer = users.create_user("viewer", is_staff=True)
        cls.viewer.user_permissions.add(Permission.objects.get(codename="view_pressrelease"))
        cls.release = make_release(
            "Mission", languages=("en", "fr"), body_fr="<p>Texte enregistré.</p>"
        )

    def setUp(self):
        self.client.force_login(self.officer)
        self.change_url = f"/admin/press/pressrelease/{self.release.pk}/change/"
        self.url = f"/admin/press/pressrelease/{self.release.pk}/preview/"

    def edited(self, **changes):
        data = form_data(self.client.get(self.change_url).content)
        data.update(changes)
        return data

    def counts(self):
        return [model.objects.count() for model in (PressRelease, Redirect, Image, LogEntry)] + [
            PressRelease.objects.get(pk=self.release.pk).body_fr
        ]

    def test_renders_unsaved_text_in_the_requested_language_and_writes_nothing(self):
        data = self.edited(body_fr="<p>Texte jamais enregistré.</p>", slug_fr="nouvelle-adresse")
        before = self.counts()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(f"{self.url}?language=fr", data)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "press/detail.html")
        self.assertContains(response, "<p>Texte jamais enregistré.</p>", html=True)
        self.assertContains(response, '<html lang="fr"')
        self.assertContains(response, "Preview of unsaved changes")
        self.assertEqual(writes(queries), [])
        self.assertEqual(self.counts(), before)

    def test_query_budget_has_no_insert_or_update(self):
        data = self.edited(body_en="<p>Changed</p>")
        self.client.post(self.url, data)  # warm the chrome cache
        # Session, user, release, two permission lookups, the slug constraints (a savepoint
        # each), the next release.
        with self.assertNumQueries(12), CaptureQueriesContext(connection) as queries:
            self.client.post(self.url, data)
        self.assertEqual(writes(queries), [])

    def test_headers_say_private_no_store_and_noindex(self):
        response = self.client.post(self.url, self.edited())
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertContains(response, 'name="robots" content="noindex')
        self.assertFalse(is_storable(response.wsgi_request, response))

    def test_a_new_release_can_be_previewed(self):
        data = form_data(self.client.get("/admin/press/pressrelease/add/").content)
        data.update(title_en="Brand new", slug_en="brand-new", body_en="<p>New</p>")
        response = self.client.post("/admin/press/pressrelease/preview/", data)
        self.assertContains(response, "Brand new")
        self.assertEqual(PressRelease.objects.count(), 1)

    def test_cleaning_notes_are_shown_in_the_preview(self):
        response = self.client.post(self.url, self.edited(body_en="<h1>Big</h1>"))
        self.assertContains(response, "On save: English body: removed &lt;h1&gt;")

    def test_invalid_form_shows_its_errors_not_a_500(self):
        response = self.client.post(self.url, self.edited(date_0="not a date", title_en=""))
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "admin/press/pressrelease/preview_errors.html")
        self.assertContains(response, "Enter a valid date.")
        self.assertEqual(response["X-Robots-Tag"], "noindex")

    def test_only_staff_who_may_change_releases(self):
        data = self.edited()
        anonymous = Client()
        self.assertEqual(anonymous.post(self.url, data).status_code, 302)  # to the login
        viewer = Client()
        viewer.force_login(self.viewer)
        self.assertEqual(viewer.post(self.url, data).status_code, 403)
        self.assertEqual(self.client.get(self.url).status_code, 404)  # POST only
        self.assertEqual(
            self.client.post("/admin/press/pressrelease/999999/preview/", data).status_code, 404
        )

    def test_csrf_protected(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.officer)
        self.assertEqual(client.post(self.url, self.edited()).status_code, 403)

    def test_change_form_has_a_preview_button(self):
        page = self.client.get(self.change_url)
        self.assertContains(page, 'formaction="/admin/press/pressrelease/')
        self.assertContains(page, 'formtarget="_blank"')
