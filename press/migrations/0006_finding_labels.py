# This migration wrote navigation's labels from the press app; they are now in
# navigation/data/labels.json, synced after every migrate
# (navigation.labels.sync_labels). Kept for the history.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("navigation", "0003_seed_chrome_labels"),
        ("press", "0005_search_index"),
    ]

    operations = []
