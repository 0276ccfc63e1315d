"""`dost-desk calendar list|add|remove|check`: the centre's working-day overrides."""

from __future__ import annotations

import argparse

from dost_desk.cli.common import URL_HELP, configured_desk, jsonable, print_json

DATE_HELP = "a date as dd.mm.yyyy or yyyy-mm-dd"


def register(subparsers: argparse._SubParsersAction) -> None:
    calendar = subparsers.add_parser(
        "calendar", help="working-day calendar: days off and working days the centre moves"
    )
    commands = calendar.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="the centre's overrides, by date")
    listing.add_argument("--url", help=URL_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    add = commands.add_parser("add", help="make a date a day off or a working day")
    add.add_argument("date", help=DATE_HELP)
    add.add_argument("--kind", required=True, choices=("day_off", "working_day"))
    add.add_argument("--note", default="", help="why, e.g. the Cabinet decision")
    add.add_argument("--url", help=URL_HELP)
    add.set_defaults(handler=_add)

    remove = commands.add_parser("remove", help="drop the override of a date")
    remove.add_argument("date", help=DATE_HELP)
    remove.add_argument("--url", help=URL_HELP)
    remove.set_defaults(handler=_remove)

    check = commands.add_parser("check", help="is a date a working day, and why")
    check.add_argument("date", help=DATE_HELP)
    check.add_argument("--url", help=URL_HELP)
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check)


def _describe(override) -> str:
    note = f"  {override.note}" if override.note else ""
    return f"{override.day:%d.%m.%Y} ({override.day:%a})  {override.kind:<11}{note}"


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from dost_desk.services.calendar import list_calendar_overrides

    with configured_desk(args.url) as desk:
        overrides = list_calendar_overrides(desk)
    if args.json:
        print_json([jsonable(asdict(o)) for o in overrides])
        return 0
    if not overrides:
        print("no overrides: the built-in calendar of Azerbaijan applies")
    for override in overrides:
        print(_describe(override))
    return 0


def _add(args: argparse.Namespace) -> int:
    from dost_desk.services.calendar import add_calendar_override

    with configured_desk(args.url) as desk:
        override = add_calendar_override(desk, args.date, args.kind, args.note)
    print(f"saved: {_describe(override)}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from dost_desk.services.calendar import remove_calendar_override

    with configured_desk(args.url) as desk:
        override = remove_calendar_override(desk, args.date)
    print(f"removed: {_describe(override)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from dost_desk.services.calendar import check_calendar_day

    with configured_desk(args.url) as desk:
        day = check_calendar_day(desk, args.date)
    if args.json:
        print_json(jsonable(asdict(day)))
        return 0
    verdict = "a working day" if day.is_working else "not a working day"
    print(f"{day.day:%d.%m.%Y} is {verdict}: {day.reason}")
    return 0
