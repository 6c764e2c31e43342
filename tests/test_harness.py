"""tests/harness.py: servers start, answer, show their log when they fail, and always stop."""

import sys
import time

from django.test import SimpleTestCase

from tests.harness import (
    ServerError,
    fetch,
    free_port,
    port_open,
    running_process,
    stop,
)
from tests.mixins import TempDirMixin

PYTHON = sys.executable


class RunningProcessTests(TempDirMixin, SimpleTestCase):
    def test_serves_until_the_block_ends_then_stops(self):
        port = free_port()
        (self.tmp_path / "hello.txt").write_text("hello")
        argv = [PYTHON, "-m", "http.server", port, "--bind", "127.0.0.1"]
        url = f"http://127.0.0.1:{port}/hello.txt"
        with running_process(argv, cwd=self.tmp_path, url=url) as process:
            status, _, body = fetch(port, "/hello.txt")
            self.assertEqual((status, body), (200, "hello"))
        self.assertIsNotNone(process.poll())
        self.assertFalse(port_open(port))

    def test_a_command_that_dies_shows_the_tail_of_its_log(self):
        argv = [PYTHON, "-c", "print('starting'); print('bad config: no such file'); exit(3)"]
        with (
            self.assertRaises(ServerError) as raised,
            running_process(argv, port=free_port(), timeout=10),
        ):
            self.fail("never ready")
        message = str(raised.exception)
        self.assertIn("exited with status 3", message)
        self.assertIn("bad config: no such file", message)

    def test_a_command_that_never_listens_times_out_with_the_tail_of_its_log(self):
        log = self.tmp_path / "quiet.log"
        argv = [PYTHON, "-c", "import time; print('waiting', flush=True); time.sleep(60)"]
        started = time.monotonic()
        with (
            self.assertRaisesMessage(ServerError, "not ready within 1 s") as raised,
            running_process(argv, port=free_port(), timeout=1, log=log),
        ):
            self.fail("never ready")
        self.assertLess(time.monotonic() - started, 30)
        self.assertIn("waiting", str(raised.exception))  # the log's tail

    def test_stop_kills_what_ignores_sigterm(self):
        code = (
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('ready', flush=True); time.sleep(60)"
        )
        log = self.tmp_path / "stubborn.log"
        with running_process([PYTHON, "-c", code], log=log, grace=0.5) as process:
            while "ready" not in log.read_text():
                time.sleep(0.05)
        self.assertEqual(process.returncode, -9)
        stop(process)  # stopping twice is harmless
