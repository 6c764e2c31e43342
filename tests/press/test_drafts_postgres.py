"""Two processes applying the same due draft at once: it goes live once (PostgreSQL locks)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import TransactionTestCase
from django.utils import timezone

from press import drafts, versions
from press.models import PressReleaseDraft
from tests.builders import make_release

pytestmark = pytest.mark.postgres


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks of PostgreSQL")
class ConcurrentApplyTests(TransactionTestCase):
    def test_two_workers_at_the_same_moment_publish_the_draft_once(self):
        release = make_release("Launch", body_en="<p>Monday.</p>")
        release.body_en = "<p>Tuesday.</p>"
        draft = drafts.save_draft(release, None)
        drafts.schedule(draft, timezone.now() + timedelta(minutes=5), None)
        moment = draft.publish_at
        barrier = threading.Barrier(2)
        applied, errors = [], []

        def worker():
            try:
                barrier.wait()
                applied.append(drafts.apply_due(moment))
            except Exception as error:  # noqa: BLE001 (reported by the assertion below)
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(applied), [0, 1])
        self.assertFalse(PressReleaseDraft.objects.exists())
        release.refresh_from_db()
        self.assertEqual(release.body_en, "<p>Tuesday.</p>")
        went_live = versions.versions_of(release).filter(revision__comment__startswith="Scheduled")
        self.assertEqual(went_live.count(), 1)
