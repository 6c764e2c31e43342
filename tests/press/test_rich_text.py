"""One allow-list configures the editor and the sanitiser: what the editor writes is kept."""

import base64
import hashlib
import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import SimpleTestCase

from press import rich_text
from press.admin_forms import RichTextWidget, editor_can_keep
from press.sanitizer import ALLOWED_TAGS, clean_html, clean_html_with_changes


class AllowListRoundTripTests(SimpleTestCase):
    def test_every_toolbar_feature_survives_cleaning_unchanged(self):
        for feature in rich_text.FEATURES:
            with self.subTest(feature.label):
                self.assertTrue(feature.example, "each feature shows the HTML it writes")
                self.assertEqual(clean_html(feature.example), feature.example)
                self.assertEqual(clean_html_with_changes(feature.example)[1], [])

    def test_every_tag_a_feature_writes_is_in_its_example_and_allowed(self):
        for feature in rich_text.FEATURES:
            for tag in feature.tags:
                with self.subTest(feature.label, tag=tag):
                    self.assertIn(f"<{tag}", feature.example)
                    self.assertIn(tag, ALLOWED_TAGS)

    def test_the_editor_is_configured_from_the_same_features(self):
        extensions = rich_text.editor_extensions()
        for feature in rich_text.FEATURES:
            self.assertEqual(extensions[feature.extension], feature.config)
        self.assertEqual(extensions["Heading"], {"levels": [2, 3, 4]})
        self.assertEqual(extensions["Link"]["protocols"], ["http", "https", "mailto", "tel"])

    def test_the_widget_carries_its_configuration_in_a_data_attribute(self):
        html = RichTextWidget().render("body_en", "<p>x</p>", attrs={"id": "id_body_en"})
        raw = re.search(r'data-django-prose-editor-configurable="([^"]*)"', html).group(1)
        config = json.loads(raw.replace("&quot;", '"'))
        self.assertEqual(set(config["extensions"]) >= {"Bold", "Italic", "Link"}, True)
        self.assertIn("/static/js/admin/paste_cleanup.js", config["js_modules"])
        self.assertNotIn("<script>", html)

    def test_imported_markup_the_editor_cannot_hold_is_kept_by_the_sanitiser(self):
        imported = (
            '<div class="thales-brick-image"><img src="/media/a.jpg" alt="">'
            '<div class="asset__image__description">ESA</div></div>'
        )
        self.assertEqual(clean_html(imported), imported)
        self.assertFalse(editor_can_keep(imported))

    def test_bodies_the_editor_can_hold(self):
        self.assertTrue(editor_can_keep(""))
        self.assertTrue(editor_can_keep('<p class="text-align-center"><b>Bold</b> <i>it</i></p>'))
        self.assertTrue(editor_can_keep("".join(f.example for f in rich_text.FEATURES)))
        self.assertFalse(editor_can_keep('<p aria-hidden="true">&nbsp;</p>'))
        self.assertFalse(editor_can_keep("<table><tr><td>1</td></tr></table>"))

    def test_the_csp_hash_matches_the_style_the_installed_editor_injects(self):
        source = Path(finders.find("django_prose_editor/editor.js")).read_text(encoding="utf-8")
        # Tiptap's base style sheet, injected once as a <style> element.
        css = re.search(r"=`(\.ProseMirror \{\n  position: relative;.*?)`", source, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        self.assertEqual(rich_text.EDITOR_STYLE_HASH, f"'sha256-{digest}'")
