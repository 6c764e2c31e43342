"""Parts of an old page this site does not model yet are kept, counted and given back unchanged."""

import json

from django.test import TestCase

from press.models import PressRelease
from tests.builders import page, run_import, write
from tests.mixins import TempDirMixin

# Made up, with keys deliberately out of alphabetical order and non-ASCII text:
# they must come back in the same order, byte for byte.
BLOCKS = [
    {"type": "quote", "text": "« Une étape décisive »", "author": {"name": "Zoë", "role": "CEO"}},
    {"type": "figures", "items": [{"value": "4,5 t", "label": "masse"}], "align": "left"},
]
CAROUSEL = {"title": "Mission", "slide": [{"url": "/en/mars", "image": {"alt": "Rover"}}]}
DOWNLOAD_IMAGE = {"url": "https://old.example/kit.zip", "size": 1234}


class UnmodelledPartsTests(TempDirMixin, TestCase):
    def import_page(self, **data):
        document = page("en", "mars", **data)
        return run_import(write(self.tmp_path, document))

    def exported_bytes(self):
        response = self.client.get("/en/press-releases/mars/index.json")
        self.assertEqual(response.status_code, 200)
        return response.content

    def test_blocks_carousel_and_download_image_come_back_byte_for_byte(self):
        out, _ = self.import_page(
            blocks=BLOCKS, boxCarousel=CAROUSEL, download_image=DOWNLOAD_IMAGE
        )
        content = self.exported_bytes()
        data = json.loads(content)["props"]["pageProps"]["api"]["data"]
        for key, value in [
            ("blocks", BLOCKS),
            ("boxCarousel", CAROUSEL),
            ("download_image", DOWNLOAD_IMAGE),
        ]:
            with self.subTest(key=key):
                self.assertEqual(data[key], value)
                original = json.dumps({key: value}, ensure_ascii=False)[1:-1].encode()
                self.assertIn(original, content)
        self.assertIn("1 release(s) carry blocks kept as JSON, not shown on pages", out)
        self.assertIn("1 release(s) carry boxCarousel kept as JSON", out)
        self.assertIn("1 release(s) carry download_image kept as JSON", out)

    def test_the_old_sites_empty_values_are_not_stored(self):
        out, _ = self.import_page(blocks=[], boxCarousel={"slide": []}, download_image=None)
        self.assertEqual(PressRelease.objects.get().legacy_data, "")
        self.assertNotIn("kept as JSON", out)
        data = json.loads(self.exported_bytes())["props"]["pageProps"]["api"]["data"]
        self.assertEqual(data["blocks"], [])
        self.assertEqual(data["boxCarousel"], {"slide": []})
        self.assertIsNone(data["download_image"])

    def test_each_language_keeps_its_own_parts_and_a_reimport_changes_nothing(self):
        locales = {"en": "mars", "fr": "mars-fr"}
        write(self.tmp_path, page("en", "mars", locales=locales, blocks=BLOCKS))
        write(self.tmp_path, page("fr", "mars-fr", locales=locales, boxCarousel=CAROUSEL))
        run_import(self.tmp_path)
        stored = PressRelease.objects.get().legacy_data
        out, _ = run_import(self.tmp_path)
        self.assertIn("0 created, 0 updated, 2 unchanged", out)
        self.assertEqual(PressRelease.objects.get().legacy_data, stored)
        english = json.loads(self.exported_bytes())["props"]["pageProps"]["api"]["data"]
        self.assertEqual(english["blocks"], BLOCKS)
        self.assertEqual(english["boxCarousel"], {"slide": []})
        french = self.client.get("/fr/press-releases/mars-fr/index.json").json()
        self.assertEqual(french["props"]["pageProps"]["api"]["data"]["boxCarousel"], CAROUSEL)
        self.assertEqual(french["props"]["pageProps"]["api"]["data"]["blocks"], [])

    def test_a_page_that_no_longer_carries_them_drops_them(self):
        self.import_page(blocks=BLOCKS)
        self.import_page(blocks=[])
        self.assertEqual(PressRelease.objects.get().legacy_data, "")
