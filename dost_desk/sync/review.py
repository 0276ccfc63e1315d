"""The duplicate-review list: one applicant applying for one service at two centres.

:func:`find_cross_centre_duplicates` looks at the central PostgreSQL database (after the
centres pushed) for pairs of applications with the same applicant FİN and the same
passport (service), made at **different** centres, neither refused nor cancelled, and
started within :data:`DUPLICATE_WINDOW` of each other. The rule is deliberately simple:
30 days is longer than the total duration of almost every service, so two live
applications that close together are most likely the same request made twice. Drafts
count (the citizen did come to the counter). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Interval, and_, literal, select
from sqlalchemy.pool import NullPool

from dost_desk.models.tables import Applicant, Application
from dost_desk.storage.engine import create_engine_for, storage_errors

#: Two applications started at most this far apart are a possible duplicate.
DUPLICATE_WINDOW = timedelta(days=30)
#: Applications in these states are over and never a duplicate.
CLOSED_STATUSES = ("refused", "cancelled")


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two applications of one applicant for one service at two centres (``first`` is the
    one with the smaller id, so each pair is reported once)."""

    fin: str
    passport_id: str
    first_id: str
    first_registration_number: str | None
    first_centre_code: str
    second_id: str
    second_registration_number: str | None
    second_centre_code: str


def find_cross_centre_duplicates(upstream_url: str) -> list[DuplicatePair]:
    """The duplicate-review list of the central database at ``upstream_url``, ordered by
    FİN, passport and ids."""
    apps = Application.__table__
    people = Applicant.__table__
    a, b = apps.alias("a"), apps.alias("b")
    pa, pb = people.alias("pa"), people.alias("pb")
    window = literal(DUPLICATE_WINDOW, Interval())
    statement = (
        select(
            pa.c.fin,
            a.c.passport_id,
            a.c.id,
            a.c.registration_number,
            a.c.centre_code,
            b.c.id,
            b.c.registration_number,
            b.c.centre_code,
        )
        .select_from(a)
        .join(pa, pa.c.id == a.c.applicant_id)
        .join(
            b,
            and_(
                b.c.passport_id == a.c.passport_id,
                b.c.centre_code != a.c.centre_code,
                b.c.id > a.c.id,
            ),
        )
        .join(pb, and_(pb.c.id == b.c.applicant_id, pb.c.fin == pa.c.fin))
        .where(
            pa.c.fin.is_not(None),
            a.c.status.not_in(CLOSED_STATUSES),
            b.c.status.not_in(CLOSED_STATUSES),
            b.c.started_at <= a.c.started_at + window,
            a.c.started_at <= b.c.started_at + window,
        )
        .order_by(pa.c.fin, a.c.passport_id, a.c.id, b.c.id)
    )
    engine = create_engine_for(upstream_url, poolclass=NullPool)
    try:
        with storage_errors(upstream_url), engine.connect() as connection:
            return [DuplicatePair(*row) for row in connection.execute(statement)]
    finally:
        engine.dispose()
