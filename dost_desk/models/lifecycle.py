"""The life of an application (müraciət): its statuses and the transitions between them."""

from __future__ import annotations

from enum import StrEnum


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ORDERED = "ordered"
    READY = "ready"
    HANDED_OVER = "handed_over"
    REFUSED = "refused"
    CANCELLED = "cancelled"


_S = ApplicationStatus

# draft → submitted → ordered → ready → handed over; refused or cancelled on the way.
ALLOWED_TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    _S.DRAFT: frozenset({_S.SUBMITTED, _S.REFUSED, _S.CANCELLED}),
    _S.SUBMITTED: frozenset({_S.ORDERED, _S.READY, _S.CANCELLED}),
    _S.ORDERED: frozenset({_S.READY, _S.CANCELLED}),
    _S.READY: frozenset({_S.HANDED_OVER}),
    _S.HANDED_OVER: frozenset(),
    _S.REFUSED: frozenset(),
    _S.CANCELLED: frozenset(),
}

FINAL_STATUSES = frozenset(s for s, targets in ALLOWED_TRANSITIONS.items() if not targets)


class IllegalTransition(ValueError):
    """A status change the lifecycle does not allow (e.g. a second submit)."""

    def __init__(self, current: ApplicationStatus, target: ApplicationStatus) -> None:
        super().__init__(f"an application that is {current.value} cannot become {target.value}")
        self.current = current
        self.target = target


def check_transition(current: ApplicationStatus, target: ApplicationStatus) -> None:
    """Raise :class:`IllegalTransition` unless ``current`` may become ``target``."""
    if target not in ALLOWED_TRANSITIONS[current]:
        raise IllegalTransition(current, target)
