from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO = settings.BASE_DIR / "demo"


class Command(BaseCommand):
    help = "Load the demo content (demo/pages, with images from demo/media). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run, verbosity, **options):
        call_command(
            "import_pages",
            str(DEMO / "pages"),
            media_dir=str(DEMO / "media"),
            dry_run=dry_run,
            verbosity=verbosity,
            stdout=self.stdout._out,
            stderr=self.stderr._out,
        )
