"""The ``manual`` provider: the agent records what the information system showed.

This is the realistic path today: the agent has MEİS open beside DOST Desk, looks the
applicant up, and types the result and the reference number; who and when are kept.
"""

from __future__ import annotations

from dost_desk.checks.base import CheckOutcome, CheckRequest, CheckResultKind, Clock, utc_now

_WORDS = {CheckResultKind.CONFIRMED: "confirmed", CheckResultKind.NOT_CONFIRMED: "not confirmed"}


class ManualProvider:
    """Turns the agent's entry (``request.manual``) into an outcome."""

    name = "manual"
    automatic = False

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock

    def run(self, request: CheckRequest) -> CheckOutcome:
        """Raises ValueError without an entry: a manual check cannot run by itself."""
        entry = request.manual
        if entry is None:
            raise ValueError(f"{request.system}: a manual check needs the agent's entry")
        result = CheckResultKind(entry.result)
        summary = f"{request.system}: {_WORDS[result]} by {entry.actor}"
        if entry.reference:
            summary += f" (reference {entry.reference})"
        return CheckOutcome(
            system=request.system,
            provider=self.name,
            result=result,
            summary=summary,
            at=self._clock(),
            raw={"entered_by": entry.actor, "result": result.value},
            reference=entry.reference,
            note=entry.note,
            actor=entry.actor,
        )
