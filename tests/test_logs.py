"""JSON log lines with a request id; the Sentry wiring of the production settings."""

import json
import logging
import os
import subprocess
import sys

from django.test import SimpleTestCase, TestCase

from tas_site.logs import JsonFormatter, json_logging
from tests.harness import BASE_DIR as ROOT


class RequestLogTests(TestCase):
    def test_one_access_line_per_request_with_id_method_path_status_duration(self):
        with self.assertLogs("tas_site.access", "INFO") as logs:
            response = self.client.get("/en/press-releases", HTTP_X_REQUEST_ID="proxy-id-1234")
        self.assertEqual(response["X-Request-ID"], "proxy-id-1234")
        [record] = logs.records
        self.assertEqual(
            (record.method, record.path, record.status), ("GET", "/en/press-releases", 200)
        )
        self.assertGreater(record.duration_ms, 0)
        line = json.loads(JsonFormatter().format(record))
        self.assertEqual(line["status"], 200)
        self.assertEqual(line["logger"], "tas_site.access")

    def test_an_unusable_request_id_is_replaced(self):
        with self.assertLogs("tas_site.access", "INFO"):
            response = self.client.get("/en", HTTP_X_REQUEST_ID="<script>")
        self.assertRegex(response["X-Request-ID"], r"^[0-9a-f]{32}$")


class JsonFormatterTests(SimpleTestCase):
    def test_an_error_is_one_json_line_with_its_traceback(self):
        try:
            raise ValueError("broken")
        except ValueError:
            record = logging.LogRecord(
                "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
                ("/en",), sys.exc_info(),
            )  # fmt: skip
        text = JsonFormatter().format(record)
        self.assertNotIn("\n", text)
        line = json.loads(text)
        self.assertEqual(line["message"], "Internal Server Error: /en")
        self.assertIn("ValueError: broken", line["exc"])
        self.assertEqual(line["level"], "ERROR")

    def test_production_logging_writes_json_to_stdout(self):
        config = json_logging("WARNING")
        self.assertEqual(config["handlers"]["stdout"]["stream"], "ext://sys.stdout")
        self.assertEqual(config["loggers"]["tas_site.access"]["level"], "INFO")


class SentryTests(SimpleTestCase):
    def settings_check(self, **extra):
        env = {name: value for name, value in os.environ.items() if name != "SENTRY_DSN"}
        env.update(DJANGO_SETTINGS_MODULE="tas_site.settings.prod", SECRET_KEY="x" * 50,
                   ALLOWED_HOSTS="example.com", DATABASE_URL="sqlite:////tmp/unused.sqlite3",
                   **extra)  # fmt: skip
        code = (
            "import django; django.setup(); import sentry_sdk; "
            "print(sentry_sdk.get_client().is_active())"
        )
        done = subprocess.run(  # noqa: S603 (fixed arguments)
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.strip()

    def test_sentry_is_wired_only_when_a_dsn_is_set(self):
        self.assertEqual(self.settings_check(), "False")
        self.assertEqual(self.settings_check(SENTRY_DSN="https://key@127.0.0.1:9/1"), "True")
