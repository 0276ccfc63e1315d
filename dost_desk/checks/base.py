"""What every check provider takes and gives (no Qt, no database).

A provider answers one question about one applicant in one information system
(e.g. "does this FİN hold a social insurance certificate?" in Monitoring). It never
raises for a system that is slow, down or answers nonsense: that is an ``unavailable``
outcome with a message naming the system, so the intake stays usable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Protocol


class CheckResultKind(StrEnum):
    """The answer of a check; "confirmed" answers the passport's question with yes."""

    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"
    UNAVAILABLE = "unavailable"
    DEFERRED = "deferred"

    @property
    def is_answer(self) -> bool:
        """True for confirmed / not confirmed: the system said something about the person."""
        return self in (CheckResultKind.CONFIRMED, CheckResultKind.NOT_CONFIRMED)


#: The providers a system can be configured with (``[checks.<system>] provider = ...``).
PROVIDER_NAMES = ("manual", "reference", "http")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ManualEntry:
    """What the agent saw in the system (MEİS open beside the desk), and who saw it."""

    result: CheckResultKind
    actor: str
    reference: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if not CheckResultKind(self.result).is_answer:
            raise ValueError("a manual entry is confirmed or not_confirmed")


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """One check of one applicant in one system, for one step of an application."""

    system: str
    step: int
    subject: str  # the passport's question, e.g. "Müraciət edən şəxsin ... varmı?"
    application_id: str
    passport_id: str
    fin: str | None = None
    voen: str | None = None
    registration_number: str | None = None
    variant: Mapping[str, str] = field(default_factory=dict)
    manual: ManualEntry | None = None

    @property
    def person_key(self) -> str | None:
        """The FİN, else the VÖEN: what a reference table or a remote system is keyed by."""
        return self.fin or self.voen


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """A provider's answer: the result, a one-line summary, and the raw response kept."""

    system: str
    provider: str
    result: CheckResultKind
    summary: str
    at: datetime
    raw: dict[str, Any] | None = None
    reference: str | None = None
    note: str | None = None
    actor: str | None = None
    as_of: date | None = None  # the date of the data (a reference table's extract)


class CheckProvider(Protocol):
    """Runs checks in one information system; ``automatic`` False: the agent answers."""

    name: str
    automatic: bool

    def run(self, request: CheckRequest) -> CheckOutcome:
        """Answer ``request``; a system that cannot answer gives ``unavailable``."""
        ...


def unavailable(
    request: CheckRequest,
    provider: str,
    message: str,
    at: datetime,
    raw: dict[str, Any] | None = None,
) -> CheckOutcome:
    """The outcome of a system that could not answer; the summary names the system."""
    return CheckOutcome(
        system=request.system,
        provider=provider,
        result=CheckResultKind.UNAVAILABLE,
        summary=f"{request.system}: {message}",
        at=at,
        raw=raw,
    )
