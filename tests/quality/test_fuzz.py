"""Hypothesis throws odd input at what visitors and staff can send: never a 500.

Cheap by design (a few dozen examples each): they look for crashes, not for
answers, which the feature tests pin down.
"""

import copy
import json

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.browser.seed import DEMO
from tests.builders import image_bytes, make_release
from tests.mixins import TempDirMixin

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Any text a URL can carry (lone surrogates cannot be percent-encoded at all).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
dates = st.one_of(text, st.dates().map(str), st.just("2018-02-30"), st.just("9999-99-99"))
params = st.fixed_dictionaries(
    {},
    optional={
        "activity": st.one_of(text, st.sampled_from(["explore", "observe", "EXPLORE", ""])),
        "from": dates,
        "to": dates,
        "q": text,
        "page": st.one_of(text, st.integers(-(10**20), 10**20).map(str)),
        "key": text,
        "category": st.one_of(text, st.just("press-releases")),
    },
)


# Values that could stand where the importer expects a string, a date, a list or an object.
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)),
    max_leaves=6,
)
PAGE = json.loads(
    (DEMO / "pages" / "en--press-releases--mission-mars-be-continued.json").read_text()
)
FIELDS = [
    ("query", "locale"), ("query", "slug"), ("api", "locales"), ("api", "data", "title"),
    ("api", "data", "date"), ("api", "data", "body"), ("api", "data", "activity"),
    ("api", "data", "image"), ("api", "noindex"), ("query", "common", "labels"),
    ("query", "common", "navs"),
]  # fmt: skip


class VisitorFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_release("Mars", languages=("en", "fr"), activity="explore")
        make_release("Moon", languages=("en",))

    @FUZZ
    @given(query=params, language=st.sampled_from(["en", "fr"]))
    def test_list_filters_never_fail(self, query, language):
        response = self.client.get(f"/{language}/press-releases", query)
        assert response.status_code < 500

    @FUZZ
    @given(query=params)
    def test_search_never_fails(self, query):
        response = self.client.get("/en/search", query)
        assert response.status_code < 500

    @FUZZ
    @given(slug=text.filter(lambda s: "/" not in s and "?" not in s and "#" not in s))
    def test_any_release_address_is_a_page_or_a_404(self, slug):
        response = self.client.get(f"/en/press-releases/{slug}")
        assert response.status_code in {200, 301, 302, 404}


class StaffFuzzTests(TempDirMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = User.objects.create_superuser("staff", "staff@example.org", "pw")

    @FUZZ
    @given(
        payload=st.one_of(st.binary(max_size=2048), st.just(image_bytes(8, 8)[:40])),
        name=st.from_regex(r"[\w. -]{1,30}\.(jpg|png|gif|webp|svg|txt)", fullmatch=True),
    )
    def test_image_upload_of_junk_is_a_form_error(self, payload, name):
        self.client.force_login(self.staff)
        upload = SimpleUploadedFile(name, payload, content_type="application/octet-stream")
        response = self.client.post("/admin/media_styles/image/add/", {"file": upload, "alt": "x"})
        assert response.status_code == 200  # the form again, with its error
        assert response.context["adminform"].form.errors

    @FUZZ
    @given(field=st.sampled_from(FIELDS), value=json_values)
    def test_importing_a_damaged_page_is_a_clear_error_or_a_clean_import(self, field, value):
        page = copy.deepcopy(PAGE)
        node = page["props"]["pageProps"]
        for key in field[:-1]:
            node = node[key]
        node[field[-1]] = value
        path = self.tmp_path / "en--press-releases--fuzzed.json"
        path.write_text(json.dumps(page))
        try:
            call_command("import_pages", str(path), media_dir=str(DEMO / "media"), verbosity=0)
        except CommandError as error:
            assert "fuzzed.json" in str(error)
