from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "press"
    verbose_name = "Press releases"

    def ready(self):
        from . import login_limits, signals  # noqa: F401
