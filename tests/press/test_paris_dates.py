"""Visitors count days in Paris: pages, filters and schedules agree at any hour and DST night.

The database stores instants (UTC). What a visitor reads as a date (the detail
page, the cards, sitemap lastmod, the list's from/to filters) is the Paris
date; what decides visibility (publish_at) is the instant, so a release
scheduled for 00:30 Paris goes live at 23:30 UTC in winter and 22:30 UTC in
summer, never an hour off.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.test import TestCase
from django.utils import dateformat

from press.models import PressRelease
from tests.builders import make_release
from tests.clock import frozen_at

PARIS = ZoneInfo("Europe/Paris")
# Late evening UTC, already tomorrow in Paris; and the two nights the clocks change.
CRITICAL_INSTANTS = [
    datetime(2026, 11, 28, 23, 30, tzinfo=UTC),
    datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # Paris 00:30 CET, 30 min before the change
    datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # Paris 03:30 CEST, just after
    datetime(2026, 10, 24, 22, 30, tzinfo=UTC),  # Paris 00:30 CEST
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # Paris 02:30 CET, the repeated hour is over
]


class ParisDatesTests(TestCase):
    def test_the_detail_page_shows_the_paris_date(self):
        for instant in CRITICAL_INSTANTS:
            with self.subTest(instant=instant):
                slug = f"dated-{instant:%m%d%H}"
                make_release(slug_en=slug, date=instant, publish_at=instant - timedelta(hours=1))
                with frozen_at(instant):
                    html = self.client.get(f"/en/press-releases/{slug}").content.decode()
                paris = instant.astimezone(PARIS)
                shown = dateformat.format(paris, "N j, Y")  # DATE_FORMAT, with the Paris day
                self.assertIn(f'datetime="{paris.isoformat()}">{shown}</time>', html)

    def test_the_list_filters_by_paris_day(self):
        for instant in CRITICAL_INSTANTS:
            with self.subTest(instant=instant):
                release = make_release(date=instant, publish_at=instant - timedelta(hours=1))
                day = instant.astimezone(PARIS).date()
                with frozen_at(instant):
                    same_day = self.client.get(f"/en/press-releases?from={day}&to={day}")
                    day_before = day - timedelta(days=1)
                    before = self.client.get(f"/en/press-releases?to={day_before}")
                self.assertIn(release, same_day.context["releases"])
                self.assertNotIn(release, before.context["releases"])
                release.delete()

    def test_a_schedule_goes_live_at_its_instant(self):
        for instant in CRITICAL_INSTANTS:
            with self.subTest(instant=instant):
                release = make_release(slug_en=f"at-{instant:%m%d%H}", publish_at=instant)
                with frozen_at(instant - timedelta(seconds=1)):
                    self.assertEqual(release.state, PressRelease.State.SCHEDULED)
                    self.assertNotIn(release, PressRelease.objects.published("en"))
                    self.assertEqual(PressRelease.objects.next_scheduled_at(), instant)
                with frozen_at(instant):
                    self.assertEqual(release.state, PressRelease.State.PUBLISHED)
                    self.assertIn(release, PressRelease.objects.published("en"))
                release.delete()

    def test_the_feed_dates_carry_their_offset(self):
        instant = CRITICAL_INSTANTS[0]
        make_release("Late news", date=instant, publish_at=instant - timedelta(hours=1))
        with frozen_at(instant + timedelta(minutes=5)):
            feed = self.client.get("/en/press-releases/feed").content.decode()
        # RFC 2822 with an explicit offset: unambiguous in any reader's time zone.
        self.assertRegex(
            feed,
            r"<pubDate>(Sat, 28 Nov 2026 23:30:00 \+0000"
            r"|Sun, 29 Nov 2026 00:30:00 \+0100)</pubDate>",
        )
