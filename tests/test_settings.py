import os
import subprocess
import sys

from django.test import SimpleTestCase

from tests.harness import BASE_DIR as ROOT


def run_prod_check(**env):
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}  # fmt: skip
    environment.update(DJANGO_SETTINGS_MODULE="tas_site.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


class ProductionSettingsTests(SimpleTestCase):
    def test_production_refuses_to_start_without_secret_key(self):
        result = run_prod_check(ALLOWED_HOSTS="example.org", DATABASE_URL="sqlite:///:memory:")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY is not set", result.stderr)

    def test_production_refuses_to_start_without_allowed_hosts(self):
        result = run_prod_check(SECRET_KEY="x" * 50, DATABASE_URL="sqlite:///:memory:")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ALLOWED_HOSTS is not set", result.stderr)

    def test_production_starts_with_its_environment_and_debug_off(self):
        result = run_prod_check(
            SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org", DATABASE_URL="sqlite:///:memory:"
        )
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_prod_settings_never_enable_debug(self):
        source = (ROOT / "tas_site" / "settings" / "prod.py").read_text()
        self.assertIn("DEBUG = False", source)
        self.assertNotIn("DEBUG = True", (ROOT / "tas_site" / "settings" / "base.py").read_text())
