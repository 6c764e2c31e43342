from django.apps import AppConfig


class MediaStylesConfig(AppConfig):
    name = "media_styles"
    verbose_name = "Images"

    def ready(self):
        from . import signals  # noqa: F401
