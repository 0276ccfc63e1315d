"""`dost-desk orders list|export|done|cancel|import`: orders to the back offices."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from dost_desk.cli.common import URL_HELP, CliError, configured_desk, jsonable, print_json

STATUSES = ("open", "done", "cancelled")


def register(subparsers: argparse._SubParsersAction) -> None:
    orders = subparsers.add_parser("orders", help="orders to the back offices (01 DSMF ...)")
    commands = orders.add_subparsers(dest="orders_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="orders, soonest due first")
    listing.add_argument("--office", help="only this back office (01 ... 06)")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--url", help=URL_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    export = commands.add_parser("export", help="one back office's orders as CSV or JSON")
    export.add_argument("--office", required=True, help="the back office (01 ... 06)")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument(
        "--status", choices=(*STATUSES, "all"), default="open", help="default: open"
    )
    export.add_argument("--out", type=Path, help="write to this file (CSV with a BOM for Excel)")
    export.add_argument("--url", help=URL_HELP)
    export.set_defaults(handler=_export)

    done = commands.add_parser("done", help="the back office has done an order")
    done.add_argument("key", metavar="REGNO", help="registration number or order ID")
    done.add_argument("--reference", required=True, help="the back office's reference")
    done.add_argument("--url", help=URL_HELP)
    done.add_argument("--json", action="store_true")
    done.set_defaults(handler=_done)

    cancel = commands.add_parser("cancel", help="the back office will not do an order")
    cancel.add_argument("key", metavar="REGNO")
    cancel.add_argument("--reason", required=True)
    cancel.add_argument("--url", help=URL_HELP)
    cancel.add_argument("--json", action="store_true")
    cancel.set_defaults(handler=_cancel)

    imported = commands.add_parser(
        "import", help="apply a status file: registration_number, status, reference"
    )
    imported.add_argument("file", metavar="FILE.csv", type=Path)
    imported.add_argument("--url", help=URL_HELP)
    imported.add_argument("--json", action="store_true")
    imported.set_defaults(handler=_import)


def _date(moment: datetime | None) -> str:
    from dost_desk.services.desk import BAKU

    return moment.astimezone(BAKU).strftime("%d.%m.%Y") if moment else "-"


def _print(orders: list, as_json: bool) -> int:
    if as_json:
        print_json([jsonable(asdict(order)) for order in orders])
        return 0
    for order in orders:
        late = "  OVERDUE" if order.overdue else ""
        number = order.registration_number or order.application_id
        print(
            f"{number:<18} {order.back_office} {order.back_office_name:<8} "
            f"due {_date(order.due_at):<10} {order.status:<9} "
            f"{order.applicant_name or '-'}{late}"
        )
    return 0


def _list(args: argparse.Namespace) -> int:
    from dost_desk.services.orders import list_orders

    with configured_desk(args.url) as desk:
        return _print(list_orders(desk, args.office, args.status), args.json)


def _export(args: argparse.Namespace) -> int:
    from dost_desk.services.orders import export_orders

    status = None if args.status == "all" else args.status
    with configured_desk(args.url) as desk:
        text = export_orders(desk, args.office, args.format, status)
    if args.out is None:
        print(text, end="")
        return 0
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    try:
        args.out.write_text(text, encoding=encoding, newline="")
    except OSError as error:
        raise CliError(f"cannot write {args.out}: {error.strerror or error}") from None
    return 0


def _done(args: argparse.Namespace) -> int:
    from dost_desk.services.orders import complete_order

    with configured_desk(args.url) as desk:
        return _print([complete_order(desk, args.key, args.reference)], args.json)


def _cancel(args: argparse.Namespace) -> int:
    from dost_desk.services.orders import cancel_order

    with configured_desk(args.url) as desk:
        return _print([cancel_order(desk, args.key, args.reason)], args.json)


def _import(args: argparse.Namespace) -> int:
    from dost_desk.services.orders import import_order_statuses

    with configured_desk(args.url) as desk:
        summary = import_order_statuses(desk, args.file)
    if args.json:
        print_json(asdict(summary))
        return 0
    print(
        f"{summary.done} order(s) done, {summary.cancelled} cancelled, "
        f"{summary.unchanged} unchanged ({summary.encoding})"
    )
    return 0
