from django.test import TestCase
from django.utils.translation import override

from navigation.chrome import Labels, get_chrome
from tests.builders import make_label


class LabelTests(TestCase):
    def test_seeded_labels_in_every_language_fall_back_to_english(self):
        en, fr, it = (
            get_chrome("en")["labels"],
            get_chrome("fr")["labels"],
            get_chrome("it")["labels"],
        )
        self.assertEqual(len(en), 99 + 3 + 4)  # + press.0006_finding_labels
        self.assertEqual(en["availableIn"], "Available in")
        self.assertEqual(fr["availableIn"], "Disponible en")
        self.assertEqual(it["availableIn"], "Available in")  # no Italian yet
        self.assertEqual(fr["sitemapTitle"], "Plan du site")

    def test_an_unknown_key_shows_itself(self):
        self.assertEqual(get_chrome("en")["labels"]["noSuchKey"], "noSuchKey")

    def test_placeholders(self):
        labels = Labels(pageSearchTitleResults='Results for "{key}" in "{category}"')
        self.assertEqual(
            labels.format("pageSearchTitleResults", key="mars", category="All"),
            'Results for "mars" in "All"',
        )

    def test_templates_use_labels_of_the_page_language(self):
        make_label("skipToMainContent", "Skip!", fr="Sauter !", it="")
        self.assertContains(self.client.get("/fr"), "Sauter !")
        self.assertContains(self.client.get("/it"), "Skip!")
        with override("it"):
            self.assertEqual(get_chrome()["labels"]["skipToMainContent"], "Skip!")
