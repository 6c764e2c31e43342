from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import FooterImage, Label, Menu, MenuItem, SiteOptions


class MenuItemInline(TranslationTabularInline):
    model = MenuItem
    fields = ["name", "url", "description", "parent", "target", "nolink", "weight"]
    extra = 0
    ordering = ["parent__weight", "weight"]


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    inlines = [MenuItemInline]


@admin.register(MenuItem)
class MenuItemAdmin(TabbedTranslationAdmin):
    list_display = ["name", "menu", "parent", "url", "weight", "nolink"]
    list_filter = ["menu"]
    list_editable = ["weight"]
    search_fields = ["name_en", "name_fr", "name_it", "url_en"]
    ordering = ["menu", "weight"]


@admin.register(Label)
class LabelAdmin(TabbedTranslationAdmin):
    list_display = ["key", "value"]
    search_fields = ["key", "value_en", "value_it", "value_fr", "value_es"]


class FooterImageInline(admin.TabularInline):
    model = FooterImage
    extra = 0
    autocomplete_fields = ["image"]


@admin.register(SiteOptions)
class SiteOptionsAdmin(TabbedTranslationAdmin):
    inlines = [FooterImageInline]

    def has_add_permission(self, request):
        return not SiteOptions.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
