from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import models
from django.urls import path
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin

from media_styles.admin import ImageChooserMixin

from . import safety_nets, versions
from .admin_drafts import DraftAdminMixin
from .admin_forms import PressReleaseAdminForm, RichTextField, RichTextWidget
from .admin_list import ReleaseChangeListMixin
from .admin_versions import VersionsAdminMixin
from .models import Activity, PressRelease, Redirect
from .preview import preview_release
from .rich_text import EDITOR_STYLE_HASH


@admin.register(Activity)
class ActivityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "colour", "weight"]
    prepopulated_fields = {"slug": ["name_en"]}


class StateFilter(admin.SimpleListFilter):
    """Filter by what visitors get now, including the derived "scheduled"."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PressRelease.State.choices

    def queryset(self, request, queryset):
        State, Status = PressRelease.State, PressRelease.Status
        match self.value():
            case State.SCHEDULED:
                return queryset.scheduled()
            case State.PUBLISHED:
                return queryset.live()
            case State.DRAFT | State.UNPUBLISHED:
                return queryset.filter(status=Status(self.value()))
        return queryset


@admin.register(PressRelease)
class PressReleaseAdmin(
    ImageChooserMixin,
    DraftAdminMixin,
    VersionsAdminMixin,
    ReleaseChangeListMixin,
    TabbedTranslationAdmin,
):
    form = PressReleaseAdminForm
    list_filter = [StateFilter, "activity", "date"]
    actions = ["publish_now", "unpublish"]
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

    class Media:
        js = ["js/admin/release_form.js"]
        css = {"all": ["css/admin/release_form.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The body (and, through modeltranslation, each language's copy): the editor.
        if getattr(db_field, "translated_field", db_field).name == "body":
            kwargs.update(form_class=RichTextField, widget=RichTextWidget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="press_pressrelease_preview"),
            path("<path:object_id>/preview/", preview, name="press_pressrelease_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id=None):
        return preview_release(self, request, object_id)

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: it needs the CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=str(request.csp_nonce))
        response = super().render_change_form(request, context, *args, **kwargs)
        # ...and its one fixed <style> element is allowed by its hash (django-csp).
        response._csp_update = {"style-src": [EDITOR_STYLE_HASH]}
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        confirmation = safety_nets.confirm_unpublish_in_form(self, request, object_id)
        if confirmation is not None:
            return confirmation
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Cleaning and redirects are never silent: the writer is told what happened.
        for message in form.cleaning_messages():
            self.message_user(request, message, messages.WARNING)
        for old_path in getattr(obj, "redirects_created", []):
            self.message_user(request, f"The old address {old_path} now redirects here.")

    def has_publish_permission(self, request, obj=None):
        codename = get_permission_codename("publish", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def get_readonly_fields(self, request, obj=None):
        # Without the publish permission, staff write drafts; a publisher releases them.
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            readonly += ["status", "publish_at"]
        return readonly

    @admin.action(description="Publish selected releases now", permissions=["publish"])
    def publish_now(self, request, queryset):
        self._transition(request, queryset, PressRelease.publish, "Published now.")

    @admin.action(description="Unpublish selected releases", permissions=["publish"])
    def unpublish(self, request, queryset):
        # Taking live pages offline is asked for first, like a deletion.
        confirmation = safety_nets.confirm_unpublish_action(self, request, queryset)
        if confirmation is not None:
            return confirmation
        self._transition(request, queryset, PressRelease.unpublish, "Unpublished.")

    def _transition(self, request, queryset, change, message):
        # save() per release so signals purge the page cache, and a version records who.
        for release in queryset:
            change(release)
            with versions.recording(request.user, f"{message} (list action)"):
                release.save()
            self.log_change(request, release, message)
        self.message_user(request, f"{len(queryset)} release(s): {message}", messages.SUCCESS)


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "language", "updated_at"]
    list_filter = ["language"]
    search_fields = ["old_path", "new_path"]
