from django.apps import AppConfig
from django.db.backends.signals import connection_created


class PressConfig(AppConfig):
    name = "press"
    verbose_name = "Press releases"

    def ready(self):
        # Models and signal receivers can only be imported once the app registry is ready.
        from navigation import completeness, links

        from . import drafts, signals, versions  # noqa: F401
        from .completeness import release_counts, release_gaps
        from .models import PressRelease
        from .search import register_sqlite_functions

        # The SQLite search fallback calls a Python function from SQL.
        connection_created.connect(register_sqlite_functions, dispatch_uid="press_sqlite_search")
        links.register_detail_view("press:detail", PressRelease.objects.live_slugs)
        completeness.register(
            "releases",
            release_gaps,
            title="Releases",
            order=10,
            counter=release_counts,
            every_language=True,
        )
        versions.register()
        drafts.connect_signals()
