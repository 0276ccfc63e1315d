"""Orders changed twice: four agents completing one order at once on PostgreSQL (threads,
each with its own connection), and `orders done` on an order a killed sync left done while
its application still waits."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, update

from dost_desk.cli import main
from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.tables import Application, StatusChange
from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.intake_dto import IntakeRuleBroken
from dost_desk.services.orders import complete_order
from dost_desk.storage.unit_of_work import UnitOfWork

pytestmark = pytest.mark.slow  # real processes; CI runs it, the fast set does not

AGENTS = 4


def _ordered(desk, limit: int) -> list[str]:
    with UnitOfWork(desk.engine, write=False) as uow:
        return list(
            uow.session.scalars(
                select(Application.registration_number)
                .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
                .where(BackOfficeOrder.status == "open", Application.status == "ordered")
                .order_by(Application.registration_number)
                .limit(limit)
            )
        )


def _history(desk, number: str) -> list[tuple[str, str, str | None]]:
    with UnitOfWork(desk.engine, write=False) as uow:
        return [
            tuple(row)
            for row in uow.session.execute(
                select(StatusChange.to_status, StatusChange.actor, StatusChange.note)
                .join(Application, Application.id == StatusChange.application_id)
                .where(Application.registration_number == number)
                .order_by(StatusChange.id)
            )
        ]


def _race(desks, number: str) -> dict[int, object]:
    barrier = threading.Barrier(len(desks))
    outcomes: dict[int, object] = {}

    def agent(index: int) -> None:
        barrier.wait(timeout=30)
        try:
            outcomes[index] = complete_order(desks[index], number, reference=f"REF-{index}")
        except Exception as error:  # the test looks at what each one got
            outcomes[index] = error

    threads = [threading.Thread(target=agent, args=(i,)) for i in range(len(desks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


@pytest.mark.postgres
def test_four_parallel_orders_done_exactly_one_wins_and_the_history_names_it(
    make_desk, upstream_url
):
    setup = make_desk(upstream_url)
    store_catalog_in_database(setup.engine)
    create_demo_applications(setup, 40, seed=91)
    desks = [make_desk(upstream_url, agent_name=f"Agent {i}") for i in range(AGENTS)]
    numbers = _ordered(setup, 6)
    assert len(numbers) == 6

    for number in numbers:
        outcomes = _race(desks, number)

        won = [i for i, got in outcomes.items() if not isinstance(got, Exception)]
        assert len(won) == 1, (number, outcomes)
        (winner,) = won
        for index, got in outcomes.items():
            if index != winner:
                assert isinstance(got, IntakeRuleBroken), got
                assert "is done already" in str(got) and f"REF-{winner}" in str(got)
                assert f"Agent {winner}" in str(got)
        ready = [row for row in _history(setup, number) if row[0] == "ready"]
        assert [(status, actor) for status, actor, _ in ready] == [("ready", f"Agent {winner}")]
        assert ready[0][2].endswith(f"order done: REF-{winner}")
        with UnitOfWork(setup.engine, write=False) as uow:
            order = uow.session.scalar(
                select(BackOfficeOrder)
                .join(Application, Application.id == BackOfficeOrder.application_id)
                .where(Application.registration_number == number)
            )
        assert (order.status, order.reference) == ("done", f"REF-{winner}")


def test_orders_done_repairs_an_order_done_whose_application_still_waits(
    desk, desk_url, capsys, monkeypatch
):
    """What a sync killed between its pull and its follow-up used to leave behind."""
    create_demo_applications(desk, 30, seed=92)
    first, second = _ordered(desk, 2)
    with UnitOfWork(desk.engine) as uow:
        ids = uow.session.scalars(
            select(Application.id).where(Application.registration_number.in_([first, second]))
        ).all()
        uow.session.execute(
            update(BackOfficeOrder)
            .where(BackOfficeOrder.application_id.in_(ids))
            .values(status="done", reference="DSMF-9")
        )
        uow.commit()

    view = complete_order(desk, first, reference="DSMF-9")

    assert (view.status, view.application_status) == ("done", "ready")
    status, _actor, note = _history(desk, first)[-1]
    assert status == "ready" and note.endswith("order done: DSMF-9")
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", desk.centre_code)
    assert main(["orders", "done", second, "--reference", "DSMF-9", "--url", desk_url]) == 0
    assert capsys.readouterr().err == ""
    assert _history(desk, second)[-1][0] == "ready"
    # Done and ready now: a second `orders done` says so.
    with pytest.raises(IntakeRuleBroken, match="is done already"):
        complete_order(desk, first, reference="DSMF-9")
