"""A local (offline) desk on a real temporary SQLite database with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dost_desk.config import load_settings
from dost_desk.services.catalog import open_catalog, store_catalog_in_database
from dost_desk.services.desk import Desk
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade

# Monday 7 September 2026, 09:00 in Baku: the demo's last 60 days are ordinary.
NOW = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)


@pytest.fixture
def desk_url(tmp_path):
    url = f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


@pytest.fixture
def desk(desk_url):
    settings = load_settings(centre_code="C123", agent_name="Aygün Həsənova")
    desk = Desk(create_engine_for(desk_url), settings, open_catalog(), lambda: NOW)
    yield desk
    desk.close()
