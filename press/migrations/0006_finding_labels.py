"""Interface text for finding releases: four new labels, and French and Italian
for the filter and search labels the old site left untranslated.

Only empty translations are filled, so text an editor already changed stays.
"""

from django.db import migrations

NEW = {
    "invalidActivityMessage": {
        "en": "An unknown activity was ignored.",
        "fr": "Une activité inconnue a été ignorée.",
        "it": "Un'attività sconosciuta è stata ignorata.",
    },
    "invalidDateRangeMessage": {
        "en": "The start date is after the end date, so the dates were ignored.",
        "fr": "La date de début est postérieure à la date de fin : les dates ont été ignorées.",
        "it": "La data di inizio è successiva alla data di fine: le date sono state ignorate.",
    },
    "invalidPageMessage": {
        "en": "This page does not exist; here is the nearest one.",
        "fr": "Cette page n'existe pas ; voici la plus proche.",
        "it": "Questa pagina non esiste; ecco la più vicina.",
    },
    "invalidSearchMessage": {
        "en": "The search words could not be used. Please try shorter or different words.",
        "fr": "Les mots recherchés n'ont pas pu être utilisés. Essayez des mots plus courts ou différents.",
        "it": "Le parole cercate non possono essere usate. Prova parole più brevi o diverse.",
    },
}

TRANSLATIONS = {
    "filterByLabel": {"fr": "Filtrer par", "it": "Filtra per"},
    "activitiesLabel": {"fr": "Activités", "it": "Attività"},
    "labelStartDate": {"fr": "Date de début", "it": "Data di inizio"},
    "labelEndDate": {"fr": "Date de fin", "it": "Data di fine"},
    "labelResetFilters": {"fr": "Réinitialiser les filtres", "it": "Azzera i filtri"},
    "labelSearch": {"fr": "Rechercher un mot...", "it": "Cerca una parola..."},
    "labelNoResults": {"fr": "Aucun résultat", "it": "Nessun risultato"},
    "labelViewResults": {"fr": "Voir les résultats", "it": "Mostra i risultati"},
    "invalidDateMessage": {"fr": "Date non valide", "it": "Data non valida"},
    "galleryLabel": {"fr": "Galerie", "it": "Galleria"},
    "labelAll": {"fr": "Tout", "it": "Tutto"},
    "labelSearchResults": {"fr": "Résultats de recherche", "it": "Risultati della ricerca"},
    "labelStartSearch": {"fr": "Lancer la recherche", "it": "Avvia la ricerca"},
    "pageSearchTitle": {
        "fr": "Résultats de recherche | Thales Alenia Space",
        "it": "Risultati della ricerca | Thales Alenia Space",
    },
    "pageSearchTitleResults": {
        "fr": 'Résultats de recherche pour "{key}" dans "{category}" | Thales Alenia Space',
        "it": 'Risultati della ricerca per "{key}" in "{category}" | Thales Alenia Space',
    },
    "labelPrev": {"fr": "Précédent", "it": "Precedente"},
    "labelNext": {"it": "Successivo"},
    "labelNextPage": {"fr": "Page suivante", "it": "Pagina successiva"},
    "labelPrevPage": {"fr": "Aller à la page précédente", "it": "Vai alla pagina precedente"},
    "labelNumberPage": {"fr": "Aller à la page numéro", "it": "Vai alla pagina numero"},
}


def forwards(apps, schema_editor):
    Label = apps.get_model("navigation", "Label")
    for key, values in NEW.items():
        Label.objects.get_or_create(
            key=key,
            defaults={"value": values["en"], **{f"value_{code}": v for code, v in values.items()}},
        )
    for label in Label.objects.filter(key__in=TRANSLATIONS):
        changed = [
            f"value_{code}"
            for code, text in TRANSLATIONS[label.key].items()
            if not getattr(label, f"value_{code}")
        ]
        for field in changed:
            setattr(label, field, TRANSLATIONS[label.key][field.removeprefix("value_")])
        if changed:
            label.save(update_fields=changed)


def backwards(apps, schema_editor):
    Label = apps.get_model("navigation", "Label")
    Label.objects.filter(key__in=NEW).delete()
    for label in Label.objects.filter(key__in=TRANSLATIONS):
        reverted = [
            f"value_{code}"
            for code, text in TRANSLATIONS[label.key].items()
            if getattr(label, f"value_{code}") == text
        ]
        for field in reverted:
            setattr(label, field, None)
        if reverted:
            label.save(update_fields=reverted)


class Migration(migrations.Migration):
    dependencies = [
        ("navigation", "0003_seed_chrome_labels"),
        ("press", "0005_search_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
