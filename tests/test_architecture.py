"""The apps' layers (README, "Architecture") hold, and lint-imports notices when they break."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

BASE_DIR = Path(__file__).resolve().parents[1]
PACKAGES = ["tas_site", "legacy", "press", "navigation", "media_styles"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder):
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(  # noqa: S603 (our own venv's lint-imports on a copy of our code)
        [str(LINT_IMPORTS), "--config", str(folder / "pyproject.toml"), "--no-cache"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class LayersTests(SimpleTestCase):
    def copy_of_the_project(self):
        folder = Path(tempfile.mkdtemp(prefix="tas-layers-"))
        self.addCleanup(shutil.rmtree, folder)
        shutil.copy(BASE_DIR / "pyproject.toml", folder)
        for package in PACKAGES:
            shutil.copytree(
                BASE_DIR / package, folder / package, ignore=shutil.ignore_patterns("__pycache__")
            )
        return folder

    def test_the_project_keeps_its_layers(self):
        result = lint_imports(self.copy_of_the_project())
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("KEPT", result.stdout)

    def test_an_upward_import_breaks_the_contract(self):
        folder = self.copy_of_the_project()
        (folder / "navigation" / "upward.py").write_text("from press.models import PressRelease\n")
        result = lint_imports(folder)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("BROKEN", result.stdout)
        self.assertIn("navigation.upward -> press.models", result.stdout)
