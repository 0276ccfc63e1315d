"""Asking the systems of a check: in the passport's order, checks side by side."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from dost_desk.checks.base import CheckOutcome, CheckProvider, CheckRequest

#: One check: its requests to the automatic providers of its systems, in order.
Asks = Sequence[tuple[CheckRequest, CheckProvider]]

_MAX_PARALLEL = 8


def first_answer(asks: Asks) -> CheckOutcome | None:
    """The first confirmed / not confirmed answer; else the last system's failure; None
    when there is nothing to ask (every system of the check is manual)."""
    outcome = None
    for request, provider in asks:
        outcome = provider.run(request)
        if outcome.result.is_answer:
            return outcome
    return outcome


def run_checks_in_parallel(checks: Sequence[Asks]) -> list[CheckOutcome | None]:
    """:func:`first_answer` of every check, the checks in parallel threads (each system
    has its own time limit, so the slowest check bounds the wait, not their sum)."""
    busy = [asks for asks in checks if asks]
    if len(busy) <= 1:
        return [first_answer(asks) for asks in checks]
    with ThreadPoolExecutor(max_workers=min(_MAX_PARALLEL, len(busy))) as pool:
        return list(pool.map(first_answer, checks))
