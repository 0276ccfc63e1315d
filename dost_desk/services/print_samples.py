"""Sample documents with realistic Azerbaijani data (``resources/print/samples.yaml``):
no database, for ``print sample``, the self-check, tests and benchmarks."""

from __future__ import annotations

import uuid
from typing import Any

from dost_desk.print.context import Centre, build_context
from dost_desk.print.documents import render_document
from dost_desk.print.errors import PrintError
from dost_desk.print.templates import load_template
from dost_desk.services.intake_dto import ApplicationView


def render_sample(kind: str, profile: str = "a4") -> bytes:
    """A document of ``kind`` with realistic Azerbaijani sample data (no database)."""
    return render_document(kind, sample_context(kind), profile)


def sample_context(kind: str, view: ApplicationView | None = None) -> dict[str, Any]:
    """The full document context of the sample for ``kind`` (or of ``view``, e.g. a
    sample changed by a test), built exactly as for a stored application."""
    from dost_desk.services.catalog import open_catalog

    data = _samples()
    catalog = open_catalog()
    view = view or sample_view(kind)
    centre = Centre(data["centre"]["code"], data["centre"]["name"])
    return build_context(view, catalog.get(view.passport_id), catalog.reference, centre)


def sample_view(kind: str) -> ApplicationView:
    """The sample application for ``kind`` (``resources/print/samples.yaml``)."""
    data = _samples()
    load_template(kind)  # an unknown kind says so
    sample = data["samples"].get(kind)
    if sample is None:
        raise PrintError(f"no sample application for {kind!r} in samples.yaml")
    return _view_from_sample(kind, sample, data["agent"], data["centre"]["code"])


def _samples() -> dict[str, Any]:
    from dost_desk.print._yaml import read_yaml
    from dost_desk.resources import resource_path

    return read_yaml(resource_path("print", "samples.yaml"))


def _dto(cls: Any, values: dict[str, Any]) -> Any:
    """A DTO dataclass from a dict: the fields it names, None for the others."""
    from dataclasses import fields

    return cls(**{f.name: values.get(f.name) for f in fields(cls)})


def _view_from_sample(kind: str, data: dict[str, Any], agent: str, centre: str) -> ApplicationView:
    """An ApplicationView from one entry of samples.yaml (dates parsed by YAML)."""
    from dost_desk.services.intake_dto import (
        ApplicantView,
        DocumentView,
        HistoryEntry,
        RepresentativeView,
    )

    applicant = _dto(ApplicantView, {"id": f"sample-{kind}-applicant", **data["applicant"]})
    rep = data.get("representative")
    representative = _dto(RepresentativeView, rep) if rep else None
    documents = tuple(
        DocumentView(
            d["name"], d["submission"], d.get("electronic_source"), ("original", "copy"), True
        )
        for d in data["documents"]
    )
    history = [HistoryEntry(None, "draft", agent, data["started_at"], None)]
    history.append(
        HistoryEntry(
            "draft",
            data["status"] if data["status"] == "refused" else "submitted",
            agent,
            data["outcome_at"],
            None,
        )
    )
    if data.get("handed_over_at"):
        history.append(HistoryEntry("ready", "handed_over", agent, data["handed_over_at"], None))
    accepted = data["status"] != "refused"
    return ApplicationView(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"dost-desk-sample:{kind}")),
        registration_number=data.get("registration_number"),
        status=data["status"],
        centre_code=centre,
        agent=agent,
        passport_id=data["passport_id"],
        passport_name="",
        variant=dict(data.get("variant") or {}),
        application_form=data["application_form"],
        response_form=data.get("response_form"),
        ticket_number=data.get("ticket_number"),
        applicant=applicant,
        representative=representative,
        documents=documents,
        complete=all(d.submission != "not_submitted" for d in documents),
        missing=tuple(d.name for d in documents if d.submission == "not_submitted"),
        fee=data.get("fee"),
        refusal=data.get("refusal"),
        cancel_reason=None,
        started_at=data["started_at"],
        submitted_at=data["outcome_at"] if accepted else None,
        outcome_at=data["outcome_at"],
        service_seconds=int((data["outcome_at"] - data["started_at"]).total_seconds()),
        operator_standard_minutes=None,
        deadline_front=None,
        deadline_back=None,
        deadline_total=data.get("deadline_total"),
        notice_due=data.get("notice_due"),
        history=tuple(history),
    )
