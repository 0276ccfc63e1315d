"""A desk on a real temporary SQLite database with a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dost_desk.config import load_settings
from dost_desk.services.catalog import open_catalog, store_catalog_in_database
from dost_desk.services.desk import Desk
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock():
    # Monday 7 September 2026, 09:00 in Baku (UTC+4): no holiday in the next 30 working days.
    return FakeClock(datetime(2026, 9, 7, 5, 0, tzinfo=UTC))


@pytest.fixture
def desk_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


@pytest.fixture
def make_desk(desk_url, clock):
    desks = []

    def make(url: str | None = None, **settings) -> Desk:
        config = load_settings(
            centre_code=settings.pop("centre_code", "C123"),
            agent_name=settings.pop("agent_name", "Aygün Həsənova"),
            **settings,
        )
        desk = Desk(create_engine_for(url or desk_url), config, open_catalog(), clock)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()


@pytest.fixture
def desk(make_desk):
    return make_desk()
