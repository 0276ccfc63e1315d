"""A sync run in a child process that SIGKILLs itself at a named phase (the tests of
tests/sync wrap one function of the sync there): ``python killed_sync.py DESK_URL
UPSTREAM_URL PHASE CENTRE``."""

import os
import signal
import sys

import dost_desk.services.outcome as outcome
import dost_desk.services.sync as service
import dost_desk.sync.pull as pull
import dost_desk.sync.push as push
from dost_desk.config import load_settings
from dost_desk.models.base import utc_now
from dost_desk.services.catalog import open_catalog
from dost_desk.services.desk import Desk
from dost_desk.storage.engine import create_engine_for

desk_url, upstream_url, phase, centre = sys.argv[1:5]
desk = Desk(
    create_engine_for(desk_url),
    load_settings(centre_code=centre, agent_name="Aygun Hasanova"),
    open_catalog(),
    utc_now,
)


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def wrap(module, name, before=False, after=False, on_call=None):
    original = getattr(module, name)
    calls = [0]

    def wrapped(*args, **kwargs):
        calls[0] += 1
        if before or calls[0] == on_call:
            die()
        result = original(*args, **kwargs)
        if after:
            die()
        return result

    setattr(module, name, wrapped)


if phase == "push":  # a batch committed upstream, its acknowledgement not yet local
    wrap(push, "_acknowledge", on_call=2)
elif phase == "pull":  # the pull read and applied, its local transaction not committed
    wrap(pull, "_set_facts", before=True)
elif phase == "after-pull":  # the pull committed, the follow-up not begun
    wrap(service, "pull_changes", after=True)
elif phase == "after-renumber":  # new numbers committed here, nothing pushed yet
    wrap(service, "renumber_clashing_applications", after=True)
elif phase == "follow-up":  # some applications moved to ready, the others not yet
    wrap(outcome, "change_status", on_call=3)
service.sync_with_upstream(desk, upstream_url, batch_size=5)
print("the sync finished without being killed", flush=True)
