"""The release change form: a rich-text editor per language, and cleaning the writer is told about.

The body stays a ``TextField`` holding HTML (no migration, stored bodies are
untouched); only its admin field changes. Each language's body is cleaned by
``press.sanitizer`` when the form is validated, and what cleaning changed is
kept on the form (``cleaning_messages``) for the admin to show after the save.
"""

from html.parser import HTMLParser

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django_prose_editor.widgets import AdminProseEditorWidget

from . import rich_text
from .models import localized
from .sanitizer import clean_html_with_changes, normalize_newlines

BODY_HELP = (
    "Use the toolbar for headings, bold, italic, lists, quotes and links "
    "(Ctrl+B bold, Ctrl+I italic, Shift+Enter line break). Text pasted from Word "
    "or a web page keeps its headings, bold, italic, lists and links; other "
    "formatting is dropped."
)
SOURCE_HELP = (
    "This text came from the old site with layout the editor cannot keep "
    "(images with captions, tables…), so it is shown as HTML: edit it here and "
    "nothing is lost. Tags the site does not allow are removed on save, and you "
    "are told which."
)


class RichTextWidget(AdminProseEditorWidget):
    """The editor, configured from ``press.rich_text`` (toolbar = allow-list)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs=attrs,
            config={"extensions": rich_text.editor_extensions()},
            preset="configurable",
        )


class SourceTextarea(forms.Textarea):
    """The HTML itself, for bodies the editor would damage (see ``editor_can_keep``)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={**(attrs or {}), "rows": 20, "spellcheck": "false"})


class RichTextField(forms.CharField):
    """A body: newlines normalised, so an untouched body never counts as changed."""

    def __init__(self, *, max_length=None, **kwargs):
        kwargs.setdefault("widget", RichTextWidget)
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalize_newlines(super().to_python(value))

    def has_changed(self, initial, data):
        return normalize_newlines(initial or "") != self.to_python(data)


class _EditorSchema(HTMLParser):
    """Whether every tag, attribute and class of a body has a place in the editor."""

    # The editor reads these as their modern twins (bold, italic): nothing is lost.
    ALIASES = {"b": "strong", "i": "em"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fits = True
        self.tags = rich_text.editor_tags()
        self.attributes = rich_text.editor_attributes()

    def handle_starttag(self, tag, attrs):
        tag = self.ALIASES.get(tag, tag)
        if tag not in self.tags:
            self.fits = False
            return
        for name, value in attrs:
            if name == "class":
                if tag != "p" or (value or "") not in rich_text.ALIGN_CLASSES:
                    self.fits = False
            elif name not in self.attributes.get(tag, ()):
                self.fits = False


def editor_can_keep(html):
    schema = _EditorSchema()
    schema.feed(html or "")
    schema.close()
    return schema.fits


class PressReleaseAdminForm(forms.ModelForm):
    """The admin adds the model and fields (``ModelAdmin.get_form``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cleaning_changes = {}
        for code, _ in settings.LANGUAGES:
            name = localized("body", code)
            field = self.fields.get(name)
            if field is None or field.disabled:
                continue
            field.help_text = BODY_HELP
            if not editor_can_keep(self.initial.get(name)):
                field.widget = SourceTextarea(attrs=field.widget.attrs)
                field.help_text = SOURCE_HELP

    def clean(self):
        cleaned_data = super().clean()
        for code, _ in settings.LANGUAGES:
            name = localized("body", code)
            if cleaned_data.get(name):
                cleaned_data[name], changes = clean_html_with_changes(cleaned_data[name])
                if changes:
                    self.cleaning_changes[code] = changes
        return cleaned_data

    def cleaning_messages(self):
        """One sentence per language whose body cleaning changed, for the writer."""
        return [
            f"{get_language_info(code)['name']} body: {'; '.join(changes)}."
            for code, changes in self.cleaning_changes.items()
        ]
