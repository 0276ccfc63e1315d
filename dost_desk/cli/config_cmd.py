"""`dost-desk config`: show the effective configuration and where it comes from."""

from __future__ import annotations

import argparse
from typing import Any

from dost_desk.cli.common import CliError, print_json


def register(subparsers: Any) -> None:
    """Add the ``config`` command group."""
    parser = subparsers.add_parser(
        "config",
        help="show the effective configuration",
        description="Configuration comes from DOST_DESK_* environment variables, then "
        "the config file (DOST_DESK_CONFIG names another one), then the defaults.",
    )
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION")
    parser.set_defaults(handler=lambda args: _print_help(parser))

    show = actions.add_parser("show", help="print every setting and where it comes from")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.set_defaults(handler=show_config)

    path = actions.add_parser("path", help="print the path of the config file")
    path.set_defaults(handler=print_config_path)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def show_config(args: argparse.Namespace) -> int:
    from dost_desk.config import (
        ConfigError,
        config_file_path,
        effective_database_url,
        load_settings,
        masked_database_url,
        value_sources,
    )

    path = config_file_path()
    try:
        settings = load_settings()
    except ConfigError as error:
        raise CliError(str(error)) from None
    sources = value_sources(settings)
    values: dict[str, Any] = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        values[name] = str(value) if value is not None else None
    values["database_url"] = masked_database_url(effective_database_url(settings))
    if settings.database_url is None:
        sources["database_url"] = "default (the SQLite file in data_dir)"

    if args.json:
        print_json(
            {
                "config_file": str(path),
                "config_file_exists": path.is_file(),
                **values,
                "sources": sources,
            }
        )
        return 0
    state = "exists" if path.is_file() else "not found, defaults apply"
    print(f"config file: {path} ({state})")
    width = max(len(name) for name in values)
    for name, value in values.items():
        print(f"{name:<{width}}  {value}  [{sources[name]}]")
    return 0


def print_config_path(args: argparse.Namespace) -> int:
    from dost_desk.config import config_file_path

    print(config_file_path())
    return 0
