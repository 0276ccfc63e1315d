"""The ``http`` provider: a check answered by a JSON-over-HTTP service.

The request and answer shapes are documented for the ministry's integrators in
``docs/checks-http-api.md``; :class:`CheckAnswer` is the answer's schema. Whatever goes
wrong (token missing, server slow, HTTP 500, not JSON, unexpected fields) becomes an
``unavailable`` outcome whose summary names the system; ``run`` never raises for it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dost_desk.checks.base import (
    CheckOutcome,
    CheckRequest,
    CheckResultKind,
    Clock,
    unavailable,
    utc_now,
)
from dost_desk.checks.http_json import (
    HttpFailure,
    TokenUnavailable,
    describe_status,
    post_json,
    read_token,
)
from dost_desk.http_endpoints import CheckProviderConfig

API_VERSION = 1


class CheckAnswer(BaseModel):
    """The body of a 200 answer (``docs/checks-http-api.md``); anything else is refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    request_id: str | None = None
    result: Literal["confirmed", "not_confirmed", "unavailable"]
    summary: str | None = Field(default=None, max_length=2000)
    reference: str | None = Field(default=None, max_length=128)
    as_of: date | None = None
    checked_at: datetime | None = None
    details: dict[str, Any] | None = None


def check_payload(request: CheckRequest, request_id: str) -> dict[str, Any]:
    """The request body for ``request`` (see ``docs/checks-http-api.md``)."""
    return {
        "api_version": API_VERSION,
        "request_id": request_id,
        "system": request.system,
        "step": request.step,
        "question": request.subject,
        "subject": {"fin": request.fin, "voen": request.voen},
        "application": {
            "id": request.application_id,
            "registration_number": request.registration_number,
            "passport_id": request.passport_id,
            "variant": dict(request.variant),
        },
    }


def describe_validation(error: ValidationError) -> str:
    """The first problems of an answer, e.g. ``unexpected field 'colour'``."""
    parts = []
    for item in error.errors(include_url=False)[:3]:
        where = ".".join(str(p) for p in item["loc"]) or "the answer"
        if item["type"] == "extra_forbidden":
            parts.append(f"unexpected field {where!r}")
        elif item["type"] == "missing":
            parts.append(f"missing field {where!r}")
        else:
            parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


class HttpCheckProvider:
    """Asks ``POST {base_url}/checks/{system}`` and reads a :class:`CheckAnswer`."""

    name = "http"
    automatic = True

    def __init__(self, config: CheckProviderConfig, clock: Clock = utc_now) -> None:
        if config.provider != "http" or config.base_url is None:
            raise ValueError("HttpCheckProvider needs an http provider configuration")
        self._config = config
        self._clock = clock

    def run(self, request: CheckRequest) -> CheckOutcome:
        def failed(message: str, raw: dict[str, Any] | None = None) -> CheckOutcome:
            return unavailable(request, self.name, message, self._clock(), raw)

        try:
            token = read_token(self._config)
        except TokenUnavailable as error:
            return failed(f"not configured: {error}")
        if not request.person_key:
            return failed("the applicant has no FİN or VÖEN to check")
        request_id = str(uuid.uuid4())
        path = f"/checks/{request.system}"
        try:
            reply = post_json(self._config, path, check_payload(request, request_id), token)
        except HttpFailure as error:
            return failed(str(error), {"error": str(error), "timed_out": error.timed_out})
        raw: dict[str, Any] = {"status": reply.status, "request_id": request_id}
        if reply.status != 200:
            return failed(describe_status(reply.status), {**raw, "body": reply.text()})
        try:
            body = reply.json()
        except ValueError as error:
            return failed(f"the answer is not JSON ({error})", {**raw, "body": reply.text()})
        raw["body"] = body
        try:
            answer = CheckAnswer.model_validate(body)
        except ValidationError as error:
            return failed(f"unexpected answer: {describe_validation(error)}", raw)
        if answer.request_id not in (None, request_id):
            return failed("the answer is for another request (request_id differs)", raw)
        result = CheckResultKind(answer.result)
        summary = answer.summary or f"{result.value} by {request.system}"
        return CheckOutcome(
            system=request.system,
            provider=self.name,
            result=result,
            summary=f"{request.system}: {summary}",
            at=self._clock(),
            raw=raw,
            reference=answer.reference,
            as_of=answer.as_of,
        )
