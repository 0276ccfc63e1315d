"""Keep the database's copy of the service passports equal to the loaded catalog."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from dost_desk.models.passport import Passport
from dost_desk.models.tables import Passport as PassportRow


def passport_hash(body: Mapping[str, object]) -> str:
    """SHA-256 of the passport's canonical JSON: equal content, equal hash."""
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


PUBLISHED_PREFIX = "published:"  # source_file of a passport published centrally


def store_passports(
    session: Session,
    passports: Iterable[Passport],
    sources: Mapping[str, str],
    *,
    publish: bool = False,
) -> list[str]:
    """Insert new passports and replace changed ones; return the IDs that changed.

    A passport published centrally is replaced only by another publication
    (``publish=True``), never by the bundled files. The caller commits.
    """
    existing = {row.id: row for row in session.scalars(select(PassportRow))}
    changed = []
    for passport in passports:
        body = passport.model_dump(mode="json")
        digest = passport_hash(body)
        row = existing.get(passport.id)
        if row is not None and row.version_hash == digest:
            continue
        if row is not None and row.source_file.startswith(PUBLISHED_PREFIX) and not publish:
            continue
        if row is None:
            row = PassportRow(id=passport.id)
            session.add(row)
        row.name = passport.name
        row.body = body
        row.version_hash = digest
        row.source_file = sources.get(passport.id, "")
        changed.append(passport.id)
    return changed
