"""Shared fixtures.

* Every test runs with its own config file and data folder (``isolated_config``,
  autouse): the real user's config and database are never read or written.
* ``desk`` / ``make_desk``: a desk on a real temporary SQLite file with passports stored,
  on a ``clock`` the test moves (Monday 7 September 2026, 09:00 in Baku).
* ``pg_url`` is a throwaway PostgreSQL database on 127.0.0.1:5432 for the whole session;
  ``pg_empty_url`` is the same database emptied before the test. When the server is
  unreachable those tests are skipped, or fail when ``CI=true``.
"""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from needs import unavailable

from dost_desk.config import load_settings
from dost_desk.services.catalog import open_catalog, store_catalog_in_database
from dost_desk.services.desk import Desk
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade

PG_HOST = "127.0.0.1"
PG_PORT = 5432


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DOST_DESK_CONFIG and DOST_DESK_DATA_DIR into tmp_path, configure the centre
    code C000 (there is no default: an unconfigured desk refuses to number) and clear every
    other DOST_DESK_* variable; return the (not yet existing) config file path."""
    for name in list(os.environ):
        if name.upper().startswith("DOST_DESK_"):
            monkeypatch.delenv(name)
    config_file = tmp_path / "dost-config" / "config.toml"
    monkeypatch.setenv("DOST_DESK_CONFIG", str(config_file))
    monkeypatch.setenv("DOST_DESK_DATA_DIR", str(tmp_path / "dost-data"))
    monkeypatch.setenv("DOST_DESK_CENTRE_CODE", "C000")
    return config_file


def _pg_admin_connection():
    """Connect to the ``postgres`` database as ``postgres`` or as the OS user."""
    import psycopg

    errors = []
    for user in dict.fromkeys(("postgres", getpass.getuser())):
        try:
            connection = psycopg.connect(
                host=PG_HOST,
                port=PG_PORT,
                user=user,
                dbname="postgres",
                autocommit=True,
                connect_timeout=3,
            )
        except psycopg.Error as error:
            errors.append(f"as {user}: {' '.join(str(error).split())}")
        else:
            return connection, user
    raise ConnectionError(errors[0])


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh database ``dost_test_<hex>`` for the session, dropped at the end."""
    from psycopg import sql

    try:
        admin, user = _pg_admin_connection()
    except ConnectionError as error:
        unavailable(f"PostgreSQL at {PG_HOST}:{PG_PORT} is unreachable ({error})")
    name = f"dost_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        admin, _ = _pg_admin_connection()
        with admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture
def pg_empty_url(pg_url: str) -> str:
    """``pg_url`` with its public schema emptied (no tables, no alembic_version)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    with psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        dbname=url.database,
        autocommit=True,
        connect_timeout=3,
    ) as connection:
        connection.execute("DROP SCHEMA IF EXISTS public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return pg_url


# -- a desk on a real temporary SQLite database, with a clock the test moves ----------------


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock():
    # Monday 7 September 2026, 09:00 in Baku (UTC+4): no holiday in the next 30 working days.
    return FakeClock(datetime(2026, 9, 7, 5, 0, tzinfo=UTC))


@pytest.fixture
def desk_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


@pytest.fixture
def make_desk(desk_url, clock):
    desks = []

    def make(url: str | None = None, **settings) -> Desk:
        config = load_settings(
            centre_code=settings.pop("centre_code", "C123"),
            agent_name=settings.pop("agent_name", "Aygün Həsənova"),
            **settings,
        )
        desk = Desk(create_engine_for(url or desk_url), config, open_catalog(), clock)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()


@pytest.fixture
def desk(make_desk):
    return make_desk()


# -- the operating system's keyring ---------------------------------------------------------


@pytest.fixture
def file_keyring(tmp_path):
    """A real keyring backend on a JSON file in tmp_path, installed for the test."""
    import keyring
    from keyring_backend import FileKeyring

    previous = keyring.get_keyring()
    backend = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    """No keyring on this computer (a headless server)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# -- a small real file system, to fill ------------------------------------------------------


@pytest.fixture
def mount_tmpfs(tmp_path):
    """``mount_tmpfs(size)``: a fresh tmpfs of ``size`` (``"64k"``, ``"8m"``) mounted in
    tmp_path (needs root, as CI runs); unmounted after the test."""
    import subprocess

    mounted: list[Path] = []

    def mount(size: str) -> Path:
        folder = tmp_path / f"tmpfs-{len(mounted)}"
        folder.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if result.returncode != 0:
            unavailable(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)
