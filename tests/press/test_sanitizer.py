from django.test import SimpleTestCase

from press.sanitizer import clean_html, strip_tags

HOSTILE = [
    ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
    ("<SCRIPT SRC=//evil.js></SCRIPT>text", "text"),
    ('<img src="x.jpg" onerror="alert(1)" alt="a">', '<img src="x.jpg" alt="a">'),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
    ('<iframe src="https://evil"></iframe><p>a</p>', "<p>a</p>"),
    ('<p style="color:red" class="evil">a</p>', "<p>a</p>"),
    ('<svg onload="alert(1)"><circle/></svg>b', "b"),
    ("<style>body{display:none}</style>c", "c"),
    ('<object data="x.swf"></object>d', "d"),
    ("<!-- a comment --><p>e</p>", "<p>e</p>"),
    ('<form action="/x"><input name="a"></form>f', "f"),
    # An image without a source shows nothing but its alt text: dropped.
    ('<p>i<img alt="no source"></p>', "<p>i</p>"),
    # An image always carries an alt (empty when the source gave none).
    ('<img src="/media/y.jpg">', '<img src="/media/y.jpg" alt="">'),
]


class SanitizerTests(SimpleTestCase):
    def test_hostile_markup_is_removed(self):
        for dirty, clean in HOSTILE:
            with self.subTest(dirty):
                self.assertEqual(clean_html(dirty), clean)

    def test_markup_the_old_bodies_use_is_kept(self):
        html = (
            '<p class="text-align-center"><strong>Bold</strong> <em>it</em></p>'
            '<div class="thales-brick-image"><img src="https://x/y.jpg" alt="">'
            '<div class="asset__image__description">ESA</div></div>'
            "<h2>T</h2><ul><li>a</li></ul><blockquote>q</blockquote>"
            '<p class="text-align-justify" aria-hidden="true">&nbsp;</p>'
        )
        self.assertEqual(clean_html(html), html)

    def test_links_opening_a_new_tab_get_noopener(self):
        self.assertEqual(
            clean_html('<a href="https://x.org" target="_blank">x</a>'),
            '<a href="https://x.org" target="_blank" rel="noopener noreferrer">x</a>',
        )

    def test_empty_input(self):
        self.assertEqual(clean_html(None), "")
        self.assertEqual(clean_html(""), "")

    def test_strip_tags(self):
        self.assertEqual(strip_tags("<p>Hello <b>world</b></p><script>x</script>"), "Hello worldx")
