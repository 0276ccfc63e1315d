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


@pytest.fixture
def synced(desk, upstream_url):
    """A local desk with 40 demo applications, synced once."""
    from dost_desk.services.demo import create_demo_applications
    from dost_desk.services.sync import sync_with_upstream

    create_demo_applications(desk, 40, seed=21)
    sync_with_upstream(desk, upstream_url)
    return desk
