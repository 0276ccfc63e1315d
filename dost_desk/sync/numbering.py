"""What the central database knows of a centre's registration numbers.

Numbers are allocated at each desk without a round trip (``<centre>-<year>-<sequence>``),
so two desks with one centre code (a reinstalled PC beside the old one, a copied config)
issue the same numbers. Centrally a number is unique: the second desk's push of such an
application would fail on every sync. Before each push the desk therefore asks here for
(1) the highest sequence its centre used centrally per year, to continue after it, and
(2) which of its unpushed numbers another application holds centrally already, to give
those applications new numbers (:mod:`dost_desk.services.renumbering`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.pool import NullPool

from dost_desk.storage.engine import (
    InvalidDatabaseUrl,
    create_engine_for,
    parse_database_url,
    storage_errors,
)
from dost_desk.url_secrets import masked_database_url


@dataclass(slots=True)
class CentralNumbers:
    highest: dict[int, int] = field(default_factory=dict)  # year → highest sequence used
    taken: set[str] = field(default_factory=set)  # asked-about numbers held by another id


_HIGHEST = text(
    "SELECT CAST(substring(registration_number FROM :year_at FOR 4) AS integer) AS year, "
    "max(CAST(substring(registration_number FROM :sequence_at) AS integer)) AS highest "
    "FROM applications WHERE centre_code = :centre AND registration_number ~ :pattern "
    "GROUP BY 1 "
    "UNION ALL SELECT year, last_value FROM registration_sequences WHERE centre_code = :centre"
)
_TAKEN = text(
    "SELECT a.registration_number FROM applications AS a "
    "JOIN unnest(CAST(:numbers AS text[]), CAST(:ids AS text[])) AS m(number, id) "
    "ON a.registration_number = m.number WHERE a.id <> m.id"
)


def central_numbers(upstream_url: str, centre_code: str, mine: dict[str, str]) -> CentralNumbers:
    """The central numbering of ``centre_code``, and which of ``mine`` (application id →
    registration number) the central database holds for another application."""
    if parse_database_url(upstream_url).get_backend_name() != "postgresql":
        raise InvalidDatabaseUrl(
            f"the upstream database must be PostgreSQL, not {masked_database_url(upstream_url)!r}"
        )
    found = CentralNumbers()
    upstream = create_engine_for(upstream_url, poolclass=NullPool)
    try:
        with storage_errors(upstream_url), upstream.connect() as connection:
            params = {
                "centre": centre_code,
                "year_at": len(centre_code) + 2,
                "sequence_at": len(centre_code) + 7,
                "pattern": f"^{re.escape(centre_code)}-[0-9]{{4}}-[0-9]{{1,9}}$",
            }
            for year, highest in connection.execute(_HIGHEST, params):
                found.highest[year] = max(found.highest.get(year, 0), highest)
            if mine:
                numbers = {"numbers": list(mine.values()), "ids": list(mine)}
                found.taken = set(connection.execute(_TAKEN, numbers).scalars())
    finally:
        upstream.dispose()
    return found
