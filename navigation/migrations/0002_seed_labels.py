# Labels used to be seeded here from data/labels.json. They are now synced from
# that file after every migrate (navigation.labels.sync_labels), so this
# migration only keeps its place in the history.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("navigation", "0001_initial")]

    operations = []
