"""Word-level differences between two texts or two HTML bodies, marked with <ins> and <del>.

Bodies are compared by their text, block by block (paragraphs, headings, list
items), because a press officer reads words, not tags. Everything is escaped:
the output holds no markup but ``<p>``, ``<ins>`` and ``<del>``.
"""

import difflib
import re
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import mark_safe

BREAK = "\n"  # a block boundary in the token stream
BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure",
    "figcaption", "tr", "table", "ul", "ol", "br",
}  # fmt: skip
WORDS = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]", re.UNICODE)


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(BREAK)
        if tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f" [image{': ' + alt if alt else ''}] ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))


def html_text(html):
    """The readable text of ``html``: one line per block, spaces collapsed."""
    parser = _TextOfHtml()
    parser.feed(html or "")
    parser.close()
    lines = (re.sub(r" +", " ", line).strip() for line in "".join(parser.parts).split(BREAK))
    return BREAK.join(line for line in lines if line)


def tokens(text):
    return WORDS.findall(text.replace("\r\n", "\n"))


def word_diff(old, new, *, html=False):
    """``new`` against ``old`` as safe HTML: <p> per line, <ins>/<del> around changed words."""
    if html:
        old, new = html_text(old), html_text(new)
    before, after = tokens(old or ""), tokens(new or "")
    marked = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += [(None, token) for token in after[j1:j2]]
            continue
        if op in ("delete", "replace"):
            marked += _run("del", before[i1:i2])
        if op in ("insert", "replace"):
            marked += _run("ins", after[j1:j2])
    # Safe: _render escapes every token and adds only <p>, <ins> and <del>.
    return mark_safe(_render(marked))  # noqa: S308  # nosec B308 B703


def _run(mark, run):
    """A changed run, its edge spaces left unmarked: "a <del>b</del> c", not "a <del>b </del>c"."""
    start, end = 0, len(run)
    while start < end and run[start].isspace() and run[start] != BREAK:
        start += 1
    while end > start and run[end - 1].isspace() and run[end - 1] != BREAK:
        end -= 1
    return (
        [(None, token) for token in run[:start]]
        + [(mark, token) for token in run[start:end]]
        + [(None, token) for token in run[end:]]
    )


def _render(marked):
    out, open_mark = ["<p>"], None
    for mark, token in marked:
        if token == BREAK:
            if open_mark:
                out.append(f"</{open_mark}>")
                open_mark = None
            out.append("</p><p>")
            continue
        if mark != open_mark:
            if open_mark:
                out.append(f"</{open_mark}>")
            if mark:
                out.append(f"<{mark}>")
            open_mark = mark
        out.append(escape(token))
    if open_mark:
        out.append(f"</{open_mark}>")
    out.append("</p>")
    return re.sub(r"<p>(\s*)</p>", "", "".join(out))


def only_markup_changed(old, new):
    """The bodies differ but their text does not (a link, bold, a heading level...)."""
    return (old or "") != (new or "") and html_text(old) == html_text(new)
