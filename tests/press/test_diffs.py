"""Word-level differences of texts and HTML bodies: marks, blocks, escaping."""

from django.test import SimpleTestCase

from press.diffs import html_text, only_markup_changed, word_diff


class WordDiffTests(SimpleTestCase):
    def test_inserted_and_removed_words_are_marked(self):
        self.assertEqual(
            word_diff("The launch is on Monday.", "The launch is on Tuesday at noon."),
            "<p>The launch is on <del>Monday</del><ins>Tuesday at noon</ins>.</p>",
        )

    def test_spaces_around_a_change_stay_outside_the_marks(self):
        self.assertEqual(word_diff("a b c", "a c"), "<p>a <del>b</del> c</p>")
        self.assertEqual(word_diff("a c", "a b c"), "<p>a <ins>b</ins> c</p>")

    def test_same_text_has_no_marks(self):
        self.assertEqual(word_diff("Same\r\nwords", "Same\nwords"), "<p>Same</p><p>words</p>")

    def test_bodies_are_compared_by_their_text_block_by_block(self):
        old = "<h2>Title</h2><p>First <strong>bold</strong> paragraph.</p><ul><li>one</li></ul>"
        new = "<h2>Title</h2><p>First paragraph.</p><ul><li>one</li><li>two</li></ul>"
        self.assertEqual(
            word_diff(old, new, html=True),
            "<p>Title</p><p>First <del>bold</del> paragraph.</p><p>one</p><p><ins>two</ins></p>",
        )

    def test_everything_is_escaped(self):
        diff = word_diff("<b>x</b> & y", "<script>alert(1)</script> & y")
        self.assertNotIn("<script", diff)
        self.assertNotIn("<b>", diff)
        self.assertIn("<ins>script</ins>", diff)
        self.assertIn("&lt;", diff)
        body = word_diff("<p>a</p>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>", html=True)
        self.assertNotIn("<img", body)
        self.assertIn("&lt;img", body)

    def test_markup_only_changes_are_recognised(self):
        self.assertTrue(
            only_markup_changed(
                '<p><a href="http://a">x</a></p>', '<p><a href="https://a">x</a></p>'
            )
        )
        self.assertFalse(only_markup_changed("<p>x</p>", "<p>y</p>"))
        self.assertFalse(only_markup_changed("<p>x</p>", "<p>x</p>"))

    def test_images_count_as_text(self):
        text = html_text('<p>Look <img src="a.jpg" alt="Mars"></p>')
        self.assertEqual(text, "Look [image: Mars]")
