import json
from pathlib import Path

from django.db import migrations

LABELS_FILE = Path(__file__).resolve().parent.parent / "data" / "labels.json"


def seed(apps, schema_editor):
    Label = apps.get_model("navigation", "Label")
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))
    for key, values in labels.items():
        Label.objects.update_or_create(
            key=key,
            defaults={
                "value": values["en"],
                **{f"value_{code}": text for code, text in values.items() if text},
            },
        )


def unseed(apps, schema_editor):
    labels = json.loads(LABELS_FILE.read_text(encoding="utf-8"))
    apps.get_model("navigation", "Label").objects.filter(key__in=labels).delete()


class Migration(migrations.Migration):
    dependencies = [("navigation", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
