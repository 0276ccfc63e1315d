"""Two desks with one centre code (a reinstalled PC beside the old one): two SQLite files,
one central PostgreSQL. Neither sync is blocked, no registration number is duplicated
centrally, no application is lost; the later desk's clashing applications get new
numbers (history kept, the supervisor told), and a desk learns the highest central number
of its centre at its first sync."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_helpers import rows, unpushed

from dost_desk.models.followup_tables import SupervisorItem
from dost_desk.models.tables import Application, StatusChange
from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.sync import sync_with_upstream
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade
from dost_desk.storage.unit_of_work import UnitOfWork

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

CENTRE = "C555"
KILLED_SYNC = Path(__file__).with_name("killed_sync.py")


def _desk(make_desk, path: Path):
    url = f"sqlite:///{path}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return make_desk(url=url, centre_code=CENTRE)


def _numbers(engine) -> dict[str, str]:
    return {
        key: number
        for key, number in rows(engine, "applications", ("id", "registration_number"))
        if number is not None
    }


def _clash_items(desk) -> list[str]:
    with UnitOfWork(desk.engine, write=False) as uow:
        return list(
            uow.session.scalars(
                select(SupervisorItem.detail).where(SupervisorItem.reason == "registration_clash")
            )
        )


def test_two_desks_with_one_centre_code_both_sync_and_no_number_is_used_twice(
    make_desk, upstream_url, upstream, tmp_path
):
    old = _desk(make_desk, tmp_path / "old-pc.sqlite3")
    new = _desk(make_desk, tmp_path / "new-pc.sqlite3")
    create_demo_applications(old, 20, seed=31)
    create_demo_applications(new, 15, seed=32)
    before_old, before_new = _numbers(old.engine), _numbers(new.engine)
    assert set(before_old.values()) & set(before_new.values())  # they clash

    sync_with_upstream(old, upstream_url)
    summary = sync_with_upstream(new, upstream_url)

    central = _numbers(upstream)
    assert len(central) == len(set(central.values())) == len(before_old) + len(before_new)
    assert {key: central[key] for key in before_old} == before_old  # the first desk keeps its
    renumbered = {key for key in before_new if central[key] != before_new[key]}
    assert renumbered == {key for key, n in before_new.items() if n in before_old.values()}
    assert summary.renumbered == tuple(sorted(before_new[key] for key in renumbered))
    highest = max(int(number.rsplit("-", 1)[1]) for number in before_old.values())
    for key in renumbered:
        assert int(central[key].rsplit("-", 1)[1]) > highest
        assert _numbers(new.engine)[key] == central[key]
    # History kept: the old number is in the application's history and told the supervisor.
    items = _clash_items(new)
    assert len(items) == len(renumbered)
    with UnitOfWork(new.engine, write=False) as uow:
        for key in renumbered:
            notes = uow.session.scalars(
                select(StatusChange.note).where(StatusChange.application_id == key)
            ).all()
            assert any(before_new[key] in (note or "") and central[key] in note for note in notes)
    assert all(CENTRE in item and "reprint" in item for item in items)

    # Nothing blocked, nothing waiting, nothing lost, both sides again.
    for desk in (old, new, old, new):
        again = sync_with_upstream(desk, upstream_url)
        assert again.push.pushed == 0 or desk is old
        assert unpushed(desk.engine) == 0
    with upstream.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Application)) == 35

    # The old desk works on; the new one learns its numbers at its next sync and continues
    # after them without a clash.
    create_demo_applications(old, 5, seed=33)
    sync_with_upstream(old, upstream_url)
    sync_with_upstream(new, upstream_url)
    create_demo_applications(new, 5, seed=34)
    after = sync_with_upstream(new, upstream_url)
    assert after.renumbered == ()
    central = _numbers(upstream)
    assert (
        len(central)
        == len(set(central.values()))
        == len(_numbers(old.engine))
        + len(_numbers(new.engine))
        - len(set(_numbers(old.engine)) & set(_numbers(new.engine)))
    )


def test_a_reinstalled_desk_learns_the_highest_central_number_at_its_first_sync(
    make_desk, upstream_url, upstream, tmp_path
):
    old = _desk(make_desk, tmp_path / "old-pc.sqlite3")
    create_demo_applications(old, 20, seed=41)
    sync_with_upstream(old, upstream_url)
    highest = max(int(number.rsplit("-", 1)[1]) for number in _numbers(old.engine).values())

    new = _desk(make_desk, tmp_path / "new-pc.sqlite3")
    sync_with_upstream(new, upstream_url)
    create_demo_applications(new, 10, seed=42)
    summary = sync_with_upstream(new, upstream_url)

    assert summary.renumbered == ()
    mine = _numbers(new.engine)
    assert min(int(number.rsplit("-", 1)[1]) for number in mine.values()) == highest + 1
    central = _numbers(upstream)
    assert len(central) == len(set(central.values())) == len(_numbers(old.engine)) + len(mine)
    assert _clash_items(new) == []


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["after-renumber", "push"])
def test_a_renumbering_sync_killed_is_completed_by_the_next_one(
    phase, make_desk, upstream_url, upstream, tmp_path
):
    old = _desk(make_desk, tmp_path / "old-pc.sqlite3")
    new = _desk(make_desk, tmp_path / "new-pc.sqlite3")
    create_demo_applications(old, 10, seed=51)
    create_demo_applications(new, 10, seed=52)
    sync_with_upstream(old, upstream_url)
    clashing = set(_numbers(new.engine).values()) & set(_numbers(old.engine).values())
    assert clashing

    process = subprocess.run(
        [sys.executable, str(KILLED_SYNC), str(new.engine.url), upstream_url, phase, CENTRE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == -signal.SIGKILL, process.stdout + process.stderr
    summary = sync_with_upstream(new, upstream_url)

    assert summary.renumbered == ()  # done once, by the killed sync, and kept
    assert len(_clash_items(new)) == len(clashing)
    assert unpushed(new.engine) == 0
    central = _numbers(upstream)
    assert len(central) == len(set(central.values()))
    assert central == _numbers(old.engine) | _numbers(new.engine)
