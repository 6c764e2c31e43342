from django.apps import AppConfig
from django.db.models.signals import post_migrate


def labels_after_migrate(sender, using, **kwargs):
    # Imported here: models cannot be imported before the app registry is ready.
    from .labels import sync_labels

    if using == "default":
        sync_labels()


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = "Navigation and site chrome"

    def ready(self):
        # Signal receivers connect on import, once the app registry is ready.
        from . import signals  # noqa: F401

        post_migrate.connect(labels_after_migrate, sender=self)
