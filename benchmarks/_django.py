"""One way for a benchmark to start Django (run as ``python -m benchmarks.NAME`` from the root)."""

import os
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent


def setup(settings="tas_site.settings.test", **environ):
    """Set ``environ`` (and the settings module, unless the caller's shell chose one), then start.

    ``environ`` wins over the shell, for a child process that must use what its parent
    measured (its own database, media folder).
    """
    os.environ.update({key: str(value) for key, value in environ.items()})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    django.setup()
