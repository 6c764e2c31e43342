"""Make missing or outdated variants, then remove variant files nothing references."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from media_styles import variants
from media_styles.models import Image


class Command(BaseCommand):
    help = (
        "Generate the named variants of images that lack them or whose files or specs "
        "changed (a second run does nothing), and delete orphaned variant files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="Only images whose recorded variants are incomplete or outdated; "
            "do not check that their files are in storage.",
        )
        parser.add_argument("--image", type=int, help="Only this image id (no orphan sweep).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Encode every variant again, even of up-to-date images.",
        )

    def handle(self, *args, missing_only=False, image=None, force=False, **options):
        images = Image.objects.order_by("pk")
        if image is not None:
            images = images.filter(pk=image)
            if not images.exists():
                raise CommandError(f"There is no image with id {image}.")
        counts = {"generated": 0, "up to date": 0, "failed": 0}
        progress = tqdm(
            images.iterator(chunk_size=200),
            total=images.count(),
            unit="image",
            file=self.stderr,
            disable=options["verbosity"] == 0,
        )
        for item in progress:
            if not force and self.up_to_date(item, check_files=not missing_only):
                counts["up to date"] += 1
                continue
            try:
                variants.generate(item, reuse=not force)
            except (OSError, ValidationError) as error:
                counts["failed"] += 1
                message = "; ".join(getattr(error, "messages", [str(error)]))
                progress.write(f"Image {item.pk} ({item.file.name}): {message}", file=self.stderr)
                continue
            counts["generated"] += 1
        removed = 0
        if image is None:
            referenced = variants.referenced_names(images.values_list("pk", "variants"))
            removed = variants.remove_orphans(referenced)
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        self.stdout.write(f"Variants: {summary}; {removed} orphaned files removed.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} images could not be processed (see above).")

    @staticmethod
    def up_to_date(image, check_files):
        if not variants.is_current(image):
            return False
        return not check_files or variants.files_exist(image)
