"""Check providers (manual entry, offline reference tables, JSON over HTTP) and the
E-sosial notice senders. No Qt; the services decide what to do with the answers."""

from dost_desk.checks.base import (
    CheckOutcome,
    CheckProvider,
    CheckRequest,
    CheckResultKind,
    ManualEntry,
)

__all__ = ["CheckOutcome", "CheckProvider", "CheckRequest", "CheckResultKind", "ManualEntry"]
