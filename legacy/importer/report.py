"""What an import run did, for the one-line summary and the warnings."""

from collections import Counter


class Report:
    def __init__(self, files=0, dry_run=False):
        self.files = files
        self.dry_run = dry_run
        self.releases = {}  # language -> Counter(created/updated/unchanged)
        self.labels_changed = 0
        self.menu_items_created = 0
        self.menu_items_updated = 0
        self.images_attached = 0
        self.images_created = 0
        self._warnings = {}  # (path, message) -> [first source, count]
        self.unmodelled = {}  # part of api.data -> ids of the releases carrying it

    def kept(self, part, release_id):
        self.unmodelled.setdefault(part, set()).add(release_id)

    def release(self, language, outcome):
        self.releases.setdefault(language, Counter())[outcome] += 1

    def warn(self, source, path, message):
        # The same warning from many files (a missing footer image) is said once, with a count.
        entry = self._warnings.setdefault((path, message), [source, 0])
        entry[1] += 1

    @property
    def warning_count(self):
        return len(self._warnings)

    def warning_lines(self):
        for (path, message), (source, count) in self._warnings.items():
            more = f" (and {count - 1} more files)" if count > 1 else ""
            yield f"{source}: {path}: {message}{more}" if path else f"{source}: {message}{more}"

    def totals(self):
        total = Counter()
        for counts in self.releases.values():
            total.update(counts)
        return total

    def summary(self):
        total = self.totals()
        by_language = ", ".join(
            f"{code} {c['created']}/{c['updated']}/{c['unchanged']}"
            for code, c in sorted(self.releases.items())
        )
        prefix = "Dry run, nothing written. Would import" if self.dry_run else "Imported"
        return (
            f"{prefix} {self.files} files: releases {total['created']} created, "
            f"{total['updated']} updated, {total['unchanged']} unchanged"
            f"{f' (created/updated/unchanged: {by_language})' if by_language else ''}; "
            f"labels: {self.labels_changed} changed; menu items: {self.menu_items_created} "
            f"created, {self.menu_items_updated} updated; images attached: "
            f"{self.images_attached} ({self.images_created} new files); "
            f"warnings: {self.warning_count}"
            + "".join(
                f"; {len(ids)} release(s) carry {part} kept as JSON, not shown on pages"
                for part, ids in sorted(self.unmodelled.items())
            )
            + "."
        )
