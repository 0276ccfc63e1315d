"""Registration numbers: centre code + year + a per-centre sequence, ``C123-2026-000042``.

Numbers are allocated from the ``registration_sequences`` row of the centre and year, in
the caller's transaction, by one atomic increment:

* **Unique under concurrent saves.** PostgreSQL: one ``INSERT … ON CONFLICT DO UPDATE …
  RETURNING`` locks the row until the caller commits; a second desk waits and then reads
  the committed value. SQLite: the caller's transaction holds the database write lock
  (``BEGIN IMMEDIATE``, see :class:`~dost_desk.storage.unit_of_work.UnitOfWork`), so two
  desks on one file take turns (``busy_timeout`` makes the second one wait).
* **Never reused.** A number exists only once the transaction that allocated it commits,
  together with the application row that carries it. A rolled-back transaction rolls back
  its increment too, so the next number is the one it would have had.
* **No gaps**, except when a transaction commits an allocation it did not use (a caller
  bug: allocate only in the transaction that stores the number) or an application that
  held a number is later deleted. Restoring a SQLite file from an older backup rewinds
  the sequence: numbers issued after that backup would be issued again, so a restore
  must also bring back (or re-import) the applications registered since.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dost_desk.models.tables import RegistrationSequence

SEQUENCE_DIGITS = 6  # zero-padded; a centre that passes 999999 in a year gets 7 digits
_WRITE_LOCKING_BEGIN_MODES = ("IMMEDIATE", "EXCLUSIVE")
_SEQUENCES = RegistrationSequence.__table__


class SequenceNotLocked(RuntimeError):
    """A programming error: a SQLite writer must begin its transaction IMMEDIATE."""


def format_registration_number(centre_code: str, year: int, value: int) -> str:
    """Return ``<centre>-<year>-<sequence>``, the sequence zero-padded to 6 digits."""
    return f"{centre_code}-{year:04d}-{value:0{SEQUENCE_DIGITS}d}"


def next_registration_number(session: Session, centre_code: str, year: int) -> str:
    """Allocate the next registration number of ``centre_code`` in ``year``.

    The increment is part of the session's current transaction: the caller stores the
    number (on the application) and commits; a rollback gives the number back. ``year``
    is the calendar year at the centre (Baku time), chosen by the caller.

    On SQLite the session must have begun ``IMMEDIATE`` (``UnitOfWork(engine)`` does),
    else :class:`SequenceNotLocked`. Raises ``ValueError`` for an empty or too long
    centre code or a year outside 1..9999.
    """
    if not centre_code or len(centre_code) > 8:
        raise ValueError(f"centre code must be 1 to 8 characters, got {centre_code!r}")
    if not 1 <= year <= 9999:
        raise ValueError(f"year must be between 1 and 9999, got {year}")
    if session.connection().dialect.name == "postgresql":
        value = _next_value_postgresql(session, centre_code, year)
    else:
        value = _next_value_sqlite(session, centre_code, year)
    return format_registration_number(centre_code, year, value)


def _next_value_postgresql(session: Session, centre_code: str, year: int) -> int:
    statement = postgresql.insert(_SEQUENCES).values(
        centre_code=centre_code, year=year, last_value=1
    )
    statement = statement.on_conflict_do_update(
        index_elements=[_SEQUENCES.c.centre_code, _SEQUENCES.c.year],
        set_={"last_value": _SEQUENCES.c.last_value + 1},
    ).returning(_SEQUENCES.c.last_value)
    return int(session.execute(statement).scalar_one())


def _next_value_sqlite(session: Session, centre_code: str, year: int) -> int:
    connection = session.connection()
    mode = str(connection.get_execution_options().get("sqlite_begin_mode", "DEFERRED"))
    if mode.upper() not in _WRITE_LOCKING_BEGIN_MODES:
        raise SequenceNotLocked(
            "registration numbers on SQLite need a transaction begun IMMEDIATE "
            "(open it with UnitOfWork(engine, write=True)); this one is " + mode
        )
    value = _increment(session, centre_code, year)
    if value is not None:
        return value
    try:
        with session.begin_nested():
            session.execute(
                insert(_SEQUENCES).values(centre_code=centre_code, year=year, last_value=1)
            )
    except IntegrityError:
        # Another writer created the row first (cannot happen under the write lock, but
        # costs nothing to handle): it exists now, so the increment succeeds.
        value = _increment(session, centre_code, year)
        if value is None:
            raise
        return value
    return 1


def _increment(session: Session, centre_code: str, year: int) -> int | None:
    """Add one to the row and return the new value; None when there is no row."""
    where = (_SEQUENCES.c.centre_code == centre_code) & (_SEQUENCES.c.year == year)
    statement = update(_SEQUENCES).where(where).values(last_value=_SEQUENCES.c.last_value + 1)
    if session.connection().dialect.update_returning:
        returned = session.execute(statement.returning(_SEQUENCES.c.last_value))
        return returned.scalar_one_or_none()
    # SQLite before 3.35 has no RETURNING; the write lock keeps the read consistent.
    if session.execute(statement).rowcount == 0:  # type: ignore[attr-defined]
        return None
    return session.execute(select(_SEQUENCES.c.last_value).where(where)).scalar_one()


def raise_sequence(session: Session, centre_code: str, year: int, value: int) -> None:
    """Make the next number of ``centre_code`` in ``year`` at least ``value + 1`` (never
    lower it), in the caller's write transaction: a desk learns the numbers its centre
    already used centrally (another desk with the same centre code) and continues after
    them."""
    where = (_SEQUENCES.c.centre_code == centre_code) & (_SEQUENCES.c.year == year)
    current = session.execute(select(_SEQUENCES.c.last_value).where(where)).scalar_one_or_none()
    if current is None:
        session.execute(
            insert(_SEQUENCES).values(centre_code=centre_code, year=year, last_value=value)
        )
    elif current < value:
        session.execute(update(_SEQUENCES).where(where).values(last_value=value))


def parse_registration_number(number: str) -> tuple[str, int, int] | None:
    """``(centre, year, sequence)`` of ``C123-2026-000042``; None when it is not one."""
    centre, _, rest = number.rpartition("-")
    centre, _, year = centre.rpartition("-")
    if not (centre and year.isdigit() and rest.isdigit() and len(year) == 4):
        return None
    return centre, int(year), int(rest)
