"""Bounded load for the fault and front tests and the serving benchmark: threads that record
every answer by phase, and wrk (a separate process, for heavier load) with its figures parsed."""

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path


class Load:
    """A bounded load generator: ``clients`` threads cycling through ``paths`` on one port.

    Every answer is recorded as (phase, path, status, seconds, X-Page-Cache);
    status 0 means no HTTP answer at all (refused, reset, timed out). Requests
    that start in one phase and end in the next are counted in neither.
    """

    def __init__(self, port, paths, clients=4, timeout=5):
        self.port = port
        self.paths = paths
        self.timeout = timeout
        self.phase = "start"
        self.records = []
        self.lock = threading.Lock()
        self.running = True
        self.threads = [
            threading.Thread(target=self._client, args=(number,), daemon=True)
            for number in range(clients)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)

    def _client(self, number):
        conn = None
        step = number
        while self.running:
            path = self.paths[step % len(self.paths)]
            step += 1
            phase = self.phase
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                record = (phase, path, response.status, time.perf_counter() - started,
                          response.getheader("X-Page-Cache"))  # fmt: skip
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                record = (phase, path, 0, time.perf_counter() - started, None)
                if conn is not None:
                    conn.close()
                conn = None
            if self.phase != phase:
                continue  # straddles two phases: it belongs to neither
            with self.lock:
                self.records.append(record)

    def begin(self, phase):
        """Label the requests started from now on (set it before injecting the fault)."""
        self.phase = phase

    def during(self, phase, seconds):
        self.phase = phase
        time.sleep(seconds)

    def phase_of(self, phase, change, seconds):
        """Label ``phase``, then make the ``change`` (a fault or its repair), then wait."""
        self.begin(phase)
        change()
        self.during(phase, seconds)

    def of(self, phase, path=None):
        with self.lock:
            return [r for r in self.records if r[0] == phase and (path is None or r[1] == path)]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


WRK = shutil.which("wrk") or "/usr/bin/wrk"
WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}
# A wrk script that cycles through several paths on one connection pool.
WRK_ROTATE = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def _to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:  # "-nan" when nothing answered
        return float("inf")
    number, unit = match.groups()
    return float(number) * WRK_UNITS[unit]


def wrk(port, paths, seconds, connections=16, threads=2):
    """Load ``paths`` (one or several, in turn) with wrk; requests/s, p50/p99 ms and errors."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    with tempfile.TemporaryDirectory(prefix="tas-wrk-") as folder:
        if len(paths) > 1:
            script = Path(folder) / "rotate.lua"
            script.write_text(WRK_ROTATE % ", ".join(f'"{path}"' for path in paths))
            command += ["-s", str(script)]
        command.append(f"http://127.0.0.1:{port}{paths[0]}")
        out = subprocess.run(  # noqa: S603 (fixed arguments)
            command, capture_output=True, text=True, check=True, timeout=seconds + 60
        ).stdout
    if "Requests/sec" not in out:
        raise RuntimeError(f"wrk printed no results:\n{out}")
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    socket_errors = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
    if match := re.search(socket_errors, out):
        errors += sum(int(n) for n in match.groups())
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The "Latency Distribution" lines; "Thread Stats" has percentages too.
        "p50": _to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99": _to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "errors": errors,
    }
