"""The one place where HTML from editors or imports is cleaned before it is stored.

Templates mark release bodies safe only because every write goes through
``clean_html``; swap bleach here and nothing else changes.
"""

import re

import bleach
from bleach.html5lib_shim import Filter

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "a",
        "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "img", "div", "span",
        "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip

ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

# Classes the old bodies use for layout; anything else is dropped.
ALLOWED_CLASS = re.compile(
    r"^(text-align-(left|right|center|justify)|thales-brick-image|asset__image__description)$"
)


def _allow_attribute(tag, name, value):
    if name == "class":
        return all(ALLOWED_CLASS.match(token) for token in value.split())
    if tag == "a":
        if name == "target":
            return value in {"_blank", "_self"}
        return name in {"href", "title"}
    if tag == "img":
        return name in {"src", "alt", "width", "height"}
    if tag in {"th", "td"}:
        return name in {"colspan", "rowspan", "scope"}
    if tag in {"p", "div", "span"}:
        return name == "aria-hidden"
    return False


class _ImageFilter(Filter):
    """Drop images left without a source; give the others an alt (empty: decorative)."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in {"StartTag", "EmptyTag"} and token["name"] == "img":
                if (None, "src") not in token["data"]:
                    continue
                token["data"].setdefault((None, "alt"), "")
            yield token


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allow_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_ImageFilter],
)

# bleach strips the tags of these elements but would keep their text content;
# a script's source or a style sheet is never meant to be read as prose.
_DROP_WITH_CONTENT = re.compile(
    r"<(script|style|iframe|object|embed|noscript|template|svg|math)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)


def clean_html(html):
    """Return ``html`` reduced to the tags, attributes and URL schemes the site allows."""
    if not html:
        return ""
    html = _DROP_WITH_CONTENT.sub("", html)
    cleaned = _cleaner.clean(html)
    # target="_blank" links must not hand the opener to the new page.
    return re.sub(r'<a ([^>]*target="_blank"[^>]*)>', _add_noopener, cleaned)


def _add_noopener(match):
    attrs = match.group(1)
    if "rel=" in attrs:
        return match.group(0)
    return f'<a {attrs} rel="noopener noreferrer">'


def strip_tags(html):
    """Plain text of ``html`` (for descriptions, feeds and search)."""
    return bleach.clean(html or "", tags=set(), strip=True).strip()
