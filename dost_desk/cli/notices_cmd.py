"""`dost-desk notices list|posted|send`: the E-sosial notices outbox."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from dost_desk.cli.common import URL_HELP, configured_desk, jsonable, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    notices = subparsers.add_parser(
        "notices", help="notices to post to the applicants' E-sosial cabinets"
    )
    commands = notices.add_subparsers(dest="notices_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="notices, soonest due first")
    listing.add_argument(
        "--due", choices=("today", "overdue"), help="only pending notices due today / overdue"
    )
    listing.add_argument("--url", help=URL_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    posted = commands.add_parser("posted", help="record that a notice was posted")
    posted.add_argument("key", metavar="ID", help="notice ID or registration number")
    posted.add_argument("--channel", default="manual", help="how it was posted (default manual)")
    posted.add_argument("--response", default="", help="what E-sosial answered")
    posted.add_argument("--url", help=URL_HELP)
    posted.add_argument("--json", action="store_true")
    posted.set_defaults(handler=_posted)

    send = commands.add_parser("send", help="post a notice through the http sender")
    send.add_argument("key", metavar="ID", help="notice ID or registration number")
    send.add_argument("--url", help=URL_HELP)
    send.add_argument("--json", action="store_true")
    send.set_defaults(handler=_send)


def _print(notices: list, as_json: bool) -> int:
    if as_json:
        print_json([jsonable(asdict(notice)) for notice in notices])
        return 0
    for notice in notices:
        mark = "OVERDUE" if notice.overdue else "TODAY" if notice.due_today else notice.status
        number = notice.registration_number or notice.application_id
        print(f"{notice.due:%d.%m.%Y}  {mark:<8} {number:<18} {notice.applicant_name or '-'}")
        print(f"    {notice.message}")
        print(f"    id {notice.id}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from dost_desk.services.notices import list_notices

    with configured_desk(args.url) as desk:
        return _print(list_notices(desk, args.due), args.json)


def _posted(args: argparse.Namespace) -> int:
    from dost_desk.services.notices import mark_notice_posted

    with configured_desk(args.url) as desk:
        view = mark_notice_posted(desk, args.key, args.channel, args.response or None)
        return _print([view], args.json)


def _send(args: argparse.Namespace) -> int:
    from dost_desk.cli.common import CliError
    from dost_desk.services.notices import send_notice

    with configured_desk(args.url) as desk:
        result = send_notice(desk, args.key)
    if args.json:
        print_json(jsonable(asdict(result)))
    if not result.posted:
        raise CliError(f"not posted: {result.summary}")
    if not args.json:
        print(result.summary)
    return 0
