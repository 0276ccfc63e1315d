"""Alembic environment of DOST Desk.

Two ways in:

* the application (:mod:`dost_desk.storage.migrate`) passes an open connection, already
  inside its transaction, as ``config.attributes["connection"]``;
* a developer runs ``alembic`` from the repository root (``alembic.ini``); the database
  URL is ``sqlalchemy.url`` if set, else ``$DOST_DESK_DATABASE_URL``, else the configured
  DOST Desk database.
"""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from dost_desk.models import (
    followup_tables,  # noqa: F401
    tables,  # noqa: F401  (registers the tables on Base.metadata)
)
from dost_desk.models.base import Base
from dost_desk.storage.migrate import include_in_comparison

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DOST_DESK_DATABASE_URL")
    if url:
        return url
    from dost_desk.config import effective_database_url, load_settings

    return effective_database_url(load_settings())


def _options(dialect_name: str) -> dict[str, object]:
    is_sqlite = dialect_name == "sqlite"
    return {
        "target_metadata": target_metadata,
        # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
        "render_as_batch": is_sqlite,
        "compare_type": True,
        # SQLite reflects server defaults loosely ('' vs "''"): false alarms there.
        "compare_server_default": not is_sqlite,
        # One transaction for the whole upgrade; the engine makes SQLite DDL transactional.
        "transaction_per_migration": False,
        "transactional_ddl": True,
        "include_object": include_in_comparison,
    }


def _run(connection: Connection) -> None:
    context.configure(connection=connection, **_options(connection.dialect.name))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """``alembic upgrade --sql``: write the SQL instead of running it."""
    url = _database_url()
    dialect_name = url.split(":", 1)[0].split("+", 1)[0]
    context.configure(
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_options(dialect_name),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from dost_desk.storage.migrate import migration_connection

    with migration_connection(_database_url()) as own_connection:
        _run(own_connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
