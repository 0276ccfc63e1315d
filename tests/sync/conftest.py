"""An upstream PostgreSQL with the schema, for the sync tests."""

from __future__ import annotations

import pytest

from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade


@pytest.fixture
def upstream_url(pg_empty_url: str) -> str:
    run_upgrade(pg_empty_url)
    return pg_empty_url


@pytest.fixture
def upstream(upstream_url: str):
    engine = create_engine_for(upstream_url)
    yield engine
    engine.dispose()
