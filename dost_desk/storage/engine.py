"""SQLAlchemy engines for the two supported databases, and their failure messages.

* SQLite (the default, one file per counter PC): the folder is created, and every new
  connection gets ``journal_mode=WAL``, ``synchronous=FULL``, ``foreign_keys=ON`` and
  ``busy_timeout=5000``. The sqlite3 driver's legacy transaction handling (no BEGIN
  before DDL) is replaced by an explicit BEGIN, so a migration that fails is rolled
  back completely instead of leaving half its tables behind.
* PostgreSQL (``postgresql+psycopg://``, a centre's shared server): ``pool_pre_ping``
  and a 5 second connect timeout, so an unreachable server fails fast.

Failures become :class:`StorageError` subclasses whose text is one line without the
password, fit for the status bar or the command line.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from dost_desk.credentials import with_stored_password
from dost_desk.url_secrets import (
    UNENCODED_AT,
    ambiguous_database_url,
    masked_database_url,
    redact_secrets,
)

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)
_SQLITE_BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
POSTGRES_CONNECT_TIMEOUT = 5  # seconds
POSTGRES_SESSION_OPTIONS = "-c idle_in_transaction_session_timeout=120000 -c lock_timeout=30000"
SUPPORTED_URLS = "sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user@host:5432/dbname"


class StorageError(Exception):
    """The database cannot be used; ``str(error)`` is one line without the password."""


class StorageUnavailable(StorageError):
    """The database server cannot be reached, or the SQLite file cannot be opened."""


class InvalidDatabaseUrl(StorageError, ValueError):
    """The database URL is malformed or names an unsupported database."""


def parse_database_url(url: str) -> URL:
    """Parse and check a database URL; ``postgresql://`` means the psycopg (3) driver.

    Raises :class:`InvalidDatabaseUrl`.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # The parser's own message repeats the URL, password included.
        raise InvalidDatabaseUrl(
            f"malformed database URL {masked_database_url(url)!r}; expected {SUPPORTED_URLS}"
        ) from None
    if ambiguous_database_url(url):  # SQLAlchemy would take part of the password for the host
        raise InvalidDatabaseUrl(f"the database URL {masked_database_url(url)!r} {UNENCODED_AT}")
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres") and "+" not in parsed.drivername:
        parsed = parsed.set(drivername="postgresql+psycopg")
        backend = "postgresql"
    if backend not in ("sqlite", "postgresql"):
        raise InvalidDatabaseUrl(
            f"unsupported database {backend!r} in {masked_database_url(url)!r}; "
            f"expected {SUPPORTED_URLS}"
        )
    return parsed


def sqlite_file_path(url: URL) -> Path | None:
    """Return the database file of a SQLite URL, or None for in-memory or ``file:`` URIs."""
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def create_engine_for(url: str, **kw: Any) -> Engine:
    """Return an engine for ``url`` set up as described in the module docstring.

    Extra keyword arguments go to :func:`sqlalchemy.create_engine`. Raises
    :class:`InvalidDatabaseUrl`, or :class:`StorageUnavailable` when the SQLite folder
    cannot be created or the database path is a directory.
    """
    url = with_stored_password(url)  # a PostgreSQL login's password from the keyring, if any
    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _prepare_sqlite_path(parsed)
        engine = _create(parsed, url, **kw)
        if path is not None:
            _hold_while_open(engine, path)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    connect_args = {
        "connect_timeout": POSTGRES_CONNECT_TIMEOUT,
        "application_name": "dost-desk",
        # A link that dies without a word (a cut cable, a VPN that drops) is noticed in
        # about a minute on this side...
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        # ...and on the server the orphaned session gives its row locks back, while a
        # desk waiting behind such locks fails with a message instead of hanging.
        "options": POSTGRES_SESSION_OPTIONS,
        **kw.pop("connect_args", {}),
    }
    kw.setdefault("pool_pre_ping", True)
    return _create(parsed, url, connect_args=connect_args, **kw)


def _create(parsed: URL, url: str, **kw: Any) -> Engine:
    try:
        return create_engine(parsed, **kw)
    except (NoSuchModuleError, ImportError) as error:
        raise InvalidDatabaseUrl(
            f"the database driver for {masked_database_url(url)!r} is not installed "
            f"({error}); expected {SUPPORTED_URLS}"
        ) from None
    except ArgumentError as error:
        raise InvalidDatabaseUrl(
            f"invalid database options for {masked_database_url(url)!r}: {_first_line(error)}"
        ) from None


def _prepare_sqlite_path(url: URL) -> Path | None:
    """Create the database's folder (``0700``) and an empty ``0600`` file if missing, so
    SQLite, which gives ``-wal``/``-shm`` the database's mode, never makes them readable."""
    from dost_desk.storage.files import create_private_file, make_private_dir

    path = sqlite_file_path(url)
    if path is None:
        return None
    path = path.absolute()
    if path.is_dir():
        raise StorageUnavailable(f"{path} is a directory, not a SQLite database file")
    try:
        if not path.parent.is_dir():
            make_private_dir(path.parent)
    except OSError as error:
        raise StorageUnavailable(
            f"cannot create the folder {path.parent} for the SQLite database: "
            f"{error.strerror or error}"
        ) from None
    try:
        create_private_file(path)
        _make_database_files_private(path)
    except OSError as error:
        raise StorageUnavailable(
            f"cannot create the SQLite database {path}: {error.strerror or error}"
        ) from None
    return path


def _make_database_files_private(path: Path) -> None:
    from dost_desk.storage.files import make_private_file

    for name in ("", "-wal", "-shm", "-journal"):
        make_private_file(path.with_name(path.name + name))


def _hold_while_open(engine: Engine, path: Path) -> None:
    """Hold the shared lock on ``path`` from the first connection until the engine is
    disposed (a restore waits for that); taken again if a disposed engine reconnects."""
    from dost_desk.storage.db_lock import SharedDatabaseLock

    lock = SharedDatabaseLock(path)

    def before_connect(dialect: Any, record: Any, cargs: Any, cparams: Any) -> None:
        lock.acquire()  # before SQLite opens the file: never the file a restore replaces

    def after_connect(dbapi_connection: Any, record: Any) -> None:
        with contextlib.suppress(OSError):  # -wal/-shm of an install from before 0600
            _make_database_files_private(path)

    event.listen(engine, "do_connect", before_connect)
    event.listen(engine, "connect", after_connect)
    event.listen(engine, "engine_disposed", lambda _engine: lock.release())


def _on_sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # Take transaction control away from the sqlite3 driver (it would not BEGIN before
    # DDL); _on_sqlite_begin emits BEGIN instead. The pragmas run outside a transaction,
    # where journal_mode and foreign_keys can be changed.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    # Execution option ``sqlite_begin_mode="IMMEDIATE"`` takes the write lock at BEGIN
    # (for writers that would otherwise fail to upgrade a read snapshot under WAL).
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    mode = str(options.get("sqlite_begin_mode", "DEFERRED")).upper()
    if mode not in _SQLITE_BEGIN_MODES:
        raise ValueError(f"sqlite_begin_mode must be one of {', '.join(_SQLITE_BEGIN_MODES)}")
    connection.exec_driver_sql(f"BEGIN {mode}")


def describe_database_error(error: Exception, url: str) -> str:
    """Return one line saying which database failed and why, without the password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return f"database error at {masked_database_url(url)}: {_reason(error, None)}"
    reason = _reason(error, parsed.password)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file_path(parsed)
        where = str(path) if path is not None else "in memory"
        return f"cannot use the SQLite database {where}: {reason}"
    host = parsed.host or "localhost"
    port = parsed.port or 5432
    database = parsed.database or parsed.username or ""
    text = f"cannot use the PostgreSQL database {database!r} at {host}:{port}: {reason}"
    hint = _PG_HINTS.get(_sqlstate(error) or _state_from_text(reason) or "")
    return f"{text} — {hint}" if hint else text


def _state_from_text(reason: str) -> str | None:
    """libpq reports login failures as text only (no SQLSTATE before the session)."""
    for pattern, state in _PG_LOGIN_FAILURES:
        if pattern.search(reason):
            return state
    return None


def _sqlstate(error: Exception) -> str | None:
    original = getattr(error, "orig", None) or error
    return getattr(original, "sqlstate", None) or getattr(
        getattr(original, "diag", None), "sqlstate", None
    )


_PG_LOGIN_FAILURES = (
    (re.compile(r"password authentication failed|no password supplied"), "28P01"),
    (re.compile(r'role "[^"]*" does not exist|no pg_hba\.conf entry'), "28000"),
    (re.compile(r'database "[^"]*" does not exist'), "3D000"),
)
# What the operator can do about the PostgreSQL errors people meet when setting up.
_PG_HINTS = {
    "28P01": "the server refused the login: check the user name and the password "
    "(`dost-desk config set-password URL` keeps it in the keyring)",
    "28000": "the server refused the login: check the user name, and that pg_hba.conf "
    "lets this computer in",
    "3D000": "create the database, then run `dost-desk db upgrade --url …` on it",
    "42501": "this login may not do that: grant it the rights on the DOST Desk tables",
}


@contextmanager
def storage_errors(url: str) -> Iterator[None]:
    """Turn SQLAlchemy's driver errors raised inside the block into :class:`StorageError`:
    :class:`StorageUnavailable` for operational ones (server down, file locked)."""
    try:
        yield
    except OperationalError as error:
        raise StorageUnavailable(describe_database_error(error, url)) from error
    except DBAPIError as error:
        raise StorageError(describe_database_error(error, url)) from error


def check_connection(engine: Engine, url: str | None = None) -> None:
    """Open one connection and run ``SELECT 1``; raise :class:`StorageUnavailable` if it fails."""
    where = url or engine.url.render_as_string(hide_password=True)
    with storage_errors(where), engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")


# psycopg repeats the host and port we already name; drop that part of its message.
_PG_NOISE = (
    re.compile(r"^connection failed:\s*", re.IGNORECASE),
    re.compile(r'connection to server at "[^"]*"(?: \([^)]*\))?, port \d+ failed:\s*'),
    re.compile(r'connection to server on socket "[^"]*" failed:\s*'),
    re.compile(r"^FATAL:\s*"),
)


# PostgreSQL's further lines: DETAIL and HINT say something (their label does not); the
# statement excerpt (LINE n: … and its ^ marker) and CONTEXT/QUERY mean nothing on one line.
_PG_LABEL = re.compile(r"^(?:DETAIL|HINT):\s*")
_PG_STATEMENT_LINES = re.compile(r"^(?:LINE \d+:|\^$|CONTEXT:|QUERY:)")


def _reason(error: Exception, password: str | None) -> str:
    original = getattr(error, "orig", None) or error
    lines = []
    for raw in str(original).splitlines():
        line = " ".join(raw.split())
        for pattern in _PG_NOISE:
            line = pattern.sub("", line)
        if lines:
            if _PG_STATEMENT_LINES.match(line):
                continue
            line = _PG_LABEL.sub("", line)
        if line:
            lines.append(line)
    if not lines:
        return type(original).__name__
    text = lines[0]
    if len(lines) > 1:
        text += f" ({_lower_first(' '.join(lines[1:]))})"
    if password:  # whole-word only: a short password must not mangle ordinary words
        text = re.sub(rf"(?<!\w){re.escape(password)}(?!\w)", "***", text)
    return _lower_first(redact_secrets(text))  # a URL or conninfo the driver echoed


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a sentence, not of an acronym (SSL, DETAIL…)."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
