"""Production hardening: response headers, `check --deploy`, bandit, admin assets served locally."""

import importlib
import json
import os
import re
import secrets
import subprocess
import sys
from unittest import mock

from django.contrib.auth.models import User
from django.test import Client, SimpleTestCase, TestCase, override_settings
from lxml import html

from tests.builders import make_release

from .tools import BASE_DIR

PROD_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "press.example.org",
    "DATABASE_URL": "sqlite:////tmp/tas-deploy-check.sqlite3",
}
# The settings that decide what a response carries in production.
SECURITY_SETTINGS = re.compile(
    r"^(MIDDLEWARE|SECURE_.*|CONTENT_SECURITY_POLICY.*|PERMISSIONS_POLICY|X_FRAME_OPTIONS"
    r"|SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE)$"
)


class ProductionSettingsMixin:
    """``self.prod_client``: a test client behind the production security settings.

    The settings are read from tas_site.settings.prod, reloaded with a production environment.
    """

    def setUp(self):
        super().setUp()
        self.enterContext(mock.patch.dict(os.environ, PROD_ENV))
        prod = importlib.reload(importlib.import_module("tas_site.settings.prod"))
        values = {name: getattr(prod, name) for name in dir(prod) if SECURITY_SETTINGS.match(name)}
        values["ALLOWED_HOSTS"] = ["press.example.org"]
        self.enterContext(override_settings(**values))
        self.prod_client = Client(HTTP_HOST="press.example.org", HTTP_X_FORWARDED_PROTO="https")


def csp_directives(header):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in header.split(";")
        if directive.strip()
    }


HEADER_PATHS = [
    "/",
    "/en",
    "/en/press-releases",
    "/en/press-releases/secure-release",
    "/en/press-releases/no-such-release",
    "/static/css/site.css",
    "/admin/login/",
]


class SecurityHeaderTests(ProductionSettingsMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        make_release("Secure", languages=("en",), slug_en="secure-release")

    def test_every_response_carries_the_security_headers(self):
        for path in HEADER_PATHS:
            with self.subTest(path):
                response = self.prod_client.get(path)
                assert response.status_code in {200, 302, 404}
                headers = response.headers

                csp = csp_directives(headers["Content-Security-Policy"])
                assert csp["default-src"] == ["'self'"]
                assert "'unsafe-inline'" not in csp["script-src"]
                assert "'unsafe-eval'" not in csp["script-src"]
                assert "'unsafe-inline'" not in csp.get("style-src", [])
                assert csp["frame-ancestors"] == ["'none'"]
                assert csp["object-src"] == ["'none'"]
                assert csp["base-uri"] == ["'self'"]

                hsts = headers["Strict-Transport-Security"]
                assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31536000
                assert "includeSubDomains" in hsts
                assert headers["X-Content-Type-Options"] == "nosniff"
                assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
                if headers["Content-Type"].startswith("text/html"):
                    # (Static files stop at whitenoise, before XFrameOptionsMiddleware;
                    # frame-ancestors covers them.)
                    assert headers["X-Frame-Options"] == "DENY"
                assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
                policy = dict(
                    item.strip().split("=", 1) for item in headers["Permissions-Policy"].split(",")
                )
                for feature in ("camera", "microphone", "geolocation", "payment"):
                    assert policy[feature] == "()"

    def test_plain_http_is_redirected_to_https(self):
        response = self.prod_client.get("/en", HTTP_X_FORWARDED_PROTO="http")
        assert response.status_code == 301
        assert response["Location"] == "https://press.example.org/en"

    def test_inline_scripts_carry_the_nonce_of_the_policy(self):
        for path in ["/en", "/en/press-releases/secure-release"]:
            # The second response is a page-cache hit: a nonce baked into cached HTML
            # would no longer match the header's fresh one, and the script would not run.
            for attempt in ("miss", "hit"):
                with self.subTest(path=path, attempt=attempt):
                    response = self.prod_client.get(path)
                    csp = csp_directives(response.headers["Content-Security-Policy"])
                    nonces = {v for v in csp["script-src"] if v.startswith("'nonce-")}
                    for script in html.fromstring(response.content).iter("script"):
                        if (
                            script.get("src") is None
                            and script.get("type") != "application/ld+json"
                        ):
                            assert f"'nonce-{script.get('nonce')}'" in nonces, html.tostring(
                                script
                            )[:200]


class ProductionToolTests(SimpleTestCase):
    def test_deploy_check_finds_nothing_with_production_settings(self):
        result = subprocess.run(  # noqa: S603 (fixed argv)
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=BASE_DIR,
            env={**os.environ, **PROD_ENV, "DJANGO_SETTINGS_MODULE": "tas_site.settings.prod"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues" in result.stdout

    def test_bandit_finds_no_medium_or_high_issue(self):
        result = subprocess.run(  # noqa: S603 (fixed argv)
            [sys.executable, "-m", "bandit", "-r", "press", "navigation", "media_styles",
             "tas_site", "--severity-level", "medium", "--format", "json", "--quiet"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=300,
        )  # fmt: skip
        report = json.loads(result.stdout)
        assert report["errors"] == []
        assert report["metrics"]["_totals"]["loc"] > 1000, "bandit scanned nothing"
        findings = [
            f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
            for r in report["results"]
        ]
        assert findings == []


ADMIN_PATHS = [
    "/admin/",
    "/admin/press/pressrelease/add/",
    "/admin/press/pressrelease/{release}/change/",
    "/admin/navigation/label/",
    "/admin/media_styles/image/add/",
]


class AdminAssetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.release = make_release(languages=("en",))
        cls.admin = User.objects.create_superuser("admin", "admin@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_admin_pages_load_nothing_from_other_hosts(self):
        """modeltranslation's tabs would fetch jQuery UI from a CDN: the vendored copy is used."""
        for admin_path in ADMIN_PATHS:
            with self.subTest(admin_path):
                response = self.client.get(admin_path.format(release=self.release.pk))
                assert response.status_code == 200
                document = html.fromstring(response.content)
                assets = document.xpath(
                    "//script/@src | //link[@rel='stylesheet']/@href | //img/@src"
                )
                assert assets
                external = [url for url in assets if re.match(r"^(https?:)?//", url)]
                assert external == []
                if "pressrelease" in admin_path:
                    assert any(url.endswith("vendor/jquery-ui/jquery-ui.min.js") for url in assets)
