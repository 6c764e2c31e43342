from django.apps import AppConfig
from django.db.backends.signals import connection_created


class PressConfig(AppConfig):
    name = "press"
    verbose_name = "Press releases"

    def ready(self):
        from . import login_limits, signals  # noqa: F401
        from .search import register_sqlite_functions

        # The SQLite search fallback calls a Python function from SQL.
        connection_created.connect(register_sqlite_functions, dispatch_uid="press_sqlite_search")
