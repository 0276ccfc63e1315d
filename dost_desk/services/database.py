"""Database administration actions (Qt-free): upgrade the schema, report its revision."""

from __future__ import annotations

from dataclasses import dataclass

from dost_desk.config import effective_database_url, load_settings
from dost_desk.url_secrets import masked_database_url


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What ``upgrade_database`` did; ``from_revision`` is None for an empty database."""

    url_masked: str
    from_revision: str | None
    to_revision: str

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


@dataclass(frozen=True, slots=True)
class DatabaseRevision:
    """The schema revision of a database compared with this version's newest."""

    url_masked: str
    current: str | None
    head: str
    current_is_known: bool  # False: migrated by a newer DOST Desk (or not ours)

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _resolve_url(url: str | None) -> str:
    return url if url else effective_database_url(load_settings())


def upgrade_database(url: str | None = None) -> UpgradeResult:
    """Bring the database (the configured one when ``url`` is None) to the newest schema.

    Raises ``ConfigError``, ``StorageError`` (``StorageUnavailable``, ``InvalidDatabaseUrl``,
    ``MigrationError``, ``SchemaTooNew``); a failed upgrade changes nothing.
    """
    from dost_desk.storage.migrate import run_upgrade

    resolved = _resolve_url(url)
    outcome = run_upgrade(resolved)
    assert outcome.to_revision is not None
    return UpgradeResult(
        url_masked=masked_database_url(resolved),
        from_revision=outcome.from_revision,
        to_revision=outcome.to_revision,
    )


def get_database_revision(url: str | None = None) -> DatabaseRevision:
    """Report the schema revision of the database (the configured one when ``url`` is None)
    without changing anything; a missing SQLite file is reported as empty, not created."""
    from dost_desk.storage.migrate import current_revision, head_revision, known_revisions

    resolved = _resolve_url(url)
    current = current_revision(resolved)
    return DatabaseRevision(
        url_masked=masked_database_url(resolved),
        current=current,
        head=head_revision(),
        current_is_known=current is None or set(current.split(",")) <= known_revisions(),
    )
