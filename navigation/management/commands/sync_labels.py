from django.core.management.base import BaseCommand

from navigation.chrome import clear_chrome_cache
from navigation.labels import sync_labels


class Command(BaseCommand):
    help = (
        "Add missing interface labels and fill empty translations from navigation/data/labels.json."
    )

    def handle(self, *args, **options):
        created, filled = sync_labels()
        clear_chrome_cache()
        self.stdout.write(f"Labels: {created} created, {filled} completed.")
