"""`dost-desk reference id-patterns`: the reference data set centrally (pulled by sync)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dost_desk.cli.common import URL_HELP, configured_desk, desk_errors, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    reference = subparsers.add_parser(
        "reference", help="reference data set centrally (identity-document formats)"
    )
    commands = reference.add_subparsers(dest="reference_command", required=True)
    patterns = commands.add_parser(
        "id-patterns",
        help="show, or set from a JSON file, the accepted identity-document number formats",
        description="Without --set: the formats this desk accepts. With --set FILE.json "
        '({"id_card": ["AZE\\\\d{8}", "AA\\\\d{7}"], …}; the kinds given replace the '
        "built-in ones): stored in the database — on the central one (--url) every desk "
        "gets them at its next sync.",
    )
    patterns.add_argument("--set", dest="set_file", type=Path, metavar="FILE.json")
    patterns.add_argument("--url", help=URL_HELP)
    patterns.add_argument("--json", action="store_true", help="print JSON")
    patterns.set_defaults(handler=_id_patterns)


def _id_patterns(args: argparse.Namespace) -> int:
    from dost_desk.services.reference_data import set_id_patterns, show_id_patterns

    with configured_desk(args.url) as desk, desk_errors():
        if args.set_file is not None:
            shown = set_id_patterns(desk, args.set_file)
        else:
            shown = show_id_patterns(desk)
    if args.json:
        print_json(shown)
        return 0
    for kind, patterns in shown.items():
        print(f"{kind}: {'  '.join(patterns)}")
    return 0
