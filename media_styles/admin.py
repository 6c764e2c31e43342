from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models
from django.urls import path, reverse
from django.utils.html import format_html
from modeltranslation.admin import TabbedTranslationAdmin

from . import jobs, library
from .models import Image


class SourceImageFormField(forms.FileField):
    """A plain file field: the model's validator explains what is wrong with a file
    (SVG, too large, too small, truncated) instead of forms.ImageField's one
    generic "not a valid image"."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"})


class ImageChooserJsonView(AutocompleteJsonView):
    """Django's autocomplete answer, plus each image's thumbnail and size."""

    def serialize_result(self, obj, to_field_name):
        return {
            **super().serialize_result(obj, to_field_name),
            "thumb": library.thumbnail_url(obj),
            "size": f"{obj.width}×{obj.height}",
        }


class ImageChooser(AutocompleteSelect):
    """The searchable image field of releases and site options, with thumbnails."""

    def get_url(self):
        return reverse(f"{self.admin_site.name}:media_styles_image_chooser")

    @property
    def media(self):
        # After autocomplete.js (listed so the merge keeps that order): select2 and
        # django.jQuery exist, and no chooser has been set up yet (that waits for ready).
        return super().media + forms.Media(
            js=["admin/js/autocomplete.js", "media_styles/chooser.js"],
            css={"screen": ["media_styles/admin.css"]},
        )


class ImageChooserMixin:
    """For ModelAdmins and inlines with a foreign key to Image (list it in
    ``autocomplete_fields`` as well, so Django checks the image admin's search)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Image and "widget" not in kwargs:
            kwargs["widget"] = ImageChooser(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ["thumb", "__str__", "size", "status", "created_at"]
    list_display_links = ["thumb", "__str__"]
    search_fields = ["title", "original_name", "alt"]
    readonly_fields = ["focal_picker", "size", "status", "variant_links"]
    actions = ["generate_again"]
    formfield_overrides = {models.ImageField: {"form_class": SourceImageFormField}}
    fieldsets = [
        (None, {"fields": ["file", "alt", "title"]}),
        ("Focal point", {"fields": ["focal_picker", "focal_x", "focal_y"]}),
        ("Sizes", {"fields": ["size", "status", "variant_links"]}),
    ]

    class Media:
        js = ["media_styles/focal.js"]
        css = {"screen": ["media_styles/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return fieldsets[:1] if obj is None else fieldsets  # nothing to preview before upload

    def get_urls(self):
        view = self.admin_site.admin_view(ImageChooserJsonView.as_view(admin_site=self.admin_site))
        return [path("chooser/", view, name="media_styles_image_chooser"), *super().get_urls()]

    @admin.display(description="picture")
    def thumb(self, obj):
        return library.thumbnail(obj, 64, alt=str(obj))  # the row's header: name it

    @admin.display(description="size")
    def size(self, obj):
        return f"{obj.width}×{obj.height}" if obj.width else "—"

    @admin.display(description="sizes", ordering="variants_status")
    def status(self, obj):
        return library.status_text(obj)

    @admin.display(description="focal point")
    def focal_picker(self, obj):
        return library.focal_picker(obj)

    @admin.display(description="generated sizes")
    def variant_links(self, obj):
        return library.size_links(obj)

    @admin.action(description="Generate again the sizes of the selected images")
    def generate_again(self, request, queryset):
        count = jobs.generate_again(queryset)
        self.message_user(request, f"{count} images queued: their sizes are made again.")

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        image = getattr(request, "_saved_image", None)
        if image is not None and level == messages.SUCCESS:
            # Built before the save commits: the sizes are made after it, so the
            # message points at the status shown on the page rather than guessing.
            sizes = "ready" if image.variants_status == image.DONE else "being made (see Sizes)"
            message = format_html(
                '<span class="image-message">{} {} Its sizes are {}.</span>',
                library.upload_thumbnail(image), message, sizes,
            )  # fmt: skip
        super().message_user(request, message, level, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        request._saved_image = obj
