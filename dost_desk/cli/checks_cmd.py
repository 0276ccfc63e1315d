"""`dost-desk checks list|run|record|defer|import|rerun|supervisor`: the checks a passport
names, from the command line."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING

from dost_desk.cli.common import URL_HELP, configured_desk, int_between, jsonable, print_json

if TYPE_CHECKING:
    from dost_desk.services.checks import CheckView


def register(subparsers: argparse._SubParsersAction) -> None:
    checks = subparsers.add_parser(
        "checks",
        help="checks in information systems (employment, existing certificate, ...)",
        description="Each system is checked by the provider [checks.<system>] names in the "
        "configuration: manual (the default), reference or http.",
    )
    commands = checks.add_subparsers(dest="checks_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="the checks of an application and their results")
    _application(listing)
    listing.set_defaults(handler=_list)

    run = commands.add_parser("run", help="run the automatic checks of an application")
    _application(run)
    run.set_defaults(handler=_run)

    record = commands.add_parser("record", help="record what the agent saw in the system")
    _application(record)
    record.add_argument(
        "--step", type=int_between(1, 999), required=True, help="the passport step (e.g. 5)"
    )
    record.add_argument("--result", choices=("confirmed", "not_confirmed"), required=True)
    record.add_argument("--reference", default="", help="the reference number in the system")
    record.add_argument("--note", default="")
    record.add_argument("--system", help="the system looked at (default: the check's first)")
    record.set_defaults(handler=_record)

    defer = commands.add_parser("defer", help="go on without a check; it is re-run later")
    _application(defer)
    defer.add_argument("--step", type=int_between(1, 999), required=True)
    defer.add_argument("--note", default="")
    defer.set_defaults(handler=_defer)

    imported = commands.add_parser(
        "import", help="replace a system's offline reference table with a CSV extract"
    )
    imported.add_argument("system", metavar="SYSTEM", help="the system key, e.g. monitoring")
    imported.add_argument("file", metavar="FILE.csv")
    imported.add_argument("--as-of", required=True, help="the date of the extract (dd.mm.yyyy)")
    imported.add_argument("--url", help=URL_HELP)
    imported.add_argument("--json", action="store_true")
    imported.set_defaults(handler=_import)

    rerun = commands.add_parser("rerun", help="ask the deferred checks again (after a sync)")
    rerun.add_argument("--url", help=URL_HELP)
    rerun.add_argument("--json", action="store_true")
    rerun.set_defaults(handler=_rerun)

    supervisor = commands.add_parser("supervisor", help="the supervisor's list")
    supervisor.add_argument("--all", action="store_true", help="resolved items too")
    supervisor.add_argument("--url", help=URL_HELP)
    supervisor.add_argument("--json", action="store_true")
    supervisor.set_defaults(handler=_supervisor)


def _application(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="REGNO", help="registration number or application ID")
    parser.add_argument("--url", help=URL_HELP)
    parser.add_argument("--json", action="store_true")


def _local(moment: datetime | None) -> str:
    from dost_desk.services.desk import BAKU

    return moment.astimezone(BAKU).strftime("%d.%m.%Y %H:%M") if moment else "-"


def describe_check(view: CheckView) -> list[str]:
    """A check as readable lines (times in Baku time)."""
    systems = ", ".join(f"{s} ({p})" for s, p in zip(view.systems, view.providers, strict=True))
    lines = [f"Step {view.step}: {view.status.upper()}  [{systems}]", f"  {view.subject}"]
    if view.summary:
        lines.append(f"  {view.summary}")
    details = []
    if view.reference:
        details.append(f"reference {view.reference}")
    if view.as_of:
        details.append(f"as of {view.as_of:%d.%m.%Y}")
    if view.at:
        details.append(f"{view.actor}, {_local(view.at)}")
    if details:
        lines.append("  " + "; ".join(details))
    if view.note:
        lines.append(f"  note: {view.note}")
    lines += [f"  CONFLICT: {text}" for text in view.conflicts]
    if view.status == "pending" and not view.automatic:
        lines.append("  waiting for the agent's entry (dost-desk checks record)")
    return lines


def _print_checks(views: list[CheckView], as_json: bool) -> int:
    if as_json:
        print_json([jsonable(asdict(view)) for view in views])
        return 0
    if not views:
        print("This service's passport names no checks.")
    for view in views:
        for line in describe_check(view):
            print(line)
    return 0


def _list(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import checks_for_application

    with configured_desk(args.url) as desk:
        return _print_checks(checks_for_application(desk, args.key), args.json)


def _run(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import run_checks

    with configured_desk(args.url) as desk:
        return _print_checks(run_checks(desk, args.key), args.json)


def _record(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import record_manual_check

    with configured_desk(args.url) as desk:
        view = record_manual_check(
            desk, args.key, args.step, args.result, args.reference, args.note, args.system
        )
        return _print_checks([view], args.json)


def _defer(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import defer_check

    with configured_desk(args.url) as desk:
        return _print_checks([defer_check(desk, args.key, args.step, args.note)], args.json)


def _import(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import import_reference_table

    with configured_desk(args.url) as desk:
        summary = import_reference_table(desk, args.system, args.file, args.as_of)
    if args.json:
        print_json(jsonable(asdict(summary)))
        return 0
    print(
        f"{summary.system}: {summary.rows} rows as of {summary.as_of:%d.%m.%Y} imported "
        f"({summary.encoding}, key column {summary.key_column}); "
        f"{summary.replaced} rows of the previous extract replaced"
    )
    if summary.configured_provider != "reference":
        print(
            f"note: {summary.system} is checked by the {summary.configured_provider} provider; "
            f"the table is used when the configuration says [checks.{summary.system}] "
            'provider = "reference"'
        )
    return 0


def _rerun(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import rerun_deferred_checks

    with configured_desk(args.url) as desk:
        summary = rerun_deferred_checks(desk)
    if args.json:
        print_json(jsonable(asdict(summary)))
        return 0
    print(
        f"{summary.tried} deferred check(s) asked again: {summary.answered} answered, "
        f"{summary.still_deferred} still deferred; "
        f"{summary.awaiting_manual_entry} waiting for the agent's entry"
    )
    for detail in summary.supervisor_items:
        print(f"to the supervisor: {detail}")
    return 0


def _supervisor(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import list_supervisor_items

    with configured_desk(args.url) as desk:
        items = list_supervisor_items(desk, include_resolved=args.all)
    if args.json:
        print_json([jsonable(asdict(item)) for item in items])
        return 0
    for item in items:
        print(f"{_local(item.created_at)}  {item.reason:<20} {item.detail}")
    return 0
