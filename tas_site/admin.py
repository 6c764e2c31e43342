"""The press office's admin site: its name, the order of its apps and the dashboard.

A subclass of ``AdminSite`` installed as the default site (``PressOfficeAdminConfig``
in INSTALLED_APPS), so every ``@admin.register`` lands on it unchanged.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language_info

from .dashboard import dashboard_panels

# Apps and models a press officer uses most come first; anything else follows by name.
APP_ORDER = ["press", "navigation", "media_styles"]
MODEL_ORDER = {"press": ["PressRelease", "Redirect", "Activity"]}


def _position(order, name):
    return (order.index(name), "") if name in order else (len(order), name.lower())


def admin_languages():
    """The languages as the admin's scripts name them (English names, active or not)."""
    return [
        {
            "code": code,
            "name": get_language_info(code)["name"],
            "active": code in settings.ACTIVE_LANGUAGES,
        }
        for code, _ in settings.LANGUAGES
    ]


class PressOfficeAdminSite(admin.AdminSite):
    site_header = f"{settings.SITE_NAME} — Press office"
    site_title = f"{settings.SITE_NAME} press office"
    index_title = "Dashboard"
    index_template = "admin/dashboard.html"

    def each_context(self, request):
        return {**super().each_context(request), "admin_languages": admin_languages()}

    def get_app_list(self, request, app_label=None):
        apps = self._build_app_dict(request, app_label).values()
        apps = sorted(apps, key=lambda app: _position(APP_ORDER, app["app_label"]))
        for app in apps:
            order = MODEL_ORDER.get(app["app_label"], [])
            app["models"].sort(key=lambda model: _position(order, model["object_name"]))
            if app["app_label"] == "navigation":
                self._add_completeness_board(request, app)
        return apps

    def _add_completeness_board(self, request, app):
        # The board is a view of LabelAdmin, not a model: listed beside the models
        # so it is found from the sidebar, not only from a button on the labels.
        if not request.user.has_perm("navigation.view_label"):
            return
        try:
            url = reverse("admin:navigation_completeness", current_app=self.name)
        except NoReverseMatch:
            return
        app["models"].append(
            {
                "name": "Translation completeness",
                "object_name": "TranslationCompleteness",
                "perms": {"add": False, "change": False, "delete": False, "view": True},
                "admin_url": url,
                "add_url": None,
                "view_only": True,
            }
        )

    def index(self, request, extra_context=None):
        panels = dashboard_panels(request)
        return super().index(request, {"dashboard_panels": panels, **(extra_context or {})})
