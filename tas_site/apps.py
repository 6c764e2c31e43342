from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site layer: what serves every page (page cache, login limits, security headers)."""

    name = "tas_site"
    verbose_name = "Site"

    def ready(self):
        # Signal receivers connect on import, once the app registry is ready.
        from . import login_limits, signals  # noqa: F401
