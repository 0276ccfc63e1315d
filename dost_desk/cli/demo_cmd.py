"""`dost-desk demo`: fill a database with realistic applications for training and demos."""

from __future__ import annotations

import argparse

from dost_desk.cli.common import URL_HELP, CliError, configured_desk, int_between

# The demo streams (memory stays flat); the bound only keeps the number sensible.
MAX_APPLICATIONS = 10_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="add demo applications (invented people) to the configured database",
        description="Add N invented applications of the last ~60 working days through the "
        "real intake services, at the configured centre (without a configured centre code "
        "it refuses: `dost-desk config set centre_code C123`). Do not run it on a live "
        "centre's database: the applications cannot be told apart from real ones.",
    )
    demo.add_argument(
        "--applications",
        type=int_between(0, MAX_APPLICATIONS),
        required=True,
        metavar="N",
        help=f"how many to create (at most {MAX_APPLICATIONS:,}; created as they are planned)",
    )
    demo.add_argument("--seed", type=int, help="the same seed gives the same people and mix")
    demo.add_argument("--url", help=URL_HELP)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from dost_desk.config import ConfigError, load_settings, require_centre_code
    from dost_desk.services.demo import create_demo_applications

    try:  # before the database is made: an unconfigured desk numbers nothing
        require_centre_code(load_settings())
    except ConfigError as error:
        raise CliError(str(error)) from None
    with configured_desk(args.url) as desk:
        summary = create_demo_applications(desk, args.applications, args.seed)
        where = desk.engine.url.render_as_string(hide_password=True)
    print(f"{summary.line()} (centre {desk.centre_code}, {where})")
    return 0
