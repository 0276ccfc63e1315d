"""Checks as catalog data: seed 000 steps 4 and 5, validation of check references, rules."""

from __future__ import annotations

import pytest

from dost_desk.catalog.consistency import cross_check_passport
from dost_desk.catalog.loader import load_catalog
from dost_desk.checks.rules import rule_conflicts
from dost_desk.models.passport import CheckSpec


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_seed_000_names_two_checks(catalog):
    passport = catalog.get("01-08-02-00")
    employment, certificate = passport.check_steps()
    assert (employment.number, certificate.number) == (4, 5)
    assert employment.check_systems == ("emek_muqavilesi_bildirisi", "mesgulluq")
    assert employment.check.informational and employment.check.deferrable
    assert certificate.check_systems == ("monitoring",)
    assert not certificate.check.informational
    (rule,) = certificate.check.outcome_rules
    assert rule.when_result == "confirmed"
    assert rule.require_variant == {"action": ("replace", "duplicate")}


def test_seed_001_has_no_check_steps(catalog):
    assert catalog.get("01-00-01-00").check_steps() == ()


def test_an_existing_certificate_rules_out_issuing_a_new_one(catalog):
    check = catalog.get("01-08-02-00").steps[4].check
    (conflict,) = rule_conflicts(check, "confirmed", {"action": "issue"})
    assert conflict.startswith("confirmed: action must be replace or duplicate, not issue (")
    assert rule_conflicts(check, "confirmed", {"action": "duplicate"}) == []
    assert rule_conflicts(check, "not_confirmed", {"action": "issue"}) == []
    assert rule_conflicts(check, "unavailable", {"action": "issue"}) == []


def _with_step(catalog, **check):
    passport = catalog.get("01-08-02-00")
    steps = list(passport.steps)
    steps[4] = steps[4].model_copy(update={"check": CheckSpec(subject="Varmı?", **check)})
    return passport.model_copy(update={"steps": tuple(steps)})


def _errors(catalog, passport):
    return [(f, m) for f, m, s in cross_check_passport(passport, catalog.reference) if s == "error"]


def test_the_bundled_checks_are_consistent(catalog):
    assert _errors(catalog, catalog.get("01-08-02-00")) == []


def test_a_check_must_name_known_systems(catalog):
    passport = _with_step(catalog, systems=("monitoring", "astrology"))
    assert _errors(catalog, passport) == [
        ("steps.4.check.systems", "unknown MEİS subsystem 'astrology'")
    ]


def test_a_rule_must_name_the_passport_variants(catalog):
    rule = {"when_result": "confirmed", "require_variant": {"action": ["renew"], "colour": ["x"]}}
    passport = _with_step(catalog, outcome_rules=(rule,))
    assert _errors(catalog, passport) == [
        ("steps.4.check.outcome_rules.0.require_variant", "unknown option 'renew' of 'action'"),
        ("steps.4.check.outcome_rules.0.require_variant", "unknown variant dimension 'colour'"),
    ]


def test_only_a_check_step_may_carry_a_check(catalog):
    passport = catalog.get("01-08-02-00")
    steps = list(passport.steps)
    steps[0] = steps[0].model_copy(update={"check": CheckSpec(subject="Varmı?")})
    broken = passport.model_copy(update={"steps": tuple(steps)})
    assert ("steps.0.kind", "a step with a check must be of kind 'check'") in _errors(
        catalog, broken
    )
    assert ("steps.0.check", "names no system (set check.systems or the step's subsystems)") in (
        _errors(catalog, broken)
    )


def test_a_rule_answers_confirmed_or_not_confirmed():
    with pytest.raises(ValueError, match="when_result"):
        CheckSpec(subject="Varmı?", outcome_rules=({"when_result": "maybe"},))
