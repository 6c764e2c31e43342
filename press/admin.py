from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from .admin_list import ReleaseChangeListMixin
from .models import Activity, PressRelease, Redirect


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
class PressReleaseAdmin(ReleaseChangeListMixin, TabbedTranslationAdmin):
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
        self._transition(request, queryset, PressRelease.unpublish, "Unpublished.")

    def _transition(self, request, queryset, change, message):
        # save() per release so signals purge the page cache and admin history records who.
        for release in queryset:
            change(release)
            release.save()
            self.log_change(request, release, message)
        self.message_user(request, f"{len(queryset)} release(s): {message}", messages.SUCCESS)


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "language", "updated_at"]
    list_filter = ["language"]
    search_fields = ["old_path", "new_path"]
