"""load_demo: the project's own demo pages and images, as ``make run`` loads them."""

import io

from django.core.management import call_command
from django.test import TestCase

from media_styles.models import Image
from press.models import PressRelease


def load_demo():
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class LoadDemoTests(TestCase):
    def test_loads_the_demo_and_a_second_run_changes_nothing(self):
        out, err = load_demo()
        assert "releases 2 created, 1 updated, 0 unchanged" in out
        mars = PressRelease.objects.get(slug_en="mission-mars-be-continued")
        assert mars.image.original_name == "ExoMars_2020_1600.jpg"  # via demo/media/map.json
        ec = PressRelease.objects.get(slug_fr__startswith="la-commission-europeenne")
        assert ec.languages() == ["en", "fr"]
        assert "no local file for footer image" in err  # the demo has no footer images

        out, _ = load_demo()
        assert "releases 0 created, 0 updated, 3 unchanged" in out
        assert Image.objects.count() == 2
