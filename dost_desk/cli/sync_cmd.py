"""`dost-desk sync`: push this desk's local changes to the central database and pull its
changes; `sync status|conflicts|resolve|duplicates` for the supervisor."""

from __future__ import annotations

import argparse
import dataclasses

from dost_desk.cli.common import (
    URL_HELP,
    CliError,
    configured_desk,
    desk_errors,
    int_between,
    jsonable,
    print_json,
)

_UPSTREAM_HELP = (
    "the central database, e.g. postgresql+psycopg://user@host:5432/dost "
    "(default: upstream_url in the config)"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="sync this desk with the central PostgreSQL database (push and pull)",
        description="Push every change waiting in the local outbox to the central "
        "PostgreSQL database and pull its changes (published passports, the calendar, "
        "back-office statuses). Idempotent: a sync that was interrupted is simply run "
        "again. The central schema is made with `dost-desk db upgrade --url …`.",
    )
    sync.add_argument("--upstream", metavar="URL", help=_UPSTREAM_HELP)
    sync.add_argument("--url", help=URL_HELP)
    sync.add_argument(
        "--batch-size",
        type=int_between(1, 100_000),
        default=5000,
        metavar="N",
        help="changes per transaction",
    )
    sync.set_defaults(handler=_sync)
    actions = sync.add_subparsers(dest="sync_action", metavar="[ACTION]")

    status = actions.add_parser("status", help="waiting changes, conflicts, the last sync")
    status.add_argument("--url", help=URL_HELP)
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=_status)

    conflicts = actions.add_parser(
        "conflicts", help="applications changed here and centrally (both versions kept)"
    )
    conflicts.add_argument("--url", help=URL_HELP)
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.add_argument("--json", action="store_true", help="print JSON (both versions)")
    conflicts.set_defaults(handler=_conflicts)

    resolve = actions.add_parser("resolve", help="choose which version of a conflict stays")
    resolve.add_argument("conflict_id", metavar="CONFLICT")
    resolve.add_argument(
        "--keep",
        required=True,
        choices=("local", "central"),
        help="local: this centre's version is pushed; central: the central one replaces it",
    )
    resolve.add_argument("--url", help=URL_HELP)
    resolve.set_defaults(handler=_resolve)

    duplicates = actions.add_parser(
        "duplicates",
        help="the same FİN applying for the same service at two centres (central database)",
    )
    duplicates.add_argument("--upstream", metavar="URL", help=_UPSTREAM_HELP)
    duplicates.add_argument("--url", help=URL_HELP)
    duplicates.add_argument("--json", action="store_true", help="print JSON")
    duplicates.set_defaults(handler=_duplicates)


def _sync(args: argparse.Namespace) -> int:
    from dost_desk.services.sync import sync_with_upstream

    with configured_desk(args.url) as desk:
        if desk.engine.dialect.name != "sqlite":
            raise CliError("sync is for a desk on a local SQLite database; this one is networked")
        with desk_errors():
            summary = sync_with_upstream(desk, args.upstream, args.batch_size)
    for line in summary.lines():
        print(line)
    return 0


def _status(args: argparse.Namespace) -> int:
    from dost_desk.services.sync import sync_status

    with configured_desk(args.url) as desk, desk_errors():
        status = sync_status(desk)
    if args.json:
        print_json(jsonable(dataclasses.asdict(status)))
        return 0
    if not status.configured:
        print("no central database configured (upstream_url)")
    else:
        print(f"central database: {status.upstream}")
    last = status.last_sync_at.isoformat(timespec="seconds") if status.last_sync_at else "never"
    print(f"last sync: {last}")
    print(f"changes waiting: {status.waiting}")
    print(f"conflicts for the supervisor: {status.conflicts}")
    if status.last_error:
        print(f"last error: {status.last_error}")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from dost_desk.services.sync import list_sync_conflicts

    with configured_desk(args.url) as desk, desk_errors():
        conflicts = list_sync_conflicts(desk, include_resolved=args.all)
    if args.json:
        print_json([jsonable(dataclasses.asdict(item)) for item in conflicts])
        return 0
    for item in conflicts:
        state = f"resolved: kept {item.resolution}" if item.resolution else "open"
        orders = [side.get("back_office_order") for side in (item.local, item.central)]
        order = (
            f"order here: {orders[0]['status']}  central: {orders[1]['status']}  "
            if all(orders)
            else ""
        )
        print(
            f"{item.id}  {item.registration_number or item.application_id}  "
            f"here: {item.local_status}  central: {item.central_status}  {order}"
            f"differ: {', '.join(item.differences) or '-'}  ({state})"
        )
    if not conflicts:
        print("no conflicts")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from dost_desk.services.sync import resolve_sync_conflict

    with configured_desk(args.url) as desk, desk_errors():
        item = resolve_sync_conflict(desk, args.conflict_id, args.keep)
    print(f"{item.registration_number or item.application_id}: kept the {item.resolution} version")
    return 0


def _duplicates(args: argparse.Namespace) -> int:
    from dost_desk.services.sync import list_cross_centre_duplicates

    with configured_desk(args.url) as desk, desk_errors():
        pairs = list_cross_centre_duplicates(desk, args.upstream)
    if args.json:
        print_json([dataclasses.asdict(pair) for pair in pairs])
        return 0
    for pair in pairs:
        print(
            f"{pair.fin}  {pair.passport_id}  "
            f"{pair.first_registration_number or pair.first_id} ({pair.first_centre_code})  "
            f"{pair.second_registration_number or pair.second_id} ({pair.second_centre_code})"
        )
    if not pairs:
        print("no possible duplicates")
    return 0
