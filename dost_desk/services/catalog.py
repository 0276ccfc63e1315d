"""Service functions of the passport catalog: browse the tree, search, show, list documents.

Qt-free; the GUI and the CLI call these and get DTOs or immutable passport models back.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dost_desk.catalog.catalog import Catalog, TreeNode
from dost_desk.catalog.loader import (
    ValidationReport,
    check_published_passport,
    load_catalog,
    validate_catalog,
)
from dost_desk.catalog.presentation import PresentedSection, present_passport
from dost_desk.models.passport import Passport
from dost_desk.models.vocabulary import CentreCategory, SubmissionForm

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServiceSummary:
    id: str
    name: str
    classification_code: str | None
    classification_name: str | None


@dataclass(frozen=True, slots=True)
class CategorySummary:
    code: str | None
    name: str | None
    services: tuple[ServiceSummary, ...]


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    name: str
    forms: tuple[SubmissionForm, ...] | None  # None: the passport does not state the forms
    form_labels: tuple[str, ...]
    conditions: dict[str, tuple[str, ...]]
    note: str | None


@dataclass(frozen=True, slots=True)
class PassportDescription:
    """A passport laid out for reading (see :mod:`dost_desk.catalog.presentation`)."""

    id: str
    name: str
    id_provisional: bool
    sections: tuple[PresentedSection, ...]


@lru_cache(maxsize=4)
def _cached_catalog(path: Path | None) -> Catalog:
    return load_catalog(path)


def open_catalog(path: Path | None = None) -> Catalog:
    """The catalog of bundled passports (or of ``path``); loaded once per process."""
    return _cached_catalog(path.resolve() if path else None)


def _summary(catalog: Catalog, passport: Passport) -> ServiceSummary:
    code = passport.classification.code if passport.classification else None
    name = catalog.reference.category_name(code) if code else None
    return ServiceSummary(passport.id, passport.name, code, name)


def list_service_tree(
    centre_category: CentreCategory | None = None, catalog: Catalog | None = None
) -> tuple[CategorySummary, ...]:
    """The classification tree with the services offered at ``centre_category``."""
    catalog = catalog or open_catalog()
    return tuple(_category(catalog, node) for node in catalog.tree(centre_category))


def _category(catalog: Catalog, node: TreeNode) -> CategorySummary:
    return CategorySummary(
        node.code, node.name, tuple(_summary(catalog, p) for p in node.passports)
    )


def search_services(
    query: str,
    centre_category: CentreCategory | None = None,
    limit: int | None = 50,
    catalog: Catalog | None = None,
) -> list[ServiceSummary]:
    """Services matching ``query``, best first."""
    catalog = catalog or open_catalog()
    hits = catalog.search(query, centre_category, limit)
    return [_summary(catalog, catalog.get(hit.id)) for hit in hits]


def get_passport(passport_id: str, catalog: Catalog | None = None) -> Passport:
    """The whole passport; raises UnknownPassport for an unknown ID."""
    return (catalog or open_catalog()).get(passport_id)


def describe_passport(passport_id: str, catalog: Catalog | None = None) -> PassportDescription:
    """The passport's sections in source order, ready to display."""
    catalog = catalog or open_catalog()
    passport = catalog.get(passport_id)
    sections = present_passport(passport, catalog.reference)
    return PassportDescription(passport.id, passport.name, passport.id_provisional, sections)


def list_required_documents(
    passport_id: str,
    selection: Mapping[str, str] | None = None,
    catalog: Catalog | None = None,
) -> list[RequiredDocument]:
    """Documents required for a variant selection (e.g. ``{"category": "military"}``)."""
    catalog = catalog or open_catalog()
    passport = catalog.get(passport_id)
    label = catalog.reference.label
    return [
        RequiredDocument(
            name=doc.name,
            forms=doc.allowed_forms,
            form_labels=tuple(label("submission_form", f) for f in doc.allowed_forms or ()),
            conditions=dict(doc.when),
            note=doc.note,
        )
        for doc in catalog.documents_for(passport, selection)
    ]


def validate_passports(path: Path | None = None) -> ValidationReport:
    """Validate passport files (the bundled ones by default)."""
    return validate_catalog(path)


def store_catalog_in_database(engine, catalog: Catalog | None = None) -> list[str]:
    """Copy the catalog's passports into the database (new and changed ones only);
    passports published centrally (and pulled) are kept, not replaced.

    Applications refer to their passport, so every database holds the passports it uses.
    Returns the IDs that changed.
    """
    from sqlalchemy.orm import Session

    from dost_desk.storage.engine import storage_errors
    from dost_desk.storage.passport_store import store_passports

    catalog = catalog or open_catalog()
    with storage_errors(str(engine.url)), Session(engine) as session:
        changed = store_passports(session, catalog.passports, catalog.sources)
        session.commit()
    return changed


def effective_catalog(engine, catalog: Catalog) -> Catalog:
    """``catalog`` with the passports published centrally (``dost-desk catalog publish``,
    pulled by the sync) in place of the bundled ones of the same ID; a stored one that
    fails the checks of ``catalog validate`` is left out (and logged)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dost_desk.models.tables import Passport as PassportRow
    from dost_desk.storage.engine import storage_errors
    from dost_desk.storage.passport_store import PUBLISHED_PREFIX

    statement = select(PassportRow).where(PassportRow.source_file.startswith(PUBLISHED_PREFIX))
    with storage_errors(str(engine.url)), Session(engine) as session:
        published = {row.id: (row.body, row.source_file) for row in session.scalars(statement)}
    if not published:
        return catalog
    passports = {passport.id: passport for passport in catalog.passports}
    sources = dict(catalog.sources)
    for passport_id, (body, source) in published.items():
        passport, issues = check_published_passport(passport_id, body, catalog.reference)
        if passport is None:  # stored before desks checked what they pull: never used
            _log.warning("published passport refused: %s", issues[0])
            continue
        passports[passport_id] = passport
        sources[passport_id] = source
    return Catalog(catalog.reference, tuple(passports.values()), sources)


def publish_passports(url: str, path: Path) -> list[str]:
    """Publish the passports of the folder ``path`` (validated first) in the central
    database at ``url``: every desk syncing with it uses them after its next sync.
    Returns the IDs that changed."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from dost_desk.storage.engine import create_engine_for, storage_errors
    from dost_desk.storage.passport_store import PUBLISHED_PREFIX, store_passports

    catalog = load_catalog(path)
    sources = {key: PUBLISHED_PREFIX + Path(value).name for key, value in catalog.sources.items()}
    engine = create_engine_for(url, poolclass=NullPool)
    try:
        with storage_errors(url), Session(engine) as session:
            changed = store_passports(session, catalog.passports, sources, publish=True)
            session.commit()
    finally:
        engine.dispose()
    return changed
