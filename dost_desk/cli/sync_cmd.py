"""`dost-desk sync`: push this desk's local changes (the outbox) to the central database."""

from __future__ import annotations

import argparse

from dost_desk.cli.common import URL_HELP, CliError, configured_desk, desk_errors


def register(subparsers: argparse._SubParsersAction) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="push this desk's local changes to the central PostgreSQL database",
        description="Apply every change waiting in the local outbox to the central "
        "PostgreSQL database (idempotent: a sync that was interrupted is simply run again). "
        "The central schema is made with `dost-desk db upgrade --url …`.",
    )
    sync.add_argument(
        "--upstream",
        required=True,
        metavar="URL",
        help="the central database, e.g. postgresql+psycopg://user@host:5432/dost",
    )
    sync.add_argument("--url", help=URL_HELP)
    sync.add_argument(
        "--batch-size", type=_positive, default=500, metavar="N", help="changes per transaction"
    )
    sync.set_defaults(handler=_sync)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _sync(args: argparse.Namespace) -> int:
    from dost_desk.services.checks import rerun_deferred_checks
    from dost_desk.sync.push import push_outbox

    with configured_desk(args.url) as desk:
        if desk.engine.dialect.name != "sqlite":
            raise CliError("sync is for a desk on a local SQLite database; this one is networked")
        with desk_errors():
            summary = push_outbox(desk.engine, args.upstream, args.batch_size)
            # The link is up: checks deferred while offline are asked again.
            rerun = rerun_deferred_checks(desk)
    print(summary.line())
    print(
        f"deferred checks asked again: {rerun.tried}, answered {rerun.answered}, "
        f"still deferred {rerun.still_deferred}, for the supervisor {len(rerun.supervisor_items)}"
    )
    return 0
