"""`dost-desk catalog validate|tree|search|show|documents|publish`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dost_desk.cli.common import CliError, desk_errors, int_between, print_json

NOT_STATED = "göstərilməyib"
CENTRES = ("A", "B", "C", "D", "E")


def register(subparsers: argparse._SubParsersAction) -> None:
    catalog = subparsers.add_parser("catalog", help="browse and validate the service passports")
    commands = catalog.add_subparsers(dest="catalog_command", metavar="SUBCOMMAND", required=True)

    validate = commands.add_parser("validate", help="check passport files; exit 1 when invalid")
    validate.add_argument("path", nargs="?", type=Path, help="a passport file or folder")
    validate.set_defaults(handler=_validate)

    tree = commands.add_parser("tree", help="the classification tree with its services")
    tree.add_argument("--centre", choices=CENTRES, help="only services offered at this category")
    tree.add_argument("--json", action="store_true")
    tree.set_defaults(handler=_tree)

    search = commands.add_parser("search", help="search services by ID, name, documents")
    search.add_argument("query")
    search.add_argument("--centre", choices=CENTRES, help="only services offered at this category")
    search.add_argument("--limit", type=int_between(1, 100_000), default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=_search)

    show = commands.add_parser("show", help="the whole passport, section by section")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    documents = commands.add_parser("documents", help="the documents required for a variant")
    documents.add_argument("id")
    documents.add_argument("--variant", help="seed 000: issue, replace or duplicate")
    documents.add_argument("--category", help="insured category (seed 001), e.g. military")
    documents.add_argument("--event", help="insured event (seed 001), e.g. death")
    documents.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="DIMENSION=OPTION",
        help="any variant dimension of the passport",
    )
    documents.add_argument("--json", action="store_true")
    documents.set_defaults(handler=_documents)

    publish = commands.add_parser(
        "publish",
        help="publish passport files in the central database (desks use them after a sync)",
    )
    publish.add_argument(
        "path", type=Path, metavar="FOLDER", help="a folder of passport YAML files"
    )
    publish.add_argument("--url", required=True, help="the central PostgreSQL database")
    publish.set_defaults(handler=_publish)


def _centre(args: argparse.Namespace):
    from dost_desk.models.vocabulary import CentreCategory

    return CentreCategory(args.centre) if args.centre else None


def _catalog():
    from dost_desk.catalog.loader import CatalogError
    from dost_desk.services.catalog import open_catalog

    try:
        return open_catalog()
    except CatalogError as error:
        raise CliError(f"the bundled catalog is invalid: {error}") from None


def _validate(args: argparse.Namespace) -> int:
    from dost_desk.services.catalog import validate_passports

    report = validate_passports(args.path)
    for issue in report.issues:
        stream = sys.stderr if issue.severity == "error" else sys.stdout
        print(issue, file=stream)
    if report.errors:
        print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)", file=sys.stderr)
        return 1
    count = len(report.catalog) if report.catalog else 0
    print(f"{count} passport(s) valid, {len(report.warnings)} warning(s)")
    return 0


def _tree(args: argparse.Namespace) -> int:
    from dost_desk.services.catalog import list_service_tree

    tree = list_service_tree(_centre(args), _catalog())
    if args.json:
        print_json(
            [
                {
                    "code": node.code,
                    "name": node.name,
                    "services": [{"id": s.id, "name": s.name} for s in node.services],
                }
                for node in tree
            ]
        )
        return 0
    for node in tree:
        title = f"{node.code} {node.name}" if node.code else f"-- təsnifatı {NOT_STATED}"
        print(f"{title} ({len(node.services)})")
        for service in node.services:
            print(f"    {service.id}  {service.name}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from dost_desk.services.catalog import search_services

    results = search_services(args.query, _centre(args), args.limit, _catalog())
    if args.json:
        print_json(
            [{"id": s.id, "name": s.name, "classification": s.classification_code} for s in results]
        )
    else:
        for service in results:
            print(f"{service.id}  {service.name}")
        if not results:
            print(f"nothing found for {args.query!r}", file=sys.stderr)
    return 0


def _passport(catalog, passport_id: str):
    from dost_desk.catalog.catalog import UnknownPassport

    try:
        return catalog.get(passport_id)
    except UnknownPassport as error:
        raise CliError(str(error)) from None


def _show(args: argparse.Namespace) -> int:
    from dost_desk.catalog.presentation import present_passport

    catalog = _catalog()
    passport = _passport(catalog, args.id)
    if args.json:
        print_json(passport.model_dump(mode="json"))
        return 0
    print(passport.name)
    print("=" * min(len(passport.name), 78))
    for section in present_passport(passport, catalog.reference):
        print(f"\n{section.numbers}. {section.heading}")
        if section.not_stated:
            print(f"    ({NOT_STATED})")
        for item in section.items:
            indent = "    " * (item.level + 1)
            print(f"{indent}{item.text}" + (f"  [{item.detail}]" if item.detail else ""))
    return 0


def _selection(args: argparse.Namespace) -> dict[str, str]:
    selection = {}
    for key, value in (
        ("action", args.variant),
        ("category", args.category),
        ("event", args.event),
    ):
        if value:
            selection[key] = value
    for option in args.option:
        key, sep, value = option.partition("=")
        if not sep or not key or not value:
            raise CliError(f"--option takes DIMENSION=OPTION, not {option!r}")
        selection[key.strip()] = value.strip()
    return selection


def _documents(args: argparse.Namespace) -> int:
    from dost_desk.catalog.catalog import UnknownVariant
    from dost_desk.services.catalog import list_required_documents

    catalog = _catalog()
    _passport(catalog, args.id)
    try:
        documents = list_required_documents(args.id, _selection(args), catalog)
    except UnknownVariant as error:
        raise CliError(str(error)) from None
    if args.json:
        print_json(
            [
                {
                    "name": d.name,
                    "forms": [str(f) for f in d.forms or ()],
                    "form_labels": list(d.form_labels),
                    "forms_stated": d.forms is not None,
                    "conditions": d.conditions,
                }
                for d in documents
            ]
        )
        return 0
    for number, doc in enumerate(documents, start=1):
        forms = ", ".join(doc.form_labels) if doc.forms is not None else f"forma {NOT_STATED}"
        print(f"{number}. {doc.name}  [{forms}]")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from dost_desk.catalog.loader import CatalogError
    from dost_desk.services.catalog import publish_passports

    with desk_errors():
        try:
            changed = publish_passports(args.url, args.path)
        except CatalogError as error:
            raise CliError(f"not published: {error}") from None
    print(f"published {len(changed)} changed passports: {', '.join(changed) or '-'}")
    return 0
