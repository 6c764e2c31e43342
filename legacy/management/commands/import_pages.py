import sys

from django.core.management.base import BaseCommand, CommandError

from legacy.importer import PageError, import_pages


class Command(BaseCommand):
    help = (
        "Import press releases, labels, menus and site options from the old site's page JSON "
        "files (Next.js pageProps). PATH is a file or a folder searched for *.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--media-dir",
            help="Folder holding the image files named in the JSON (and an optional map.json).",
        )

    def handle(self, *args, paths, dry_run, media_dir, verbosity, **options):
        try:
            report = import_pages(
                paths,
                media_dir=media_dir,
                dry_run=dry_run,
                progress=verbosity > 0 and sys.stderr.isatty(),
            )
        except PageError as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            for line in report.warning_lines():
                self.stderr.write(self.style.WARNING(f"Warning: {line}"))
            self.stdout.write(report.summary())
