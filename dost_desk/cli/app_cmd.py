"""`dost-desk app list|show`: the centre's applications, as text or JSON."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING

from dost_desk.cli.common import (
    URL_HELP,
    configured_desk,
    int_between,
    jsonable,
    print_json,
)

if TYPE_CHECKING:
    from dost_desk.services.intake_dto import ApplicationView

STATUSES = ("draft", "submitted", "ordered", "ready", "handed_over", "refused", "cancelled")


def register(subparsers: argparse._SubParsersAction) -> None:
    app = subparsers.add_parser("app", help="list and show applications of this centre")
    commands = app.add_subparsers(dest="app_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="applications, newest first")
    listing.add_argument("--status", choices=STATUSES, help="only applications in this status")
    listing.add_argument("--query", default="", help="registration number, FİN, VÖEN or name")
    listing.add_argument(
        "--limit",
        type=int_between(1, 1_000_000),
        default=100,
        help="at most this many (default 100)",
    )
    listing.add_argument("--url", help=URL_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = commands.add_parser("show", help="one application in full")
    show.add_argument("key", metavar="REGNO_OR_ID", help="registration number or application ID")
    show.add_argument("--url", help=URL_HELP)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _local(moment: datetime | None, pattern: str = "%d.%m.%Y %H:%M") -> str:
    from dost_desk.services.desk import BAKU

    return moment.astimezone(BAKU).strftime(pattern) if moment else "-"


def _list(args: argparse.Namespace) -> int:
    from dost_desk.services.applications import list_applications

    with configured_desk(args.url) as desk:
        rows = list_applications(desk, args.status, args.query, args.limit)
    if args.json:
        print_json([jsonable(asdict(row)) for row in rows])
        return 0
    for row in rows:
        number = row.registration_number or ("draft" if row.status == "draft" else "-")
        deadline = _local(row.deadline_total, "%d.%m.%Y")
        name = row.applicant_name or "(applicant not entered)"
        print(f"{number:<18} {row.status:<11} {row.passport_id}  {deadline:<10}  {name}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from dost_desk.services.applications import get_application
    from dost_desk.services.checks import checks_for_application
    from dost_desk.services.printing import list_printed_documents

    with configured_desk(args.url) as desk:
        view = get_application(desk, args.key)
        checks = checks_for_application(desk, args.key)
        printed = list_printed_documents(desk, args.key)
    if args.json:
        data = jsonable(asdict(view))
        data["checks"] = [jsonable(asdict(check)) for check in checks]
        data["printed_documents"] = [jsonable(asdict(p)) for p in printed]
        standard = view.operator_standard_minutes
        data["service_standard_seconds"] = standard * 60 if standard is not None else None
        if view.applicant is not None:
            data["applicant"]["display_name"] = view.applicant.display_name
        print_json(data)
        return 0
    for line in describe_application(view):
        print(line)
    return 0


def _minutes(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds // 60} min {seconds % 60:02d} s"


def describe_application(view: ApplicationView) -> list[str]:
    """The application as readable lines of text (times in Baku time)."""
    title = view.registration_number or view.id
    lines = [f"Application {title} ({view.status})"]
    field = lines.append
    field(f"  Service:          {view.passport_id} {view.passport_name}")
    if view.variant:
        field("  Variant:          " + ", ".join(f"{k}={v}" for k, v in view.variant.items()))
    field(f"  Form:             {view.application_form}; response: {view.response_form or '-'}")
    field(f"  Ticket:           {view.ticket_number or '-'}")
    field(f"  Centre, agent:    {view.centre_code}, {view.agent}")
    person = view.applicant
    if person is None:
        field("  Applicant:        (not entered)")
    else:
        field(f"  Applicant:        {person.display_name} ({person.user_type})")
        ids = [
            f"FİN {person.fin}" if person.fin else "",
            f"VÖEN {person.voen}" if person.voen else "",
        ]
        if person.id_document_number:
            ids.append(f"{person.id_document_kind} {person.id_document_number}")
        if person.birth_date:
            ids.append(f"born {person.birth_date:%d.%m.%Y}")
        field("                    " + ", ".join(i for i in ids if i))
        contacts = ", ".join(c for c in (person.phone, person.email, person.address) if c)
        if contacts:
            field(f"                    {contacts}")
    rep = view.representative
    if rep is not None:
        field(f"  Representative:   {rep.surname} {rep.name} {rep.patronymic or ''}".rstrip())
        field(
            f"                    FİN {rep.fin}; {rep.authority_kind} {rep.authority_number} "
            f"of {rep.authority_date:%d.%m.%Y}, {rep.authority_issuer}"
        )
    state = "complete" if view.complete else f"{len(view.missing)} missing"
    field(f"  Documents ({state}):")
    for doc in view.documents:
        given = doc.submission
        if doc.electronic_source:
            given += f" from {doc.electronic_source}"
        allowed = ", ".join(doc.allowed) if doc.forms_stated else "forms not stated"
        mark = " " if doc.submission == "not_submitted" else "x"
        field(f"    [{mark}] {doc.name}  — {given}  (allowed: {allowed})")
    if view.fee:
        field(f"  Fee:              {view.fee['amount']} AZN, {view.fee['method']}")
    if view.refusal:
        texts = view.refusal.get("ground_texts")
        grounds = "; ".join(str(t) for t in texts) if isinstance(texts, list) else ""
        field(f"  Refused:          {grounds}; {view.refusal.get('reason') or ''}".rstrip("; "))
    if view.cancel_reason:
        field(f"  Cancelled:        {view.cancel_reason}")
    field(f"  Started:          {_local(view.started_at)} (Baku)")
    if view.submitted_at or not view.outcome_at:
        field(f"  Submitted:        {_local(view.submitted_at)}")
    else:
        field(f"  Decided:          {_local(view.outcome_at)}")
    standard = view.operator_standard_minutes
    norm = f" (standard {standard} min)" if standard else ""
    field(f"  Service time:     {_minutes(view.service_seconds)}{norm}")
    if view.deadline_total or view.deadline_front:
        field(
            f"  Deadlines:        front office {_local(view.deadline_front)}, "
            f"back office {_local(view.deadline_back)}, total {_local(view.deadline_total)}"
        )
    if view.notice_due:
        field(f"  E-sosial notice:  due {view.notice_due:%d.%m.%Y}")
    field("  History:")
    for entry in view.history:
        note = f"  ({entry.note})" if entry.note else ""
        step = f"{entry.from_status or '-'} → {entry.to_status}"
        field(f"    {_local(entry.at)}  {step:<26} {entry.actor}{note}")
    return lines
