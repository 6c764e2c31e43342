"""Press releases for tests."""

import itertools
from datetime import timedelta

from django.utils import timezone

from press.models import Activity, PressRelease

_counter = itertools.count(1)


def make_release(title=None, *, languages=("en",), date=None, status="published", activity=None,
                 **fields):  # fmt: skip
    """A release available in ``languages``; titles and slugs are derived unless given."""
    number = next(_counter)
    title = title or f"Release {number}"
    values = {}
    for code in languages:
        values[f"title_{code}"] = fields.pop(f"title_{code}", f"{title} ({code})")
        values[f"slug_{code}"] = fields.pop(f"slug_{code}", f"release-{number}-{code}")
        values[f"body_{code}"] = fields.pop(f"body_{code}", f"<p>Body of {title} in {code}.</p>")
    if isinstance(activity, str):
        activity = Activity.objects.get(slug=activity)
    return PressRelease.objects.create(
        date=date or timezone.now() - timedelta(days=number),
        status=status,
        activity=activity,
        **values,
        **fields,
    )
