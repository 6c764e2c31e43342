"""Fill the browser gates' database: the demo content plus one hostile release.

Run by the gates' fixture in a subprocess (``python -m tests.browser.seed``)
with the server's settings, so the browser sees exactly what the server
serves. The demo is loaded the way a newcomer loads it (``load_demo``, or
``import_pages`` on ``demo/``) as soon as those commands exist; until then a
small reader of the same demo files stands in.
"""

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import django
from django.conf import settings
from django.core.management import call_command, get_commands

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO = BASE_DIR / "demo"
HOSTILE_SLUG = "hostile-content-check"
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
    _make_admin()


def _make_admin():
    from django.contrib.auth.models import User

    from .server import ADMIN_USERNAME

    User.objects.create_superuser(
        ADMIN_USERNAME, "gates@example.org", os.environ["TAS_GATES_ADMIN_PASSWORD"]
    )


def load_demo():
    commands = get_commands()
    if "load_demo" in commands:
        call_command("load_demo", verbosity=0)
    elif "import_pages" in commands:
        call_command(
            "import_pages", str(DEMO / "pages"), media_dir=str(DEMO / "media"), verbosity=0
        )
    else:
        _read_demo_pages()


def load_hostile_release():
    """Through the importer when it exists (the path hostile pages really take)."""
    if "import_pages" in get_commands():
        page = _hostile_page()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"en--press-releases--{HOSTILE_SLUG}.json"
            path.write_text(json.dumps(page), encoding="utf-8")
            call_command("import_pages", str(path), media_dir=str(DEMO / "media"), verbosity=0)
    else:
        from press.models import PressRelease

        PressRelease.objects.create(
            title_en=HOSTILE_TITLE,
            slug_en=HOSTILE_SLUG,
            body_en=HOSTILE_BODY,
            date=datetime(2001, 1, 1, 12, tzinfo=ZoneInfo(settings.TIME_ZONE)),
            status="published",
        )


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


def _read_demo_pages():
    """Stand-in for the importer (issue 4): the demo pages' releases, merged by language."""
    from django.core.files import File

    from media_styles.models import Image
    from press.models import Activity, PressRelease

    media_map = json.loads((DEMO / "media" / "map.json").read_text())
    zone = ZoneInfo(settings.TIME_ZONE)
    releases = {}
    for path in sorted((DEMO / "pages").glob("*.json")):
        api = json.loads(path.read_text())["props"]["pageProps"]["api"]
        data, locales = api["data"], api["locales"]
        language = path.name.split("--")[0]
        key = locales.get("en") or next(iter(locales.values()))
        release = releases.get(key) or PressRelease(
            date=datetime.fromisoformat(data["date"]).replace(tzinfo=zone),
            activity=Activity.objects.get(slug=data["activity"]),
            country=data.get("country") or "",
            noindex=bool(api.get("noindex")),
            status="published",
        )
        setattr(release, f"title_{language}", data["title"].strip())
        setattr(release, f"slug_{language}", locales[language].rsplit("/", 1)[-1])
        setattr(release, f"body_{language}", data["body"])
        image = data.get("image") or {}
        local = next(
            (f for name, f in media_map.items() if Path(name).stem == image.get("title")), None
        )
        if local and release.image_id is None:
            with (DEMO / "media" / local).open("rb") as handle:
                release.image = Image.objects.create(
                    file=File(handle, name=local), alt=image["alt"]
                )
        release.save()
        releases[key] = release


if __name__ == "__main__":
    main()
