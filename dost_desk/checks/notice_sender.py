"""Posting a notice to the applicant's E-sosial cabinet (seed 000 step 8).

Like the check providers: ``manual`` (the agent posts it in E-sosial and marks it
posted) or ``http`` (``POST {base_url}/notices``, ``docs/checks-http-api.md``). A sender
never raises for a failed post: the outcome says why, and the notice stays pending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dost_desk.checks.base import Clock, utc_now
from dost_desk.checks.http_json import (
    HttpFailure,
    TokenUnavailable,
    describe_status,
    post_json,
    read_token,
)
from dost_desk.checks.http_provider import API_VERSION, describe_validation
from dost_desk.http_endpoints import NoticeSenderConfig


@dataclass(frozen=True, slots=True)
class NoticeRequest:
    notice_id: str
    kind: str  # e_sosial
    registration_number: str | None
    passport_id: str
    fin: str | None
    voen: str | None
    due: date
    deadline: datetime | None
    message: str  # the Azerbaijani text for the cabinet


@dataclass(frozen=True, slots=True)
class NoticeOutcome:
    posted: bool
    channel: str
    summary: str
    at: datetime
    response: dict[str, Any] | None = None


class NoticeSender(Protocol):
    name: str
    automatic: bool

    def post_notice(self, request: NoticeRequest) -> NoticeOutcome: ...


class ManualNoticeSender:
    """The agent posts the notice in E-sosial by hand; nothing to send from here."""

    name = "manual"
    automatic = False

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock

    def post_notice(self, request: NoticeRequest) -> NoticeOutcome:
        return NoticeOutcome(
            posted=False,
            channel=self.name,
            summary="E-sosial: notices are posted by hand here; mark the notice as posted",
            at=self._clock(),
        )


class NoticeAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    request_id: str | None = None
    status: Literal["posted", "rejected"]
    reference: str | None = Field(default=None, max_length=128)
    message: str | None = Field(default=None, max_length=2000)
    posted_at: datetime | None = None


class HttpNoticeSender:
    """Posts through ``POST {base_url}/notices`` and reads a :class:`NoticeAnswer`."""

    name = "http"
    automatic = True

    def __init__(self, config: NoticeSenderConfig, clock: Clock = utc_now) -> None:
        if config.provider != "http" or config.base_url is None:
            raise ValueError("HttpNoticeSender needs an http sender configuration")
        self._config = config
        self._clock = clock

    def post_notice(self, request: NoticeRequest) -> NoticeOutcome:
        def failed(message: str, response: dict[str, Any] | None = None) -> NoticeOutcome:
            return NoticeOutcome(False, self.name, f"E-sosial: {message}", self._clock(), response)

        try:
            token = read_token(self._config)
        except TokenUnavailable as error:
            return failed(f"not configured: {error}")
        payload = {
            "api_version": API_VERSION,
            "request_id": request.notice_id,
            "kind": request.kind,
            "registration_number": request.registration_number,
            "passport_id": request.passport_id,
            "recipient": {"fin": request.fin, "voen": request.voen},
            "due": request.due.isoformat(),
            "deadline": request.deadline.isoformat() if request.deadline else None,
            "message": request.message,
        }
        try:
            reply = post_json(self._config, "/notices", payload, token)
        except HttpFailure as error:
            return failed(str(error), {"error": str(error), "timed_out": error.timed_out})
        raw: dict[str, Any] = {"status": reply.status}
        if reply.status != 200:
            return failed(describe_status(reply.status), {**raw, "body": reply.text()})
        try:
            body = reply.json()
        except ValueError as error:
            return failed(f"the answer is not JSON ({error})", {**raw, "body": reply.text()})
        raw["body"] = body
        try:
            answer = NoticeAnswer.model_validate(body)
        except ValidationError as error:
            return failed(f"unexpected answer: {describe_validation(error)}", raw)
        if answer.request_id not in (None, request.notice_id):
            return failed("the answer is for another notice (request_id differs)", raw)
        if answer.status != "posted":
            return failed(f"rejected: {answer.message or 'no reason given'}", raw)
        summary = "E-sosial: posted" + (
            f" (reference {answer.reference})" if answer.reference else ""
        )
        return NoticeOutcome(True, self.name, summary, self._clock(), raw)
