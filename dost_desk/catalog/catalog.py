"""The loaded catalog: passports by ID, the classification tree and the search index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from dost_desk.catalog.search import SearchEntry, SearchHit, SearchIndex
from dost_desk.models.passport import DocumentRequirement, Passport
from dost_desk.models.reference import CatalogReference
from dost_desk.models.vocabulary import CentreCategory
from dost_desk.text import az_sort_key


class UnknownPassport(LookupError):
    """No passport has this ID (``passport_id``)."""

    def __init__(self, passport_id: str) -> None:
        super().__init__(f"no service passport with ID {passport_id!r}")
        self.passport_id = passport_id


class UnknownVariant(ValueError):
    """A variant dimension or option the passport does not define."""


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A classification category and the services under it (``code`` None: not classified)."""

    code: str | None
    name: str | None
    passports: tuple[Passport, ...]


class Catalog:
    def __init__(
        self,
        reference: CatalogReference,
        passports: tuple[Passport, ...],
        sources: Mapping[str, str] | None = None,
    ) -> None:
        self.reference = reference
        self.passports = tuple(sorted(passports, key=lambda p: (az_sort_key(p.name), p.id)))
        self.sources = dict(sources or {})
        self._by_id = {p.id: p for p in self.passports}

    def __len__(self) -> int:
        return len(self.passports)

    def get(self, passport_id: str) -> Passport:
        passport = self._by_id.get(passport_id.strip())
        if passport is None:
            raise UnknownPassport(passport_id)
        return passport

    def offered_at(self, category: CentreCategory | None) -> tuple[Passport, ...]:
        """Passports offered at a centre category (all of them when category is None)."""
        if category is None:
            return self.passports
        return tuple(p for p in self.passports if category in p.centre_categories)

    def tree(self, category: CentreCategory | None = None) -> tuple[TreeNode, ...]:
        """The classification tree in the seed's order; unclassified services come last."""
        offered = self.offered_at(category)
        nodes = [
            TreeNode(
                c.code,
                c.name,
                tuple(p for p in offered if p.classification and p.classification.code == c.code),
            )
            for c in self.reference.classification
        ]
        unclassified = tuple(p for p in offered if p.classification is None)
        if unclassified:
            nodes.append(TreeNode(None, None, unclassified))
        return tuple(nodes)

    @cached_property
    def search_index(self) -> SearchIndex:
        return SearchIndex(self._search_entry(p) for p in self.passports)

    def _search_entry(self, passport: Passport) -> SearchEntry:
        code = passport.classification.code if passport.classification else None
        category = self.reference.category_name(code) if code else None
        return SearchEntry(
            id=passport.id,
            name=passport.name,
            classification=category or "",
            documents=tuple(doc.name for doc in passport.all_documents()),
            extra=tuple(passport.performing) + tuple(passport.information_systems),
        )

    def search(
        self, query: str, category: CentreCategory | None = None, limit: int | None = 50
    ) -> list[SearchHit]:
        """Ranked search, restricted to the services offered at ``category`` when given."""
        offered = {p.id for p in self.offered_at(category)}
        hits = self.search_index.search(query, limit=None)
        kept = [hit for hit in hits if hit.id in offered]
        return kept[:limit] if limit is not None else kept

    def documents_for(
        self, passport: Passport, selection: Mapping[str, str] | None = None
    ) -> tuple[DocumentRequirement, ...]:
        """The documents that apply to a variant selection; unselected dimensions don't filter."""
        selection = dict(selection or {})
        dimensions = {d.key: {o.key for o in d.options} for d in passport.variants}
        for key, option in selection.items():
            if key not in dimensions:
                known = ", ".join(dimensions) or "none"
                raise UnknownVariant(f"{passport.id} has no variant '{key}' (variants: {known})")
            if option not in dimensions[key]:
                options = ", ".join(sorted(dimensions[key]))
                raise UnknownVariant(f"'{option}' is not a {key} of {passport.id} ({options})")
        return tuple(
            doc
            for doc in passport.all_documents()
            if all(
                key not in selection or selection[key] in allowed
                for key, allowed in doc.when.items()
            )
        )
