"""Fill the browser gates' database: the demo content plus one hostile release.

Run by the gates' fixture in a subprocess (``python -m tests.browser.seed``)
with the server's settings, so the browser sees exactly what the server
serves. The demo is loaded the way a newcomer loads it (``load_demo``), and
the hostile release the way a hostile page would arrive (``import_pages``).
"""

import json
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import django
from django.core.management import call_command
from django.utils import timezone

from tests.harness import ADMIN_USERNAME, COMMS_USERNAME

from .pages import VERSIONS_SLUG, WRITER_USERNAME

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO = BASE_DIR / "demo"
HOSTILE_SLUG = "hostile-content-check"
SCHEDULED_SLUG = "seeded-scheduled-release"
SCHEDULED_TITLE = "Scheduled: satellite constellation contract"
LONG_WORD = "TASPRODUCTCODE" + "X" * 106  # 120 characters, no break opportunity
RELATED_TITLES = [
    "Lunar Gateway habitation module shipped",
    f"Telemetry archive {LONG_WORD} released",
    "Exploration of the outer planets: new probe",
    "Rover wheels tested in the desert",
]
HOSTILE_MARKER = "__pwned"

# Every way a release's title or body could try to run script. The title is
# shown escaped; the body goes through press.sanitizer.clean_html.
HOSTILE_TITLE = (
    f'Hostile <script>window.{HOSTILE_MARKER}="title";alert("title")</script>'
    f"<img src=x onerror=\"window.{HOSTILE_MARKER}='title-img'\"> check"
)
P = f"window.{HOSTILE_MARKER}"
HOSTILE_BODY = f"""
<p id="hostile-intro">Hostile content check.</p>
<script>{P} = "script"; alert("script")</script>
<SCRIPT SRC="data:text/javascript,{P}='script-src'"></SCRIPT>
<img src="x" onerror="{P}='onerror';alert('onerror')" alt="">
<p><a id="hostile-js-link" href="javascript:{P}='js-link';alert(1)">js link</a></p>
<p><a id="hostile-js-mixed" href="JaVaScRiPt:{P}='mixed'">mixed case</a></p>
<p><a id="hostile-js-entity" href="&#106;avascript:{P}='entity'">entity</a></p>
<p><a id="hostile-js-space" href=" javascript:{P}='space'">space</a></p>
<iframe src="javascript:parent.{HOSTILE_MARKER}='iframe'"></iframe>
<iframe srcdoc="<script>parent.{HOSTILE_MARKER}='srcdoc'</script>"></iframe>
<svg onload="{P}='svg';alert('svg')"><script>alert('svg-script')</script></svg>
<svg><animate onbegin="{P}='animate'" attributeName="x" dur="1s"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="{P}='mxss'">
</style></mglyph></table></mtext></math>
<div id="hostile-hover" onmouseover="{P}='hover'"
     onclick="{P}='click'">hover and click me</div>
<object data="javascript:{P}='object'"></object>
<embed src="javascript:{P}='embed'">
<form action="javascript:{P}='form'"><button id="hostile-button">Go</button></form>
<p style="background:url(javascript:{P}='style')">styled</p>
<noscript><p title="</noscript><img src=x onerror={P}='noscript'>"></p></noscript>
<details open ontoggle="{P}='toggle'"><summary>details</summary></details>
<p>End of hostile content.</p>
"""


def main():
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    load_demo()
    load_hostile_release()
    load_press_office_releases()
    _make_admin()
    _make_communications_user()
    _make_writer()
    load_versions_release()


def _make_admin():
    from django.contrib.auth.models import User  # after django.setup() in main()

    User.objects.create_superuser(
        ADMIN_USERNAME, "gates@example.org", os.environ["TAS_GATES_ADMIN_PASSWORD"]
    )


def _make_communications_user():
    """A press officer: staff in the Communications group, not a superuser."""
    from django.contrib.auth.models import Group, User  # after django.setup() in main()

    user = User.objects.create_user(
        COMMS_USERNAME, "comms@example.org", os.environ["TAS_GATES_ADMIN_PASSWORD"],
        is_staff=True, first_name="Press", last_name="Officer",
    )  # fmt: skip
    user.groups.add(Group.objects.get(name="Communications"))


def load_press_office_releases():
    """What a press office has on the go: a scheduled release (English only, so its French
    tab is empty), a draft, and older releases of the Mars release's activity for its
    "You might be interested in" (older than the demo's, so its "next" link is unchanged),
    one titled with a long unbroken word."""
    from press.models import Activity, PressRelease  # after django.setup() in main()

    explore = Activity.objects.get(slug="explore")

    def release(slug, title, **fields):
        body = f"<p>{title}: a release seeded for the press office's journeys.</p>"
        return PressRelease.objects.create(
            title_en=title, slug_en=slug, body_en=body, activity=explore, **fields
        )

    release(SCHEDULED_SLUG, SCHEDULED_TITLE, status="published",
            publish_at=timezone.now() + timedelta(days=3))  # fmt: skip
    release("seeded-draft", "Draft: lunar lander thermal tests", status="draft")
    for number, title in enumerate(RELATED_TITLES, start=1):
        date = timezone.make_aware(datetime(2017, 12 - number, 10, 9, 0))
        release(f"seeded-explore-{number}", title, status="published", date=date,
                publish_at=date)  # fmt: skip


def _make_writer():
    """A writer: the Communications group's permissions except publishing."""
    from django.contrib.auth.models import Group, User  # after django.setup() in main()

    group = Group.objects.get(name="Communications")
    writer = User.objects.create_user(
        WRITER_USERNAME, password=os.environ["TAS_GATES_ADMIN_PASSWORD"], is_staff=True
    )
    writer.user_permissions.add(*group.permissions.exclude(codename="publish_pressrelease"))


def load_versions_release():
    """A live release the admin journeys edit, compare, restore and draft (old, noindex)."""
    from press.models import PressRelease  # after django.setup() in main()

    moment = datetime(2000, 1, 3, 9, 0, tzinfo=UTC)
    PressRelease.objects.create(
        title_en="Versions check",
        slug_en=VERSIONS_SLUG,
        description_en="The original summary of this release.",
        body_en="<p>The original words of this release.</p>",
        date=moment,
        publish_at=moment,
        status=PressRelease.Status.PUBLISHED,
        noindex=True,
    )


def load_demo():
    call_command("load_demo", verbosity=0)


def load_hostile_release():
    """Through the importer: the path a hostile page from the old site would take."""
    page = _hostile_page()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"en--press-releases--{HOSTILE_SLUG}.json"
        path.write_text(json.dumps(page), encoding="utf-8")
        call_command("import_pages", str(path), media_dir=str(DEMO / "media"), verbosity=0)


def _hostile_page():
    """The reference page turned hostile: same shape, new slug, title and body."""
    page = json.loads(
        (DEMO / "pages" / "en--press-releases--mission-mars-be-continued.json").read_text()
    )
    props = page["props"]["pageProps"]
    path = f"/en/press-releases/{HOSTILE_SLUG}"
    props["query"]["slug"] = f"/press-releases/{HOSTILE_SLUG}"
    props["query"]["performRedirect"] = path
    api = props["api"]
    api["locales"] = {"en": path}
    api["breadcrumb"]["paths"][-1] = {"label": HOSTILE_TITLE, "path": path}
    api["data"].update(
        title=HOSTILE_TITLE,
        body=HOSTILE_BODY,
        date="2001-01-01T12:00:00",
        image=None,
        caption=f"<script>window.{HOSTILE_MARKER}='caption'</script>",
        next=None,
    )
    api["seo"]["title"] = HOSTILE_TITLE
    api["seo"]["description"] = f"<script>window.{HOSTILE_MARKER}='seo'</script>"
    return page


if __name__ == "__main__":
    main()
