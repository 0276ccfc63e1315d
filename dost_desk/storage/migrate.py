"""Schema migrations (Alembic), configured in code: no alembic.ini is needed at run time.

The migration scripts ship inside the package (``dost_desk/storage/migrations``). An
upgrade runs in ONE transaction on both databases, so a failure leaves the schema as
it was: PostgreSQL has transactional DDL, and on SQLite the engine emits a real BEGIN
(see :mod:`dost_desk.storage.engine`). A database stamped with a revision this version
does not know was upgraded by a newer DOST Desk: :class:`SchemaTooNew`, never a downgrade.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from dost_desk.storage.engine import (
    StorageError,
    create_engine_for,
    describe_database_error,
    parse_database_url,
    sqlite_file_path,
    storage_errors,
)
from dost_desk.url_secrets import masked_database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Any constant works; it keeps two counters from migrating one PostgreSQL database at once.
_PG_MIGRATION_LOCK = 0x0D057DE5


class MigrationError(StorageError):
    """The schema could not be brought to the requested revision (nothing was changed)."""


class SchemaTooNew(MigrationError):
    """The database was migrated by a newer DOST Desk; this version must not touch it."""


#: Change tracking that only the central PostgreSQL database has (migration 0006), not
#: the models: left out when the schema is compared with the models.
CENTRAL_ONLY_COLUMNS = frozenset({"change_xid"})
CENTRAL_ONLY_TABLES = frozenset({"sync_deletions"})


def include_in_comparison(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's ``include_object``: skip the central database's change tracking."""
    if type_ == "column" and name in CENTRAL_ONLY_COLUMNS:
        return False
    if type_ == "table" and name in CENTRAL_ONLY_TABLES:
        return False
    return not (type_ == "index" and (name or "").endswith("_change_xid"))


def schema_differences(connection: Connection, *, compare_server_default: bool) -> list[Any]:
    """What ``alembic revision --autogenerate`` would change: [] when the migrated schema
    equals the models (the central database's change tracking aside)."""
    from alembic.autogenerate import compare_metadata

    from dost_desk.models.base import Base

    context = MigrationContext.configure(
        connection,
        opts={
            "compare_type": True,
            "compare_server_default": compare_server_default,
            "include_object": include_in_comparison,
        },
    )
    with warnings.catch_warnings():
        # Reflection does not know xid8 (the change tracking, left out anyway).
        warnings.filterwarnings("ignore", "Did not recognize type 'xid8'")
        return compare_metadata(context, Base.metadata)


@dataclass(frozen=True, slots=True)
class UpgradeOutcome:
    """Revisions before and after an upgrade (``from_revision`` None: empty database)."""

    from_revision: str | None
    to_revision: str | None


def alembic_config(connection: Connection | None = None) -> Config:
    """Return an Alembic config for the bundled migrations; ``connection`` (if given) is
    the one ``env.py`` migrates, inside the caller's transaction."""
    config = Config()
    # configparser interpolation: a literal % in the path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """Return the newest revision this version of DOST Desk knows."""
    heads = _script_directory().get_heads()
    if len(heads) != 1:
        raise MigrationError(f"the bundled migrations have {len(heads)} heads, expected one")
    return heads[0]


def known_revisions() -> set[str]:
    """Return every revision id of the bundled migrations."""
    return {script.revision for script in _script_directory().walk_revisions()}


def current_revision(url: str) -> str | None:
    """Return the database's schema revision, or None when it has none (empty database).

    A SQLite file that does not exist is reported as None and is not created.
    """
    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file_path(parsed)
        if path is not None and not path.exists():
            return None
    engine = create_engine_for(url, poolclass=NullPool)
    try:
        with storage_errors(url), engine.connect() as connection:
            heads = MigrationContext.configure(connection).get_current_heads()
    finally:
        engine.dispose()
    return ",".join(sorted(heads)) if heads else None


@contextlib.contextmanager
def migration_connection(url: str) -> Iterator[Connection]:
    """Yield a connection inside the one transaction a migration runs in.

    SQLite: foreign keys are off while tables are rebuilt (batch mode) and checked before
    the commit; BEGIN IMMEDIATE takes the write lock up front. PostgreSQL: an advisory
    lock serialises concurrent upgrades. Driver errors become :class:`StorageError`.
    """
    parsed = parse_database_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    engine = create_engine_for(url, poolclass=NullPool)
    if is_sqlite:
        # Runs after the engine's own connect hook, outside any transaction (the only
        # place SQLite honours it); the NullPool connection is closed afterwards.
        event.listen(engine, "connect", _sqlite_foreign_keys_off)
    try:
        with storage_errors(url), engine.connect() as connection:
            if is_sqlite:
                connection = connection.execution_options(sqlite_begin_mode="IMMEDIATE")
            with connection.begin():
                if not is_sqlite:
                    lock = f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})"
                    connection.exec_driver_sql(lock)
                yield connection
                if is_sqlite:
                    _check_sqlite_foreign_keys(connection)
    finally:
        engine.dispose()


def _sqlite_foreign_keys_off(dbapi_connection: Any, connection_record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _check_sqlite_foreign_keys(connection: Connection) -> None:
    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if violations:
        table = violations[0][0]
        raise MigrationError(
            f"the migration would leave {len(violations)} broken foreign key reference(s) "
            f"(first in table {table!r}); nothing was changed"
        )


def upgrade_database(url: str, revision: str = "head") -> str:
    """Upgrade the schema to ``revision`` (default: the newest); return the resulting
    revision. Idempotent. Raises :class:`SchemaTooNew`, :class:`MigrationError`,
    :class:`~dost_desk.storage.engine.StorageUnavailable`, ..."""
    outcome = run_upgrade(url, revision)
    assert outcome.to_revision is not None
    return outcome.to_revision


def run_upgrade(url: str, revision: str = "head") -> UpgradeOutcome:
    """Like :func:`upgrade_database`, also reporting the revision found before."""
    parsed = parse_database_url(url)
    new_file = None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file_path(parsed)
        if path is not None and not path.exists():
            new_file = path
    script = _script_directory()
    succeeded = False
    try:
        with migration_connection(url) as connection:
            before = MigrationContext.configure(connection).get_current_heads()
            _refuse_unknown(before, script, url)
            try:
                command.upgrade(alembic_config(connection), revision)
            except (CommandError, RevisionError) as error:
                raise MigrationError(
                    f"cannot upgrade the database at {masked_database_url(url)} "
                    f"to {revision!r}: {error}"
                ) from None
            except StorageError:
                raise
            except Exception as error:
                # A failing migration script: one line for the user, the chain for logs.
                if isinstance(error, DBAPIError):
                    reason = describe_database_error(error, url)
                else:
                    where = masked_database_url(url)
                    reason = f"{where}: {type(error).__name__}: {_first_line(error)}"
                raise MigrationError(
                    f"the upgrade to {revision!r} failed and was rolled back: {reason}"
                ) from error
            after = MigrationContext.configure(connection).get_current_heads()
        succeeded = True
    finally:
        if new_file is not None and not succeeded:
            _remove_sqlite_file(new_file)
    return UpgradeOutcome(
        from_revision=",".join(sorted(before)) or None,
        to_revision=",".join(sorted(after)) or None,
    )


def _refuse_unknown(revisions: tuple[str, ...], script: ScriptDirectory, url: str) -> None:
    known = {item.revision for item in script.walk_revisions()}
    unknown = sorted(set(revisions) - known)
    if unknown:
        heads = ", ".join(script.get_heads())
        raise SchemaTooNew(
            f"the database at {masked_database_url(url)} has schema revision "
            f"{', '.join(unknown)}, which this version of DOST Desk does not know (its "
            f"newest is {heads}); it was upgraded by a newer DOST Desk: update this "
            "installation; the database was not changed"
        )


def _remove_sqlite_file(path: Path) -> None:
    """Remove a database file this upgrade created before failing (and its WAL files)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            candidate.unlink(missing_ok=True)


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
