"""One import run: every file in one transaction, streamed one file at a time."""

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.translation import override
from tqdm import tqdm

from navigation.signals import content_changed
from press import versions

from .errors import PageError
from .images import ImageStore, MediaDir
from .navigation import ChromeImporter
from .pages import parse_page
from .reader import find_files, load
from .releases import ReleaseImporter
from .report import Report


def import_pages(paths, *, media_dir=None, dry_run=False, progress=False):
    """Import the page files under ``paths``; return a ``Report``. Raises ``PageError``.

    Any error rolls the whole run back, and so does ``dry_run`` once the report
    is complete; files written to the media storage are then deleted too.
    """
    files = find_files(paths)
    report = Report(len(files), dry_run=dry_run)
    images = ImageStore(MediaDir(media_dir))
    source = None
    try:
        # Untranslated model attributes (modeltranslation) resolve to the default language.
        # Versions are recorded once per release at the end, naming the files it came from.
        with override(settings.LANGUAGE_CODE), transaction.atomic(), versions.suppressed():
            releases = ReleaseImporter(images, images.media_dir, report)
            chrome = ChromeImporter(images, images.media_dir, report)
            seen_chrome = set()
            for file in tqdm(files, disable=not progress, unit="file", leave=False):
                source = str(file)
                page = parse_page(
                    load(file), activities=releases.activities, seen_chrome=seen_chrome
                )
                for path, message in page.warnings:
                    report.warn(page.source, path, message)
                releases.import_release(page)
                if page.chrome is not None:
                    chrome.import_chrome(page.chrome, page.source)
            source = None
            releases.check_next()
            releases.record_versions()
            report.images_created = images.created
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        images.discard_written()
        raise PageError(source or "import", "", f"database error: {error}") from error
    except BaseException:
        images.discard_written()
        raise
    if dry_run:
        images.discard_written()
    else:
        # Updates go through QuerySet.update(), which sends no model signal: say it once,
        # after commit, so no cache outlives the old values.
        content_changed.send(sender=import_pages)
    return report
