"""Open the centre's workspace at start-up: settings, catalog, database (Qt-free)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dost_desk.config import Settings, effective_database_url, load_settings
from dost_desk.services.catalog import (
    effective_catalog,
    open_catalog,
    store_catalog_in_database,
)
from dost_desk.url_secrets import masked_database_url

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    centre_code: str
    centre_name: str
    centre_category: str
    database_label: str
    passport_count: int
    database_error: str | None = None
    desk: Desk | None = field(default=None, compare=False)  # None when the database failed
    drafts: tuple[str, ...] = ()  # unfinished applications to reopen (e.g. after a crash)
    # A networked desk whose server did not answer: worth trying again (not a bad config).
    server_unreachable: bool = False


def describe_database(url: str) -> str:
    """A short, password-free label: the SQLite file path or PostgreSQL host/database."""
    from dost_desk.storage.engine import parse_database_url

    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite {parsed.database or ':memory:'}"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL {parsed.host or 'localhost'}{port}/{parsed.database or ''}"


def open_workspace(settings: Settings | None = None) -> WorkspaceInfo:
    """Load the catalog, migrate the database and store the passports in it.

    Raises ConfigError or CatalogError (nothing can be shown); a database failure is
    reported in ``database_error`` so the catalog can still be browsed.
    """
    from dost_desk.services.backups import default_backups_dir, upgrade_with_backup
    from dost_desk.services.checks import rerun_deferred_checks
    from dost_desk.services.desk import Desk
    from dost_desk.services.intake import open_drafts
    from dost_desk.storage.engine import StorageError, StorageUnavailable, create_engine_for
    from dost_desk.storage.files import secure_data_dir_logged

    settings = settings or load_settings()
    secure_data_dir_logged(settings.data_dir)  # an install from before 0700/0600, too
    catalog = open_catalog()
    url = effective_database_url(settings)
    error = None
    desk = None
    drafts: tuple[str, ...] = ()
    unreachable = False
    label = masked_database_url(url)
    try:
        label = describe_database(url)
        upgrade_with_backup(url, backups_dir=default_backups_dir(settings))
        engine = create_engine_for(url)
        try:
            store_catalog_in_database(engine, catalog)
            catalog = effective_catalog(engine, catalog)  # with passports published centrally
            desk = Desk(engine, settings, catalog)
            _write_through_kept_drafts(desk)
            drafts = tuple(open_drafts(desk))
            rerun_deferred_checks(desk)  # the link may be back since the last start
        except StorageError:
            engine.dispose()
            raise
    except StorageError as failure:
        error = str(failure)
        unreachable = isinstance(failure, StorageUnavailable) and _networked(url)
    return WorkspaceInfo(
        centre_code=settings.centre_code or "",  # the GUI asks for it before
        centre_name=settings.centre_name,
        centre_category=str(settings.centre_category),
        database_label=label,
        passport_count=len(catalog),
        database_error=error,
        desk=desk,
        drafts=drafts,
        server_unreachable=unreachable,
    )


def reopen_workspace() -> WorkspaceInfo:
    """:func:`open_workspace` for a desk that waits for its server: raises
    :class:`~dost_desk.storage.engine.StorageUnavailable` while it is still unreachable."""
    from dost_desk.storage.engine import StorageUnavailable

    info = open_workspace()
    if info.server_unreachable:
        raise StorageUnavailable(info.database_error or "the server does not answer")
    return info


def _networked(url: str) -> bool:
    from dost_desk.storage.engine import StorageError, parse_database_url

    try:
        return parse_database_url(url).get_backend_name() != "sqlite"
    except StorageError:
        return False


def _write_through_kept_drafts(desk) -> None:
    """Drafts a networked desk kept on this computer in an earlier run (the server was
    away) reach the server before they are reopened; while it is still away they stay
    kept, and the window keeps trying."""
    from dost_desk.services.local_drafts import pending_local_drafts, write_through
    from dost_desk.storage.engine import StorageError

    if desk.engine.dialect.name == "sqlite" or not pending_local_drafts(desk.settings):
        return
    with contextlib.suppress(StorageError):
        write_through(desk)
