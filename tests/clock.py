"""Move every clock in tests (``timezone.now()``, ``datetime.now()``, ``time.time()``).

``frozen_at(moment)`` stops time at ``moment`` (an aware datetime) for the block, with
time-machine: a test that says 23:30 UTC means 00:30 in Paris, whatever the hour it runs.
"""

import time_machine


def frozen_at(moment):
    """A context manager (or decorator) that holds the clock at ``moment``."""
    return time_machine.travel(moment, tick=False)
