"""`dost-desk demo`: fill a database with realistic applications for training and demos."""

from __future__ import annotations

import argparse

from dost_desk.cli.common import URL_HELP, CliError, configured_desk


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="add demo applications (invented people) to the configured database",
        description="Add N invented applications of the last ~60 working days through the "
        "real intake services, at the configured centre. Do not run it on a live centre's "
        "database: the applications cannot be told apart from real ones.",
    )
    demo.add_argument(
        "--applications", type=int, required=True, metavar="N", help="how many to create"
    )
    demo.add_argument("--seed", type=int, help="the same seed gives the same people and mix")
    demo.add_argument("--url", help=URL_HELP)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from dost_desk.services.demo import create_demo_applications

    if args.applications < 0:
        raise CliError("--applications cannot be negative")
    with configured_desk(args.url) as desk:
        summary = create_demo_applications(desk, args.applications, args.seed)
        where = desk.engine.url.render_as_string(hide_password=True)
    print(f"{summary.line()} (centre {desk.centre_code}, {where})")
    return 0
