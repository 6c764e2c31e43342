from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Activity, PressRelease


@admin.register(Activity)
class ActivityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "colour", "weight"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(PressRelease)
class PressReleaseAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "date", "activity", "status", "publish_at", "language_list"]
    list_filter = ["status", "activity", "date"]
    search_fields = ["title_en", "title_it", "title_fr", "title_es", "slug_en", "slug_fr"]
    date_hierarchy = "date"
    list_select_related = ["activity"]
    autocomplete_fields = ["image"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {f"slug_{code}": [f"title_{code}"] for code in ("en", "it", "fr", "es")}
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "body"]}),
        ("Facts", {"fields": ["date", "activity", "country"]}),
        ("Media", {"fields": ["image", "image_caption", "video_url", "download"]}),
        ("Publishing", {"fields": ["status", "publish_at", "noindex"]}),
    ]

    @admin.display(description="languages")
    def language_list(self, obj):
        return ", ".join(obj.languages())
