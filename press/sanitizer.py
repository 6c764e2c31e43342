"""The one place where HTML from editors or imports is cleaned before it is stored.

Templates mark release bodies safe only because every write goes through
``clean_html``; swap bleach here and nothing else changes. What is allowed is
declared once, in ``press.rich_text``, which also configures the editor.
``clean_html_with_changes`` says what cleaning changed, so the admin can tell
the writer (cleaning is never silent).
"""

import re
from collections import Counter
from functools import partial
from html.parser import HTMLParser
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter

from . import rich_text

ALLOWED_TAGS = rich_text.allowed_tags()
ALLOWED_ATTRIBUTES = rich_text.allowed_attributes()
ALLOWED_CLASSES = rich_text.allowed_classes()
ALLOWED_PROTOCOLS = frozenset(rich_text.LINK_PROTOCOLS)
LINK_TARGETS = {"_blank", "_self"}
LINK_RELS = {"noopener", "noreferrer", "nofollow"}

# Headings the public page does not use: their text is kept as a paragraph.
_DEMOTED_HEADINGS = re.compile(r"<(/?)(h1|h5|h6)\b[^>]*>", re.IGNORECASE)
# bleach strips the tags of these elements but would keep their text content;
# a script's source or a style sheet is never meant to be read as prose.
_DROPPED_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "noscript", "template")
_DROP_WITH_CONTENT = re.compile(
    rf"<({'|'.join(_DROPPED_WITH_CONTENT)}|svg|math)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
# "www.esa.int" or "esa.int/news": a host name typed without its scheme.
_BARE_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.([a-z]{2,24})(:\d+)?([/?#]|$)", re.I)
# ...but "report.pdf" or "index.html" is a relative file name, not a host.
_FILE_SUFFIXES = {
    "htm", "html", "php", "asp", "aspx", "jsp", "pdf", "doc", "docx", "xls", "xlsx", "ppt",
    "pptx", "zip", "jpg", "jpeg", "png", "gif", "svg", "webp", "avif", "mp4", "txt", "csv",
}  # fmt: skip
_VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "source", "col", "area", "base"}
# End tags HTML lets a writer leave out: not worth a warning.
_OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option"}


def _allow_attribute(tag, name, value):
    if name == "class":
        return all(token in ALLOWED_CLASSES for token in value.split())
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    if tag == "a" and name == "target":
        return value in LINK_TARGETS
    if tag == "a" and name == "rel":
        return set(value.split()) <= LINK_RELS
    return True


def fix_link(href):
    """``www.esa.int`` -> ``https://www.esa.int``; any other address is returned as is."""
    href = href.strip()
    if not href or href.startswith(("/", "#", "?", ".")) or ":" in href.split("/")[0]:
        return href
    match = _BARE_HOST.match(href)
    if match and match.group(2).lower() not in _FILE_SUFFIXES:
        return f"https://{href}"
    if re.fullmatch(r"[^@\s/]+@[^@\s/]+\.[a-z]{2,24}", href, re.I):
        return f"mailto:{href}"
    return href


class _LinkFilter(Filter):
    """Give scheme-less host names their https:// (and report it)."""

    def __init__(self, source, changes):
        super().__init__(source)
        self.changes = changes

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                href = token["data"].get((None, "href"))
                if href is not None:
                    fixed = fix_link(href)
                    if fixed != href:
                        token["data"][(None, "href")] = fixed
                        self.changes.append(f"link “{href}” became {fixed}")
            yield token


class _ImageFilter(Filter):
    """Drop images left without a source; give the others an alt (empty: decorative)."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in {"StartTag", "EmptyTag"} and token["name"] == "img":
                if (None, "src") not in token["data"]:
                    continue
                token["data"].setdefault((None, "alt"), "")
            yield token


def clean_html(html):
    """Return ``html`` reduced to the tags, attributes and URL schemes the site allows."""
    return _clean(html, [])


def clean_html_with_changes(html):
    """``(cleaned, changes)``: the cleaned HTML and, in words, what cleaning changed."""
    changes = []
    cleaned = _clean(html, changes)
    found = _Inventory.of(normalize_newlines(html or ""))
    return cleaned, _describe(found) + changes


def normalize_newlines(text):
    # Browsers submit textareas with CRLF; stored text uses LF, so an untouched body
    # compares equal to what is stored.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean(html, changes):
    if not html:
        return ""
    html = normalize_newlines(html)
    html = _close_formatting_per_block(html)
    html = _DROP_WITH_CONTENT.sub("", html)
    html = _DEMOTED_HEADINGS.sub(r"<\1p>", html)
    cleaned = _bleach(html, changes)
    # Badly nested input (a heading inside a heading) can come out as markup that parses
    # differently the next time; clean again until it is stable, so a re-save changes nothing.
    for _ in range(3):
        again = _bleach(cleaned, [])
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def _bleach(html, changes):
    cleaner = bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allow_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[_ImageFilter, partial(_LinkFilter, changes=changes)],
    )
    cleaned = cleaner.clean(html)
    # target="_blank" links must not hand the opener to the new page.
    return re.sub(r'<a ([^>]*target="_blank"[^>]*)>', _add_noopener, cleaned)


def _add_noopener(match):
    attrs = match.group(1)
    if "rel=" in attrs:
        return match.group(0)
    return f'<a {attrs} rel="noopener noreferrer">'


# Formatting the HTML parser would carry into every following block when left open.
_FORMATTING = {"strong", "b", "em", "i", "u"}
_BLOCKS = {
    "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div",
    "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def _verbatim(template):
    """A parser handler writing its text back in the markup ``template`` it was read from."""

    def handler(self, text):
        self.out.append(template.format(text))

    return handler


class _FormattingCloser(HTMLParser):
    """Rewrite ``<p><strong>a</p><p>b</p>`` as ``<p><strong>a</strong></p><p>b</p>``.

    HTML's parser reopens an unclosed <strong> in every following paragraph, so one
    forgotten end tag would make the rest of the body bold. Formatting opened inside a
    block is closed where that block ends instead. Everything else is copied verbatim.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.blocks = []  # open blocks, each with the formatting opened inside it
        self.outside = []  # formatting opened outside any block
        self.closed = 0

    @classmethod
    def rewrite(cls, html):
        closer = cls()
        closer.feed(html)
        closer.close()
        return "".join(closer.out) if closer.closed else html

    def _formatting(self):
        return self.blocks[-1][1] if self.blocks else self.outside

    def _close_block(self, index):
        for _tag, formatting in reversed(self.blocks[index:]):
            for tag in reversed(formatting):
                self.out.append(f"</{tag}>")
                self.closed += 1
        del self.blocks[index:]

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self.blocks and self.blocks[-1][0] == "p":
            self._close_block(len(self.blocks) - 1)  # a new paragraph ends the open one
        self.out.append(self.get_starttag_text())
        if tag in _BLOCKS:
            self.blocks.append((tag, []))
        elif tag in _FORMATTING:
            self._formatting().append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            names = [name for name, _ in self.blocks]
            if tag in names:
                self._close_block(len(names) - 1 - names[::-1].index(tag))
        elif tag in _FORMATTING and tag in self._formatting():
            formatting = self._formatting()
            formatting.reverse()
            formatting.remove(tag)
            formatting.reverse()
        self.out.append(f"</{tag}>")

    # Everything but tags is copied back as it was written.
    handle_data = _verbatim("{}")
    handle_entityref = _verbatim("&{};")
    handle_charref = _verbatim("&#{};")
    handle_comment = _verbatim("<!--{}-->")
    handle_decl = _verbatim("<!{}>")
    unknown_decl = _verbatim("<![{}]>")
    handle_pi = _verbatim("<?{}>")


def _close_formatting_per_block(html):
    return _FormattingCloser.rewrite(html)


class _Inventory(HTMLParser):
    """What the submitted HTML holds that cleaning will remove or repair."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = Counter()
        self.open = []
        self.skipping = 0

    @classmethod
    def of(cls, html):
        inventory = cls()
        inventory.feed(html)
        inventory.close()
        for tag in inventory.open:
            if tag not in _OPTIONAL_END:
                inventory.found[("unclosed", tag)] += 1
        return inventory.found

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_WITH_CONTENT or tag in {"svg", "math"}:
            self.found[("dropped", tag)] += 1
            return
        if tag in {"h1", "h5", "h6"}:
            self.found[("demoted", tag)] += 1
            tag = "p"
        elif tag not in ALLOWED_TAGS:
            self.found[("removed", tag)] += 1
        else:
            self._check_attributes(tag, dict(attrs))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        tag = "p" if tag in {"h1", "h5", "h6"} else tag
        if tag in self.open:
            # Everything opened after it is closed implicitly by the parser.
            index = len(self.open) - 1 - self.open[::-1].index(tag)
            for inner in self.open[index + 1 :]:
                if inner not in _OPTIONAL_END:
                    self.found[("unclosed", inner)] += 1
            del self.open[index:]

    def handle_comment(self, data):
        self.found[("comment", "")] += 1

    def _check_attributes(self, tag, attrs):
        if tag == "img" and not attrs.get("src"):
            self.found[("no-src", "img")] += 1
        for name, value in attrs.items():
            value = value or ""
            if name == "href" and tag == "a":
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in ALLOWED_PROTOCOLS:
                    self.found[("scheme", f"{scheme}:")] += 1
            elif name == "class":
                for token in value.split():
                    if token not in ALLOWED_CLASSES:
                        self.found[("class", f"{token}\x00{tag}")] += 1
            elif not _allow_attribute(tag, name, value):
                self.found[("attribute", f"{name}\x00{tag}")] += 1


def _describe(found):
    sentences = []
    for (kind, what), count in found.items():
        times = f" ({count}×)" if count > 1 else ""
        name, _, tag = what.partition("\x00")
        sentence = {
            "dropped": f"removed <{what}> and its content",
            "demoted": f"removed <{what}> (kept its text as a paragraph)",
            "removed": f"removed <{what}> (kept its text)",
            "unclosed": f"closed an unclosed <{what}> where its paragraph ends",
            "comment": "removed an HTML comment",
            "no-src": "removed an image without a source",
            "scheme": f"removed a link address starting with “{what}” (not allowed)",
            "class": f"removed the class “{name}” of <{tag}>",
            "attribute": f"removed the {name} attribute of <{tag}>",
        }[kind]
        sentences.append(sentence + times)
    return sentences


def strip_tags(html):
    """Plain text of ``html`` (for descriptions, feeds and search)."""
    return bleach.clean(html or "", tags=set(), strip=True).strip()
