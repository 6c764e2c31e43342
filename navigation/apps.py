from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = "Navigation and site chrome"

    def ready(self):
        from . import signals  # noqa: F401
