from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Image


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "width", "height", "created_at"]
    search_fields = ["title", "original_name", "alt"]
    readonly_fields = ["width", "height"]
