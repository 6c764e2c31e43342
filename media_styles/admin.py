from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Image


class SourceImageFormField(forms.FileField):
    """A plain file field: the model's validator explains what is wrong with a file
    (SVG, too large, too small, truncated) instead of forms.ImageField's one
    generic "not a valid image"."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"})


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "width", "height", "variant_count", "created_at"]
    search_fields = ["title", "original_name", "alt"]
    readonly_fields = ["width", "height", "variant_links"]
    formfield_overrides = {models.ImageField: {"form_class": SourceImageFormField}}

    @admin.display(description="variants")
    def variant_count(self, obj):
        return len(obj.variants)

    @admin.display(description="generated sizes")
    def variant_links(self, obj):
        if not obj.variants:
            return "Generated when you save."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> {}×{}</li>',
                ((v["webp"], name, v["width"], v["height"]) for name, v in obj.variants.items()),
            ),
        )
