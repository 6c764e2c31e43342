# Labels used to be seeded here; they are now in data/labels.json, synced after
# every migrate (navigation.labels.sync_labels). Kept for the history.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("navigation", "0002_seed_labels")]

    operations = []
