"""Open the centre's workspace at start-up: settings, catalog, database (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass

from dost_desk.config import Settings, effective_database_url, load_settings, masked_database_url
from dost_desk.services.catalog import open_catalog


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    centre_code: str
    centre_name: str
    centre_category: str
    database_label: str
    passport_count: int
    database_error: str | None = None


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
    from sqlalchemy.orm import Session

    from dost_desk.storage.engine import StorageError, create_engine_for, storage_errors
    from dost_desk.storage.migrate import run_upgrade
    from dost_desk.storage.passport_store import store_passports

    settings = settings or load_settings()
    catalog = open_catalog()
    url = effective_database_url(settings)
    error = None
    label = masked_database_url(url)
    try:
        label = describe_database(url)
        run_upgrade(url)
        engine = create_engine_for(url)
        try:
            with storage_errors(url), Session(engine) as session:
                store_passports(session, catalog.passports, catalog.sources)
                session.commit()
        finally:
            engine.dispose()
    except StorageError as failure:
        error = str(failure)
    return WorkspaceInfo(
        centre_code=settings.centre_code,
        centre_name=settings.centre_name,
        centre_category=str(settings.centre_category),
        database_label=label,
        passport_count=len(catalog),
        database_error=error,
    )
