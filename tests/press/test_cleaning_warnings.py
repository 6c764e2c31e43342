"""Cleaning is never silent: the writer is told, per language, what the sanitiser changed."""

from django.contrib.admin.models import LogEntry
from django.test import SimpleTestCase, TestCase
from hypothesis import example, given, settings
from hypothesis import strategies as st

from press.models import PressRelease
from press.sanitizer import clean_html, clean_html_with_changes, fix_link
from tests.builders import form_data, make_release, make_superuser


class ChangesTests(SimpleTestCase):
    def assertCleans(self, dirty, clean, *changes):
        self.assertEqual(clean_html_with_changes(dirty), (clean, list(changes)))

    def test_a_page_title_heading_keeps_its_text_as_a_paragraph(self):
        self.assertCleans(
            "<h1>Title</h1><p>x</p>",
            "<p>Title</p><p>x</p>",
            "removed <h1> (kept its text as a paragraph)",
        )

    def test_a_link_without_its_scheme_gets_https(self):
        self.assertCleans(
            '<p><a href="www.esa.int">ESA</a></p>',
            '<p><a href="https://www.esa.int">ESA</a></p>',
            "link “www.esa.int” became https://www.esa.int",
        )

    def test_an_unclosed_tag_ends_with_its_paragraph_not_the_body(self):
        self.assertCleans(
            "<p><strong>bold</p><p>rest</p><ul><li><em>a</li><li>b</li></ul>",
            "<p><strong>bold</strong></p><p>rest</p><ul><li><em>a</em></li><li>b</li></ul>",
            "closed an unclosed <strong> where its paragraph ends",
            "closed an unclosed <em> where its paragraph ends",
        )

    def test_balanced_markup_is_left_as_it_is(self):
        html = '<strong><p>a</p></strong><p>x &amp; y&nbsp;<a href="/x">z</a></p>'
        self.assertCleans(html, html)

    def test_disallowed_attributes_classes_tags_and_schemes_are_named(self):
        self.assertCleans(
            '<p style="color:red" class="evil">a</p><font>f</font>'
            '<p><a href="javascript:x()">x</a></p><!-- note --><script>bad()</script>',
            "<p>a</p>f<p><a>x</a></p>",
            "removed the style attribute of <p>",
            "removed the class “evil” of <p>",
            "removed <font> (kept its text)",
            "removed a link address starting with “javascript:” (not allowed)",
            "removed an HTML comment",
            "removed <script> and its content",
        )

    def test_repeats_are_counted(self):
        _, changes = clean_html_with_changes("<font>a</font><font>b</font>")
        self.assertEqual(changes, ["removed <font> (kept its text) (2×)"])

    def test_clean_html_is_silent_and_idempotent(self):
        dirty = '<h1>T</h1><p><a href="www.esa.int" target="_blank">x</a></p>'
        once = clean_html(dirty)
        self.assertEqual(clean_html(once), once)
        self.assertEqual(clean_html_with_changes(once)[1], [])

    def test_line_endings_are_normalised(self):
        self.assertEqual(clean_html("<p>a\r\nb</p>\r\n<p>c</p>"), "<p>a\nb</p>\n<p>c</p>")

    def test_fix_link_leaves_real_addresses_alone(self):
        for href in ("/fr/press-releases/x", "#top", "report.pdf", "https://x.org", "mailto:a@b.c"):
            with self.subTest(href):
                self.assertEqual(fix_link(href), href)
        self.assertEqual(fix_link("esa.int/news"), "https://esa.int/news")
        self.assertEqual(fix_link("press@example.org"), "mailto:press@example.org")


class AdminSaveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser("chief", "c@example.com")
        cls.release = make_release("Mission", languages=("en", "fr"), body_en="<p>Stored\ntext</p>")

    def setUp(self):
        self.client.force_login(self.admin)
        self.url = f"/admin/press/pressrelease/{self.release.pk}/change/"

    def post(self, **changes):
        data = form_data(self.client.get(self.url).content)
        data.update(changes)
        return self.client.post(self.url, data, follow=True)

    def test_the_saved_page_names_what_cleaning_changed_per_language(self):
        response = self.post(
            body_fr="<h1>Titre</h1><p>texte</p>",
            body_en='<p><a href="www.esa.int">ESA</a></p>',
            _continue="1",
        )
        messages = [str(m) for m in response.context["messages"]]
        self.assertIn("French body: removed <h1> (kept its text as a paragraph).", messages)
        self.assertIn("English body: link “www.esa.int” became https://www.esa.int.", messages)
        self.release.refresh_from_db()
        self.assertEqual(self.release.body_en, '<p><a href="https://www.esa.int">ESA</a></p>')

    def test_resaving_an_untouched_release_logs_no_body_change(self):
        data = form_data(self.client.get(self.url).content)
        self.assertIn("\r\n", data["body_en"], "the browser sends CRLF")
        self.client.post(self.url, data)
        entry = LogEntry.objects.get(object_id=str(self.release.pk))
        self.assertNotIn("Body", entry.get_change_message())
        self.assertEqual(entry.get_change_message(), "No fields changed.")
        self.assertEqual(PressRelease.objects.get().body_en, "<p>Stored\ntext</p>")

    def test_a_real_edit_is_logged(self):
        self.post(body_en="<p>New text</p>")
        entry = LogEntry.objects.get(object_id=str(self.release.pk))
        self.assertIn("Body [en]", entry.get_change_message())

    def test_the_body_help_speaks_to_a_press_officer(self):
        page = self.client.get(self.url).content.decode()
        self.assertNotIn("HTML; cleaned on save", page)
        self.assertIn("Text pasted from Word or a web page keeps its headings", page)


# Fragments a writer or an old page could combine in any order, balanced or not.
FRAGMENTS = st.sampled_from(
    [
        "<p>", "</p>", "<strong>", "</strong>", "<em>", "</em>", "<b>", "</i>", "<ul>", "</ul>",
        "<li>", "</li>", "<h1>", "</h1>", "<h2>", "</h2>", "<blockquote>", "</blockquote>",
        '<a href="www.esa.int">', '<a href="javascript:x()">', "</a>", "<div>", "</div>",
        "text", "&amp;", "&nbsp;", "<!--c-->", "<script>x()</script>", "\r\n", "<br>",
        '<p class="text-align-center" style="color:red">',
    ]
)  # fmt: skip


class CleaningPropertyTests(SimpleTestCase):
    @settings(max_examples=300, deadline=None)
    @given(st.lists(FRAGMENTS, max_size=25).map("".join))
    @example('<h2><a href="www.esa.int"><h2><a href="www.esa.int">')  # once not idempotent
    def test_cleaning_is_idempotent_safe_and_never_fails(self, html):
        cleaned, changes = clean_html_with_changes(html)
        self.assertEqual(clean_html(cleaned), cleaned)
        self.assertEqual(clean_html_with_changes(cleaned)[1], [])
        for unsafe in ("<script", "javascript:", "style=", "\r", "<h1"):
            self.assertNotIn(unsafe, cleaned)
