"""The interface labels every page needs, from one data file (``data/labels.json``).

``sync_labels()`` adds the labels that are missing and fills translations that
are empty; text already in the database (edited by staff or imported) is never
overwritten. It runs after every ``migrate`` (and as the ``sync_labels``
command), so a label added to the file reaches every database, and no
migration depends on a file whose content changes later.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Label

LABELS_FILE = Path(__file__).resolve().parent / "data" / "labels.json"


def seed_labels():
    """{key: {language: text}} as the data file has them (empty texts left out)."""
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))
    return {
        key: {code: text for code, text in texts.items() if text} for key, texts in labels.items()
    }


@transaction.atomic
def sync_labels():
    """Create missing labels and fill their empty translations; return (created, filled)."""
    codes = [code for code, _ in settings.LANGUAGES]
    wanted = seed_labels()
    existing = {label.key: label for label in Label.objects.filter(key__in=wanted)}
    created = [
        Label(key=key, value=texts.get("en", ""), **{f"value_{c}": t for c, t in texts.items()})
        for key, texts in wanted.items()
        if key not in existing
    ]
    Label.objects.bulk_create(created)
    filled = []
    for key, label in existing.items():
        empty = [c for c in codes if wanted[key].get(c) and not getattr(label, f"value_{c}")]
        for code in empty:
            setattr(label, f"value_{code}", wanted[key][code])
        if empty:
            filled.append(label)
    fields = [f"value_{code}" for code in codes]
    Label.objects.bulk_update(filled, fields)
    return len(created), len(filled)
