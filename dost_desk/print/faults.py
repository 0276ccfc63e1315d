"""Crash points for tests: ``DOST_TEST_FAULT_PRINT=<stage>`` kills the process (SIGKILL)
when a print reaches that stage, so a test can prove that a kill -9 at any point of a
print converges on the next one. Unset (always, outside tests) it does nothing."""

from __future__ import annotations

import os
import signal

FAULT_VARIABLE = "DOST_TEST_FAULT_PRINT"

# rendered → written (temporary file on disk) → delivered (renamed over the target or
# sent to the printer) → archived (the archive row committed)
STAGES = ("rendered", "written", "delivered", "archived")


def fault_point(stage: str) -> None:
    """Die here, as a kill -9 would, when the test asked for ``stage``."""
    if os.environ.get(FAULT_VARIABLE) == stage:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
