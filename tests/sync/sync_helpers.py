"""What the sync tests compare: a synced table's rows, the unpushed outbox, the central
database against the desk."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from dost_desk.models.base import Base
from dost_desk.models.sync_tables import OutboxEntry
from dost_desk.sync.outbox import SYNCED_TABLES


def rows(engine: Engine, name: str, columns: tuple[str, ...] | None = None) -> list[tuple]:
    """The rows of a synced table in key order (status_history without its local id)."""
    table = Base.metadata.tables[name]
    key = "uuid" if name == "status_history" else "id"
    selected = (
        [table.c[c] for c in columns]
        if columns
        else [c for c in table.columns if not (name == "status_history" and c.name == "id")]
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(*selected).order_by(table.c[key]))]


def unpushed(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).where(OutboxEntry.pushed_at.is_(None)))


def assert_central_equals_local(desk, upstream: Engine) -> None:
    """Every synced table equal centrally, row for row; status_history uuids unique."""
    for name in SYNCED_TABLES:
        assert rows(upstream, name) == rows(desk.engine, name), name
    history = Base.metadata.tables["status_history"]
    with upstream.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(history))
        distinct = connection.scalar(select(func.count(func.distinct(history.c.uuid))))
    assert total == distinct == len(rows(desk.engine, "status_history"))
