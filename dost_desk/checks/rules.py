"""What a check's result means for the application: the passport's outcome rules."""

from __future__ import annotations

from collections.abc import Mapping

from dost_desk.models.passport import CheckSpec


def rule_conflicts(check: CheckSpec, result: str, variant: Mapping[str, str]) -> list[str]:
    """The rules ``result`` breaks for the chosen ``variant``, one sentence each, e.g.
    "confirmed: action must be replace or duplicate, not issue (Şəhadətnamə artıq ...)"."""
    conflicts = []
    for rule in check.outcome_rules:
        if rule.when_result != result:
            continue
        for dimension, allowed in rule.require_variant.items():
            chosen = variant.get(dimension)
            if chosen in allowed:
                continue
            text = f"{result}: {dimension} must be {' or '.join(allowed)}, not {chosen or '-'}"
            conflicts.append(f"{text} ({rule.meaning})" if rule.meaning else text)
    return conflicts
