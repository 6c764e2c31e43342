"""URL plumbing shared by the release admin's extra per-release pages (drafts, versions)."""

from django.urls import path, reverse


def object_paths(model_admin, *routes):
    """One admin-wrapped path per ``(route, view, name)``, named ``<app>_<model>_<name>``."""
    prefix = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    view = model_admin.admin_site.admin_view
    return [
        path(f"<path:object_id>/{route}", view(func), name=f"{prefix}_{name}")
        for route, func, name in routes
    ]


def admin_url(model_admin, name, *args):
    """The URL of the admin page ``name`` of the model (``change``, ``history``, an extra page)."""
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
