"""`make serve` runs production's app server with the production settings on HOST:PORT."""

import os
import shutil
import subprocess
from unittest import skipIf

from django.test import SimpleTestCase

from tests.harness import BASE_DIR


@skipIf(shutil.which("make") is None, "needs make")
class ServeCommandTests(SimpleTestCase):
    def test_make_serve_runs_granian_on_host_and_port_with_production_settings(self):
        # Run from `make test` too: the outer make's variables must not leak in.
        env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
        argv = ["make", "--no-print-directory", "-n", "serve", "HOST=127.0.0.9", "PORT=8123",
                "WEB_CONCURRENCY=3"]  # fmt: skip
        done = subprocess.run(  # noqa: S603
            argv,
            cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        command = " ".join(done.stdout.replace("\\\n", " ").split())
        self.assertIn("tas_site.settings.prod", command)
        self.assertIn("granian --interface wsgi --host 127.0.0.9 --port 8123 --workers 3", command)
        self.assertRegex(command, r"granian [^;]* tas_site\.wsgi:application")
