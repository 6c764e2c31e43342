from django.db import migrations

# The five activities of the old site, with the colours of its "planets".
ACTIVITIES = [
    ("secure-defend", "#0B8079", {"en": "Secure & Defend", "it": "Proteggere & Difendere",
                                  "fr": "Sécuriser & Défendre", "es": "Proteger y Defender"}),
    ("observe-protect", "#003A70", {"en": "Observe & Protect", "it": "Osservare & Proteggere",
                                    "fr": "Observer & Protéger", "es": "Observar y Proteger"}),
    ("explore", "#78260A", {"en": "Explore", "it": "Esplorare", "fr": "Explorer",
                            "es": "Explorar"}),
    ("connect", "#185D84", {"en": "Connect", "it": "Connettere", "fr": "Connecter",
                            "es": "Conectar"}),
    ("travel-navigate", "#065440", {"en": "Travel & Navigate", "it": "Viaggiare & Navigare",
                                    "fr": "Voyager & Naviguer", "es": "Viajar y Navegar"}),
]


def seed(apps, schema_editor):
    Activity = apps.get_model("press", "Activity")
    for weight, (slug, colour, names) in enumerate(ACTIVITIES):
        Activity.objects.update_or_create(
            slug=slug,
            defaults={
                "colour": colour,
                "weight": weight,
                "name": names["en"],
                **{f"name_{code}": name for code, name in names.items()},
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("press", "Activity").objects.filter(
        slug__in=[slug for slug, _, _ in ACTIVITIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("press", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
