"""Test-case mixins shared by the test modules (what pytest fixtures used to provide)."""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


class TempDirMixin:
    """``self.tmp_path``: an empty folder of the test's own, deleted afterwards."""

    def setUp(self):
        super().setUp()
        self.tmp_path = Path(tempfile.mkdtemp(prefix="tas-test-"))
        self.addCleanup(shutil.rmtree, self.tmp_path, ignore_errors=True)


class MediaRootMixin(TempDirMixin):
    """Each test gets an empty MEDIA_ROOT of its own (``self.media_root``, a Path).

    Listing it then shows exactly what the test wrote; it is deleted afterwards.
    """

    def setUp(self):
        super().setUp()
        self.media_root = self.tmp_path / "media"
        self.media_root.mkdir()
        media = override_settings(MEDIA_ROOT=str(self.media_root))
        media.enable()
        self.addCleanup(media.disable)


class MaxQueriesMixin:
    """``assertMaxNumQueries(n)``: a ceiling, where ``assertNumQueries`` pins an exact count."""

    @contextlib.contextmanager
    def assertMaxNumQueries(self, limit, using=DEFAULT_DB_ALIAS):
        with CaptureQueriesContext(connections[using]) as context:
            yield context
        queries = "\n".join(query["sql"] for query in context.captured_queries)
        self.assertLessEqual(len(context), limit, f"{len(context)} queries:\n{queries}")


def files_under(root):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )
