from django.db import migrations

# Labels the new chrome needs that the old site did not have. Existing rows
# (edited by staff or imported) are left alone.
LABELS = {
    "sitemapTitle": {"en": "Sitemap", "fr": "Plan du site", "it": "Mappa del sito"},
    "labelRssFeed": {"en": "RSS feed", "fr": "Flux RSS", "it": "Feed RSS"},
    "labelNotAvailableIn": {
        "en": "Not available in",
        "fr": "Non disponible en",
        "it": "Non disponibile in",
    },
}


def seed(apps, schema_editor):
    Label = apps.get_model("navigation", "Label")
    for key, values in LABELS.items():
        Label.objects.get_or_create(
            key=key,
            defaults={"value": values["en"], **{f"value_{code}": text for code, text in values.items()}},
        )


def unseed(apps, schema_editor):
    apps.get_model("navigation", "Label").objects.filter(key__in=LABELS).delete()


class Migration(migrations.Migration):
    dependencies = [("navigation", "0002_seed_labels")]

    operations = [migrations.RunPython(seed, unseed)]
