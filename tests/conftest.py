import shutil
from pathlib import Path

import pytest
from django.core.cache import cache

from press import drafts


@pytest.fixture(autouse=True)
def _empty_cache():
    # Chrome (menus, labels) is cached per language; each test starts cold.
    cache.clear()
    # Each test starts with no draft scheduled; a process that has served pages
    # knows it without a query (press.drafts.next_due_at).
    drafts.assume_none_due()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_variant_files_from_earlier_tests(settings):
    # Image variants are generated on save into MEDIA_ROOT/variants/<image id>/. A
    # rolled-back test can hand its image id to the next one (SQLite), whose save
    # would then find, reuse or sweep the earlier test's files.
    yield
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "variants", ignore_errors=True)
