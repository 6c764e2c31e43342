from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from media_styles.admin import ImageChooserMixin

from .completeness import board
from .models import FooterImage, Label, Menu, MenuItem, SiteOptions


class MenuItemInline(TranslationTabularInline):
    model = MenuItem
    fields = ["name", "url", "parent", "target", "nolink", "weight"]
    extra = 0
    show_change_link = True  # descriptions and the old site's id are on the item's own page
    ordering = ["parent__weight", "weight", "id"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "parent":
            # Add/edit/view buttons beside the parent of every row cost the table its width;
            # parents are edited in the same table.
            widget = formfield.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A parent is a top-level item of the same menu: keeps the choice list short
        # and the tree two levels deep, as on the old site.
        if db_field.name == "parent":
            menu_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = MenuItem.objects.filter(
                Q(menu_id=menu_id) if menu_id else Q(pk__in=[]), parent=None
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    inlines = [MenuItemInline]
    list_display = ["__str__", "slug"]
    # Menus have no translated fields of their own; their items get language tabs.
    Media = TabbedTranslationAdmin.Media


@admin.register(MenuItem)
class MenuItemAdmin(TabbedTranslationAdmin):
    list_display = ["tree_name", "menu", "url", "weight", "nolink"]
    list_filter = ["menu"]
    list_editable = ["weight"]
    list_select_related = ["menu", "parent"]
    search_fields = ["name_en", "name_fr", "name_it", "url_en", "legacy_id"]
    ordering = ["menu", "parent__weight", "weight", "id"]
    # Written by the importer to find the item again on re-import; editing it would
    # make the next import create a duplicate.
    readonly_fields = ["legacy_id"]

    @admin.display(description="name", ordering="name")
    def tree_name(self, obj):
        return f"— {obj}" if obj.parent_id else str(obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = MenuItem.objects.filter(parent=None).select_related("menu")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Label)
class LabelAdmin(TabbedTranslationAdmin):
    list_display = ["english_text", "key"]
    list_display_links = ["english_text"]
    ordering = ["value_en", "key"]
    search_fields = ["key", "value_en", "value_it", "value_fr", "value_es"]
    search_help_text = "Part of the key, or of the text in any language."
    change_list_template = "admin/navigation/label/change_list.html"

    @admin.display(description="English text", ordering="value_en")
    def english_text(self, obj):
        return obj.value_en or f"({obj.key})"

    def get_urls(self):
        board_view = self.admin_site.admin_view(self.completeness_view)
        return [
            path("completeness/", board_view, name="navigation_completeness"),
            *super().get_urls(),
        ]

    def completeness_view(self, request):
        """Releases, labels and menu items lacking a translation, per language."""
        include_inactive = request.GET.get("inactive") == "1"
        context = {
            **self.admin_site.each_context(request),
            "title": "Translation completeness",
            "board": [
                (code, name, active, kinds, sum(gaps.count for gaps in kinds.values()))
                for code, name, active, kinds in board(include_inactive)
            ],
            "include_inactive": include_inactive,
            "inactive_languages": [
                name for code, name in settings.LANGUAGES if code not in settings.ACTIVE_LANGUAGES
            ],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/navigation/completeness.html", context)


class FooterImageInline(ImageChooserMixin, admin.TabularInline):
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
