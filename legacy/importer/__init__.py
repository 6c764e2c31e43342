"""Importing the old site's page JSON (see ``run.import_pages``)."""

from .errors import PageError
from .run import import_pages

__all__ = ["PageError", "import_pages"]
