"""`dost-desk print sample|app|list` and `dost-desk verify`: printed documents from the
command line (the same service functions the GUI's Print button uses)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dost_desk.cli.common import URL_HELP, CliError, configured_desk, jsonable, print_json

KINDS_HELP = "receipt, certificate, refusal or payment-decision"
PROFILES_HELP = "printer profile: a4 (default) or roll80 (80 mm receipt roll)"


def register(subparsers: argparse._SubParsersAction) -> None:
    printing = subparsers.add_parser("print", help="render receipts, certificates and decisions")
    commands = printing.add_subparsers(dest="print_command", metavar="SUBCOMMAND", required=True)

    sample = commands.add_parser("sample", help="a document with Azerbaijani sample data")
    sample.add_argument("--kind", required=True, metavar="KIND", help=KINDS_HELP)
    sample.add_argument("--profile", default="a4", help=PROFILES_HELP)
    sample.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    sample.set_defaults(handler=_sample)

    app = commands.add_parser(
        "app", help="a stored application's document (archived; a repeat is a DUBLİKAT)"
    )
    app.add_argument("key", metavar="REGNO", help="registration number or application ID")
    app.add_argument("--kind", required=True, metavar="KIND", help=KINDS_HELP)
    app.add_argument("--profile", default="a4", help=PROFILES_HELP)
    app.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help="a new file or a regular file to replace (never a link, folder or device)",
    )
    app.add_argument("--url", help=URL_HELP)
    app.set_defaults(handler=_app)

    listing = commands.add_parser("list", help="the printed documents of an application")
    listing.add_argument("key", metavar="REGNO", help="registration number or application ID")
    listing.add_argument("--url", help=URL_HELP)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    verify = subparsers.add_parser(
        "verify",
        help="check a printed PDF or a QR code's text (exit 0 valid, 1 not valid)",
        description="Check that a printed document's content matches its QR code and, when "
        "a database is configured, the archive of printed documents.",
    )
    verify.add_argument("file", nargs="?", type=Path, metavar="FILE.pdf")
    verify.add_argument("--qr", metavar="TEXT", help='the QR code\'s text, "DOST|…"')
    verify.add_argument("--url", help=URL_HELP)
    verify.set_defaults(handler=_verify)


@contextmanager
def _print_errors() -> Iterator[None]:
    from dost_desk.print.errors import PrintError

    try:
        yield
    except PrintError as error:
        raise CliError(str(error)) from None


def _sample(args: argparse.Namespace) -> int:
    from dost_desk.services.printing import render_sample, save_pdf

    with _print_errors():
        pdf = render_sample(args.kind, args.profile)
        target = save_pdf(pdf, args.out)
    print(f"wrote {target} ({args.kind} sample, {args.profile}, {len(pdf):,} bytes)")
    return 0


def _app(args: argparse.Namespace) -> int:
    from dost_desk.print.output import check_output_path
    from dost_desk.services.printing import save_application_document

    with _print_errors():
        check_output_path(args.out)  # a bad --out says so before the database is opened
    with configured_desk(args.url) as desk, _print_errors():
        # archived only once the file is in place: a failed write leaves no copy behind
        printed, target = save_application_document(
            desk, args.key, args.kind, args.out, args.profile
        )
    copy = f"DUBLİKAT, copy {printed.copy_number}" if printed.duplicate else "original"
    print(
        f"wrote {target} ({printed.kind} {printed.document_number}, {printed.profile}, "
        f"{copy}, sha256 {printed.sha256[:16]}…)"
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from dost_desk.services.desk import BAKU
    from dost_desk.services.printing import list_printed_documents

    with configured_desk(args.url) as desk:
        rows = list_printed_documents(desk, args.key)
    if args.json:
        print_json([jsonable(asdict(row)) for row in rows])
        return 0
    if not rows:
        print("nothing printed yet")
    for row in rows:
        when = row.printed_at.astimezone(BAKU).strftime("%d.%m.%Y %H:%M")
        copy = f"copy {row.copy_number}" + (" DUBLİKAT" if row.duplicate else "")
        print(f"{when}  {row.kind:<17} {row.profile:<7} {copy:<17} {row.printed_by}  {row.id}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.qr is None):
        raise CliError("give a PDF file or --qr TEXT (one of them)")
    if args.qr is not None:
        url = _existing_database(args.url)
        if url is None:
            raise CliError("no database to check the QR code against: configure one or --url")
        with configured_desk(url) as desk:
            from dost_desk.services.printing import verify_document

            result = verify_document(desk, qr=args.qr)
        return _report(result)
    from dost_desk.print.verification import verify_pdf

    result = verify_pdf(args.file)
    if result.valid:
        url = _existing_database(args.url)
        if url is None:
            from dataclasses import replace

            result = replace(result, reason=result.reason + "; no database: archive not checked")
        else:
            from dost_desk.services.printing import verify_document

            with configured_desk(url) as desk:
                result = verify_document(desk, pdf=args.file)
    return _report(result)


def _report(result) -> int:
    print(result.describe())
    return 0 if result.valid else 1


def _existing_database(url: str | None) -> str | None:
    """``url`` (or the configured database) unless it is a SQLite file that does not exist:
    checking a printout must not create an empty database."""
    from dost_desk.config import ConfigError, effective_database_url, load_settings
    from dost_desk.storage.engine import StorageError, parse_database_url, sqlite_file_path

    try:
        target = url or effective_database_url(load_settings())
        parsed = parse_database_url(target)
    except (ConfigError, StorageError) as error:
        raise CliError(str(error)) from None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file_path(parsed)
        if path is None or not path.exists():
            if url:
                raise CliError(f"no database at {url}")
            return None
    return target
