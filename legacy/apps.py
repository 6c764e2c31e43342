from django.apps import AppConfig


class LegacyConfig(AppConfig):
    """The old site's page JSON: the importer and the ``index.json`` export."""

    name = "legacy"
    verbose_name = "Old site import and export"
