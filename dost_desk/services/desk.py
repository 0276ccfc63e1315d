"""The desk: what every service function of the intake works with (Qt-free).

One :class:`Desk` per running app (or CLI command): the database engine, the settings,
the catalog and the clock. Tests build one on a temporary database with a fixed clock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from dost_desk.catalog.catalog import Catalog
from dost_desk.config import (
    Settings,
    effective_database_url,
    load_settings,
    require_centre_code,
)
from dost_desk.models.local_time import BAKU
from dost_desk.models.working_calendar import CalendarOverride, DayKind, WorkingCalendar


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Desk:
    engine: Engine
    settings: Settings
    catalog: Catalog
    clock: Callable[[], datetime] = field(default=utc_now)

    @property
    def agent(self) -> str:
        return self.settings.agent_name

    @property
    def centre_code(self) -> str:
        """This centre's code; raises CentreNotConfigured when none is set (never ``C000``)."""
        return require_centre_code(self.settings)

    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        return self.clock().astimezone(UTC)

    def local_now(self) -> datetime:
        return self.now().astimezone(BAKU)

    def calendar(self, session: Session) -> WorkingCalendar:
        """Azerbaijan's working days with this centre's overrides from the database."""
        from dost_desk.models.tables import HolidayOverride

        overrides = [
            CalendarOverride(row.day, DayKind(row.kind), row.note)
            for row in session.scalars(select(HolidayOverride))
        ]
        return WorkingCalendar(overrides)

    def id_patterns(self) -> Mapping[str, Sequence[str]]:
        """The accepted identity-document formats: the defaults, with the kinds set
        centrally (``dost-desk reference id-patterns --set``, pulled by the sync) replaced."""
        from dost_desk.services.reference_data import id_patterns

        return id_patterns(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def open_desk(settings: Settings | None = None, url: str | None = None) -> Desk:
    """A desk on the configured database (migrated to the newest schema first)."""
    from dost_desk.services.catalog import (
        effective_catalog,
        open_catalog,
        store_catalog_in_database,
    )
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.storage.files import secure_data_dir_logged
    from dost_desk.storage.migrate import run_upgrade

    settings = settings or load_settings()
    secure_data_dir_logged(settings.data_dir)
    url = url or effective_database_url(settings)
    run_upgrade(url)
    engine = create_engine_for(url)
    catalog = open_catalog()
    store_catalog_in_database(engine, catalog)
    return Desk(engine, settings, effective_catalog(engine, catalog))
