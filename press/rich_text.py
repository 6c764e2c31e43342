"""What a release body may contain: declared once, read by the editor and by the sanitiser.

``FEATURES`` is the editor's toolbar (django-prose-editor extensions) and, for
each feature, the tags and attributes it writes. ``IMPORTED`` is what bodies
imported from the old site carry on top (images with captions, tables, layout
classes): the sanitiser keeps it, the editor does not offer it. The
sanitiser's allow-list is the union of both, so anything the editor can
write survives cleaning unchanged (tests/press/test_rich_text.py proves it
feature by feature).
"""

from dataclasses import dataclass, field

LINK_PROTOCOLS = ("http", "https", "mailto", "tel")
# Layout classes the public stylesheet styles (static/css/site.css, ``.prose``).
ALIGN_CLASSES = ("text-align-center", "text-align-justify", "text-align-right")


@dataclass(frozen=True)
class Feature:
    """One thing the toolbar offers and the HTML it writes."""

    label: str
    extension: str
    config: object = True
    tags: tuple = ()
    attributes: dict = field(default_factory=dict)
    # What the editor writes for it: must come out of the sanitiser unchanged.
    example: str = ""


FEATURES = (
    Feature("Paragraph", "Paragraph", tags=("p",), example="<p>Text</p>"),
    Feature("Line break (Shift+Enter)", "HardBreak", tags=("br",), example="<p>One<br>two</p>"),
    Feature(
        "Headings 2 to 4",
        "Heading",
        {"levels": [2, 3, 4]},
        tags=("h2", "h3", "h4"),
        example="<h2>Title</h2><h3>Section</h3><h4>Sub-section</h4>",
    ),
    Feature("Bold (Ctrl+B)", "Bold", tags=("strong",), example="<p><strong>bold</strong></p>"),
    Feature("Italic (Ctrl+I)", "Italic", tags=("em",), example="<p><em>italic</em></p>"),
    Feature("Superscript", "Superscript", tags=("sup",), example="<p>m<sup>2</sup></p>"),
    Feature("Subscript", "Subscript", tags=("sub",), example="<p>CO<sub>2</sub></p>"),
    Feature(
        "Link, optionally opening a new tab",
        "Link",
        {
            "protocols": list(LINK_PROTOCOLS),
            "enableTarget": True,
            # No target or rel unless the writer asks for a new tab.
            "HTMLAttributes": {"target": None, "rel": None, "class": None},
            # A typed or pasted "www.esa.int" becomes a link to https://www.esa.int.
            "defaultProtocol": "https",
        },
        tags=("a",),
        attributes={"a": ("href", "title", "target", "rel")},
        example=(
            '<p><a href="https://www.esa.int">ESA</a> '
            '<a href="https://www.esa.int/x" target="_blank" rel="noopener">new tab</a> '
            '<a href="mailto:press@example.org">mail</a> <a href="tel:+33100000000">call</a></p>'
        ),
    ),
    Feature(
        "Bulleted list",
        "BulletList",
        tags=("ul",),
        example="<ul><li><p>one</p></li><li><p>two</p></li></ul>",
    ),
    Feature(
        "Numbered list",
        "OrderedList",
        tags=("ol",),
        example="<ol><li><p>first</p></li><li><p>second</p></li></ol>",
    ),
    Feature("List item", "ListItem", tags=("li",), example="<ul><li><p>item</p></li></ul>"),
    Feature(
        "Quote", "Blockquote", tags=("blockquote",), example="<blockquote><p>Quote</p></blockquote>"
    ),
    Feature(
        "Paragraph alignment (centre, justify, right)",
        "NodeClass",
        {"cssClasses": {"paragraph": list(ALIGN_CLASSES)}},
        attributes={"p": ("class",)},
        example='<p class="text-align-center">Centred</p><p class="text-align-justify">J</p>',
    ),
)

# The editor (Tiptap) injects one fixed <style> element; the change form's CSP allows
# exactly that text by its hash. tests/press/test_rich_text.py recomputes it from the
# installed editor.js, so an upgrade that changes it fails there, not in a browser.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"

# Editor machinery that writes no HTML of its own. PasteCleanup is ours
# (static/js/admin/paste_cleanup.js, declared in settings.DJANGO_PROSE_EDITOR_EXTENSIONS).
EDITOR_ONLY_EXTENSIONS = {"History": True, "Menu": True, "PasteCleanup": True}


def writes_no_html(extension_config, shared_config):
    """django-prose-editor's allow-list hook for extensions that add no tags."""


@dataclass(frozen=True)
class Imported:
    """What bodies from the old site carry beyond the toolbar; kept, not offered."""

    tags: tuple = (
        "b", "i", "u", "img", "div", "span", "figure", "figcaption",
        "table", "thead", "tbody", "tr", "th", "td",
    )  # fmt: skip
    attributes: dict = field(
        default_factory=lambda: {
            "img": ("src", "alt", "width", "height"),
            "th": ("colspan", "rowspan", "scope"),
            "td": ("colspan", "rowspan", "scope"),
            "p": ("aria-hidden",),
            "div": ("aria-hidden",),
            "span": ("aria-hidden",),
        }
    )
    # Allowed on any tag, as the old bodies use them.
    classes: tuple = (
        "text-align-left",
        *ALIGN_CLASSES,
        "thales-brick-image",
        "asset__image__description",
    )


IMPORTED = Imported()


def editor_extensions():
    """django-prose-editor's ``extensions`` configuration for the body field."""
    return {f.extension: f.config for f in FEATURES} | EDITOR_ONLY_EXTENSIONS


def editor_tags():
    return frozenset(tag for f in FEATURES for tag in f.tags)


def editor_attributes():
    """``{tag: {attribute, ...}}`` the editor writes."""
    allowed = {}
    for feature in FEATURES:
        for tag, names in feature.attributes.items():
            allowed.setdefault(tag, set()).update(names)
    return allowed


def allowed_tags():
    """Every tag the sanitiser keeps: the editor's and the imported bodies'."""
    return editor_tags() | frozenset(IMPORTED.tags)


def allowed_attributes():
    allowed = editor_attributes()
    for tag, names in IMPORTED.attributes.items():
        allowed.setdefault(tag, set()).update(names)
    return allowed


def allowed_classes():
    return frozenset(ALIGN_CLASSES) | frozenset(IMPORTED.classes)
