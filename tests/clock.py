"""Move Django's clock in tests: everything that asks ``timezone.now()`` sees the given moment."""

from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


@contextmanager
def frozen_at(moment):
    with mock.patch.object(timezone, "now", return_value=moment):
        yield
