"""Checks between the fields of one passport and against the reference data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from dost_desk.models.passport import Passport
from dost_desk.models.reference import CatalogReference
from dost_desk.models.vocabulary import StepKind

Finding = tuple[str, str, Literal["error", "warning"]]


def _check_variant_references(passport: Passport) -> Iterator[Finding]:
    dimensions = {d.key: {o.key for o in d.options} for d in passport.variants}
    for i, dimension in enumerate(passport.variants):
        keys = [o.key for o in dimension.options]
        if len(keys) != len(set(keys)):
            yield f"variants.{i}.options", "option keys must be unique", "error"
    for g, group in enumerate(passport.document_groups):
        conditions = [(f"document_groups.{g}.when", group.when)]
        conditions += [
            (f"document_groups.{g}.documents.{d}.when", doc.when)
            for d, doc in enumerate(group.documents)
        ]
        for where, when in conditions:
            for key, options in when.items():
                if key not in dimensions:
                    yield where, f"unknown variant dimension '{key}'", "error"
                    continue
                for option in options:
                    if option not in dimensions[key]:
                        yield where, f"unknown option '{option}' of '{key}'", "error"


def _check_sections(passport: Passport) -> Iterator[Finding]:
    known = set(Passport.model_fields)
    numbers = [s.number for s in passport.sections]
    if numbers != sorted(numbers):
        yield "sections", "section numbers must ascend in source order", "error"
    for i, section in enumerate(passport.sections):
        for name in section.fields:
            if name not in known:
                yield f"sections.{i}.fields", f"unknown passport field '{name}'", "error"


def _check_id_structure(passport: Passport, reference: CatalogReference) -> Iterator[Finding]:
    group1, group2 = passport.back_office_group, passport.classification_group
    if reference.back_office(group1) is None:
        yield "id", f"group 1 ({group1}) is not a known back office code", "warning"
    elif passport.back_offices is not None and group1 not in {
        b.code for b in passport.back_offices
    }:
        yield "id", f"group 1 ({group1}) is not among the passport's back offices", "warning"
    if passport.classification is not None and passport.classification.code != group2:
        yield (
            "id",
            f"group 2 ({group2}) differs from the classification {passport.classification.code}",
            "warning",
        )


def _check_check_steps(passport: Passport) -> Iterator[Finding]:
    """A check names known systems, and its rules name the passport's variants."""
    subsystems = {s.key for s in passport.meis_subsystems}
    dimensions = {d.key: {o.key for o in d.options} for d in passport.variants}
    numbers = [step.number for step in passport.steps]
    if len(numbers) != len(set(numbers)):
        yield "steps", "step numbers must be unique", "error"
    for i, step in enumerate(passport.steps):
        where = f"steps.{i}.check"
        if step.check is None:
            if step.kind is StepKind.CHECK:
                yield where, "a check step without a check: it cannot be run", "warning"
            continue
        if step.kind is not StepKind.CHECK:
            yield f"steps.{i}.kind", "a step with a check must be of kind 'check'", "error"
        if not step.check_systems:
            yield where, "names no system (set check.systems or the step's subsystems)", "error"
        for key in step.check.systems:
            if key not in subsystems:
                yield f"{where}.systems", f"unknown MEİS subsystem '{key}'", "error"
        for r, rule in enumerate(step.check.outcome_rules):
            for key, options in rule.require_variant.items():
                rule_where = f"{where}.outcome_rules.{r}.require_variant"
                if key not in dimensions:
                    yield rule_where, f"unknown variant dimension '{key}'", "error"
                    continue
                for option in options:
                    if option not in dimensions[key]:
                        yield rule_where, f"unknown option '{option}' of '{key}'", "error"


def cross_check_passport(passport: Passport, reference: CatalogReference) -> Iterator[Finding]:
    """Yield (field, message, severity) for every inconsistency found in one passport."""
    yield from _check_id_structure(passport, reference)
    yield from _check_variant_references(passport)
    yield from _check_sections(passport)
    if passport.classification and reference.category_name(passport.classification.code) is None:
        yield "classification.code", "not a category of the classification tree", "error"
    for i, office in enumerate(passport.back_offices or ()):
        if reference.back_office(office.code) is None:
            yield f"back_offices.{i}.code", f"unknown back office {office.code}", "error"
    subsystems = {s.key for s in passport.meis_subsystems}
    for i, step in enumerate(passport.steps):
        for key in step.subsystems:
            if key not in subsystems:
                yield f"steps.{i}.subsystems", f"unknown MEİS subsystem '{key}'", "error"
    yield from _check_check_steps(passport)
    grounds = [g.key for g in passport.refusal_grounds]
    if len(grounds) != len(set(grounds)):
        yield "refusal_grounds", "ground keys must be unique", "error"
    if passport.submission_forms is not None:
        for i, doc in enumerate(passport.all_documents()):
            extra = set(doc.allowed_forms or ()) - set(passport.submission_forms)
            if extra:
                forms = ", ".join(sorted(extra))
                yield f"documents.{i}.allowed_forms", f"{forms} not in submission_forms", "error"
