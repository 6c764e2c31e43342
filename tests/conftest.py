import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    # Chrome (menus, labels) is cached per language; each test starts cold.
    cache.clear()
    yield
    cache.clear()
