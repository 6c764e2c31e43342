from django.contrib.admin.apps import AdminConfig


class PressOfficeAdminConfig(AdminConfig):
    """django.contrib.admin with the press office's site as ``admin.site``."""

    default_site = "tas_site.admin.PressOfficeAdminSite"
