"""The document context: every value a printed document can show, as plain strings.

:func:`build_context` turns an application (an ``ApplicationView``), its passport, the
catalog reference (the Azerbaijani labels), the centre and the agent into a dict of
strings, lists of strings and lists of small string dicts, NFC-normalised. A template
(:mod:`dost_desk.print.templates`) then keeps the fields it prints; that projection is
what is hashed, archived and embedded in the PDF, so it is JSON as it stands.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dost_desk.models.local_time import BAKU
from dost_desk.print.texts import PrintTexts, fill, load_texts

if TYPE_CHECKING:
    from dost_desk.models.passport import Passport
    from dost_desk.models.reference import CatalogReference
    from dost_desk.services.intake_dto import ApplicationView

Context = dict[str, Any]

#: The fields a template may name, with what they hold. ``variant_<key>`` fields (one per
#: variant dimension of the passport, e.g. ``variant_category``) come on top.
CONTEXT_FIELDS: dict[str, str] = {
    "number": "the registration number, or the application ID when it has none (refused)",
    "registration_number": "the registration number (empty when refused before one)",
    "application_id": "the application's client UUID",
    "centre_code": "the centre's code, e.g. C123",
    "centre_name": "the centre's name",
    "agent": "the social agent who took the application",
    "service_id": "the passport ID, e.g. 01-08-02-00",
    "service_name": "the service's name",
    "back_office": "the back office that executes the service (short name)",
    "responsible_position": "the passport's responsible position",
    "variant": "list of {label, value}: each variant dimension and the option chosen",
    "variant_text": "the variant as one line",
    "applicant_name": "the applicant's full name or organisation name",
    "applicant_identifier_label": "FİN or VÖEN",
    "applicant_identifier": "the FİN (or VÖEN) masked except the last 2 characters",
    "applicant_user_type": "the user type's label (citizen, foreigner, …)",
    "representative_name": "the representative's full name",
    "representative_identifier": "the representative's FİN, masked",
    "representative_authority": "the authority document (kind, number, date, issuer)",
    "application_form": "how the application came in (label)",
    "response_form": "how the applicant is answered (label)",
    "ticket_number": "the queue ticket",
    "started_at": "when the service started (dd.mm.yyyy hh:mm, Baku)",
    "submitted_at": "when the application was accepted",
    "outcome_at": "when the application was accepted or refused",
    "outcome_date": "the day of the outcome",
    "outcome_at_iso": "the outcome time, ISO 8601 in Baku time",
    "status": "the status key",
    "status_label": "the status in Azerbaijani",
    "documents": "list of {number, name, form}: the documents and the form of each",
    "documents_count": "how many documents",
    "checks": "list of {number, subject, result, detail}: the passport's checks and results",
    "fee_amount": "the fee paid, e.g. 5.00 AZN (empty for a free service)",
    "fee_method": "how the fee was paid",
    "fee_reference": "the payment reference",
    "deadline_front": "the front-office deadline",
    "deadline_total": "the service's deadline",
    "come_back": "when to come back for the result",
    "notice_due": "the day the E-sosial notice is posted at the latest",
    "how_to_check": "how to check the application's status",
    "refusal_grounds": "list: the refusal grounds chosen",
    "refusal_reason": "the free-text reason of a refusal",
    "legal_bases": "list: the legal basis chosen, else every legal basis of the passport",
    "appeal": "the pre-court dispute information, or 'göstərilməyib'",
    "handover_at": "when the result was handed over",
    "handover_at_iso": "the handover time, ISO 8601 in Baku time",
    "handover_by": "who handed it over",
    "handed_to": "who received it (the representative, when the answer goes to one)",
}
VARIANT_PREFIX = "variant_"
#: Fields holding lists of dicts, with the keys of each item.
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "documents": ("number", "name", "form"),
    "checks": ("number", "subject", "result", "detail"),
    "variant": ("label", "value"),
}
LIST_FIELDS = frozenset({"refusal_grounds", "legal_bases"})


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One check as printed: the passport step, what was checked, the result, details."""

    step: int
    subject: str
    status: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Centre:
    code: str
    name: str


def is_context_field(name: str) -> bool:
    return name in CONTEXT_FIELDS or name.startswith(VARIANT_PREFIX)


def mask_identifier(value: str | None, visible: int = 2) -> str:
    """``"5ZX8K2P"`` → ``"•••••2P"``: only the last ``visible`` characters are printed."""
    value = (value or "").strip()
    if not value:
        return ""
    shown = value[-visible:] if len(value) > visible else ""
    return "•" * (len(value) - len(shown)) + shown


def local_time(moment: datetime | None) -> str:
    return moment.astimezone(BAKU).strftime("%d.%m.%Y %H:%M") if moment else ""


def local_date(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = moment.astimezone(BAKU).date()
    return moment.strftime("%d.%m.%Y")


def iso_local(moment: datetime | None) -> str:
    """ISO 8601 in Baku time (the PDF creation date is printed from it)."""
    return moment.astimezone(BAKU).isoformat(timespec="seconds") if moment else ""


def nfc_all(value: Any) -> Any:
    """Every string inside ``value`` in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: nfc_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [nfc_all(item) for item in value]
    return value


def build_context(
    view: ApplicationView,
    passport: Passport,
    reference: CatalogReference,
    centre: Centre,
    agent: str | None = None,
    texts: PrintTexts | None = None,
    checks: Sequence[CheckLine] = (),
) -> Context:
    """Every printable value of one application (``agent`` defaults to the one who took it;
    ``checks``: the results of the passport's checks, printed where the layout asks)."""
    texts = texts or load_texts()
    context: Context = {name: "" for name in CONTEXT_FIELDS}
    context.update(
        number=view.registration_number or view.id,
        registration_number=view.registration_number or "",
        application_id=view.id,
        centre_code=centre.code,
        centre_name=centre.name,
        agent=agent or view.agent,
        service_id=passport.id,
        service_name=passport.name,
        back_office=_back_office(passport, reference),
        responsible_position=passport.responsible_position or "",
        application_form=reference.label("application_form", view.application_form),
        response_form=(
            reference.label("response_form", view.response_form) if view.response_form else ""
        ),
        ticket_number=view.ticket_number or "",
        started_at=local_time(view.started_at),
        submitted_at=local_time(view.submitted_at),
        outcome_at=local_time(view.outcome_at),
        outcome_date=local_date(view.outcome_at),
        outcome_at_iso=iso_local(view.outcome_at),
        status=view.status,
        status_label=texts.statuses.get(view.status, view.status),
        how_to_check=texts.how_to_check,
    )
    context.update(_variant(view, passport))
    context.update(_people(view, reference, texts))
    context.update(_documents(view, reference, texts))
    context.update(_fee(view))
    context.update(_deadlines(view, texts))
    context.update(_refusal(view, passport, texts))
    context.update(_handover(view, context))
    context["checks"] = [
        {
            "number": str(line.step),
            "subject": line.subject,
            "result": texts.check_results.get(line.status, line.status),
            "detail": line.detail,
        }
        for line in checks
    ]
    return nfc_all(context)


def _back_office(passport: Passport, reference: CatalogReference) -> str:
    office = reference.back_office(passport.back_office_group)
    return office.short if office else ""


def _variant(view: ApplicationView, passport: Passport) -> Context:
    rows = []
    values: Context = {}
    for dimension in passport.variants:
        chosen = view.variant.get(dimension.key)
        if not chosen:
            continue
        label = next((o.label for o in dimension.options if o.key == chosen), chosen)
        rows.append({"label": dimension.label, "value": label})
        values[VARIANT_PREFIX + dimension.key.replace("-", "_")] = label
    values["variant"] = rows
    values["variant_text"] = "; ".join(f"{row['label']}: {row['value']}" for row in rows)
    return values


def _full_name(*parts: str | None) -> str:
    return " ".join(part.strip() for part in parts if part and part.strip())


def _people(view: ApplicationView, reference: CatalogReference, texts: PrintTexts) -> Context:
    values: Context = {}
    person = view.applicant
    if person is not None:
        values["applicant_name"] = person.display_name
        use_voen = person.kind != "person" and bool(person.voen)
        key = "voen" if use_voen else "fin"
        values["applicant_identifier_label"] = texts.identifiers.get(key, key.upper())
        values["applicant_identifier"] = mask_identifier(person.voen if use_voen else person.fin)
        if person.user_type:
            values["applicant_user_type"] = reference.label("user_type", person.user_type)
    rep = view.representative
    if rep is not None:
        values["representative_name"] = _full_name(rep.surname, rep.name, rep.patronymic)
        values["representative_identifier"] = mask_identifier(rep.fin)
        kind = texts.authority_kinds.get(rep.authority_kind, rep.authority_kind)
        values["representative_authority"] = ", ".join(
            part
            for part in (
                f"{kind} № {rep.authority_number}",
                local_date(rep.authority_date),
                rep.authority_issuer,
            )
            if part
        )
    return values


def _documents(view: ApplicationView, reference: CatalogReference, texts: PrintTexts) -> Context:
    rows = []
    for position, document in enumerate(view.documents, start=1):
        if document.submission == "electronic_source":
            system = (document.electronic_source or "").strip()
            if system:
                # "… informasiya sistemi" takes the ablative itself: "… sistemindən".
                pattern = (
                    texts.electronic_source_is_system
                    if system.endswith("sistemi")
                    else texts.electronic_source
                )
                form = fill(pattern, {"system": system})
            else:
                form = texts.electronic_source_unnamed
        elif document.submission == "not_submitted":
            form = texts.not_submitted
        else:
            form = reference.label("submission_form", document.submission)
        rows.append({"number": str(position), "name": document.name, "form": form})
    return {"documents": rows, "documents_count": str(len(rows))}


def _fee(view: ApplicationView) -> Context:
    fee = view.fee or {}
    amount = str(fee.get("amount") or "").strip()
    return {
        "fee_amount": f"{amount} AZN" if amount else "",
        "fee_method": str(fee.get("method") or ""),
        "fee_reference": str(fee.get("reference") or ""),
    }


def _deadlines(view: ApplicationView, texts: PrintTexts) -> Context:
    values: Context = {
        "deadline_front": local_time(view.deadline_front),
        "deadline_total": local_time(view.deadline_total),
        "notice_due": local_date(view.notice_due),
    }
    if view.deadline_total is not None:
        day = view.deadline_total.astimezone(BAKU)
        values["come_back"] = fill(
            texts.come_back, {"date": local_date(day), "weekday": texts.weekdays[day.weekday()]}
        )
    return values


def _refusal(view: ApplicationView, passport: Passport, texts: PrintTexts) -> Context:
    refusal = view.refusal or {}
    grounds = refusal.get("ground_texts")
    chosen = refusal.get("legal_basis")
    return {
        "refusal_grounds": [str(g) for g in grounds] if isinstance(grounds, list) else [],
        "refusal_reason": str(refusal.get("reason") or ""),
        "legal_bases": [str(chosen)] if chosen else list(passport.legal_bases),
        "appeal": passport.pre_court_dispute or texts.not_stated,
    }


def _handover(view: ApplicationView, context: Context) -> Context:
    entry = next((h for h in reversed(view.history) if h.to_status == "handed_over"), None)
    if entry is None:
        return {}
    to_representative = view.response_form == "representative" and context["representative_name"]
    return {
        "handover_at": local_time(entry.at),
        "handover_at_iso": iso_local(entry.at),
        "handover_by": entry.actor,
        "handed_to": context["representative_name"]
        if to_representative
        else context["applicant_name"],
    }
