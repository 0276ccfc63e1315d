"""`dost-desk config`: show the effective configuration and where it comes from; keep
database passwords and HTTP tokens in the operating system's keyring."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from dost_desk.cli.common import CliError, print_json

if TYPE_CHECKING:
    from dost_desk.config import Settings


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

    setter = actions.add_parser(
        "set",
        help="write one setting into the config file (e.g. centre_code C123)",
        description="Writes KEY = VALUE into the config file (created if missing), after "
        "checking the whole file; the other settings stay. Tables such as [checks.*] are "
        "edited in the file itself.",
    )
    setter.add_argument("key", metavar="KEY", help="centre_code, centre_category, data_dir, …")
    setter.add_argument("value", metavar="VALUE")
    setter.set_defaults(handler=_set_value)

    path = actions.add_parser("path", help="print the path of the config file")
    path.set_defaults(handler=print_config_path)

    password = actions.add_parser(
        "set-password",
        help="keep the password of a PostgreSQL login in the keyring",
        description="The URL names the login (postgresql+psycopg://user@host:5432/db, no "
        "password); the password is read from the terminal (twice) or, piped, from stdin. "
        "Every PostgreSQL connection to that login then uses it.",
    )
    password.add_argument("url", metavar="URL")
    password.set_defaults(handler=_set_password)
    forget = actions.add_parser("forget-password", help="remove a login's password")
    forget.add_argument("url", metavar="URL")
    forget.set_defaults(handler=_forget_password)
    secret = actions.add_parser(
        "set-secret",
        help="keep an HTTP provider's token in the keyring (token_keyring = NAME)",
        description="The token is read from the terminal (twice) or, piped, from stdin. "
        "A check or notice provider with token_keyring = NAME then sends it.",
    )
    secret.add_argument("name", metavar="NAME")
    secret.set_defaults(handler=_set_secret)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def show_config(args: argparse.Namespace) -> int:
    from dost_desk.config import (
        ConfigError,
        config_file_path,
        effective_database_url,
        load_settings,
        value_sources,
    )
    from dost_desk.url_secrets import masked_database_url

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
    if settings.upstream_url:
        values["upstream_url"] = masked_database_url(settings.upstream_url)
    if settings.database_url is None:
        sources["database_url"] = "default (the SQLite file in data_dir)"
    warnings = plain_password_warnings(settings, sources)

    if args.json:
        print_json(
            {
                "config_file": str(path),
                "config_file_exists": path.is_file(),
                **values,
                "sources": sources,
                "warnings": warnings,
            }
        )
        return 0
    state = "exists" if path.is_file() else "not found, defaults apply"
    print(f"config file: {path} ({state})")
    width = max(len(name) for name in values)
    for name, value in values.items():
        print(f"{name:<{width}}  {value}  [{sources[name]}]")
    for warning in warnings:
        print(f"warning: {warning}")
    return 0


def _set_value(args: argparse.Namespace) -> int:
    from dost_desk.config import ConfigError
    from dost_desk.config_file import SETTABLE, overriding_variable, save_config_values
    from dost_desk.url_secrets import masked_database_url

    if args.key not in SETTABLE:
        raise CliError(f"unknown setting {args.key!r}; known: {', '.join(SETTABLE)}", 2)
    try:
        path = save_config_values({args.key: args.value})
    except ConfigError as error:
        raise CliError(str(error)) from None
    shown = masked_database_url(args.value) if args.key.endswith("_url") else args.value
    print(f"{args.key} = {shown} written to {path}")
    variable = overriding_variable(args.key)
    if variable:
        print(f"note: the environment variable {variable} overrides it while it is set")
    return 0


def plain_password_warnings(settings: Settings, sources: dict[str, str]) -> list[str]:
    """A password written in a configured PostgreSQL URL while a keyring could keep it
    (a warning, not an error: the URL still works)."""
    from sqlalchemy.engine import make_url

    from dost_desk.credentials import keyring_available

    warnings = []
    for name in ("database_url", "upstream_url"):
        url = getattr(settings, name)
        if not url or not url.startswith("postgres"):
            continue
        try:
            has_password = make_url(url).password is not None
        except Exception:  # a malformed URL is reported where it is used
            continue
        if has_password and keyring_available():
            warnings.append(
                f"{name} ({sources.get(name, 'config')}) holds a password in plain text: "
                "remove it from the URL and move it to the keyring with "
                "`dost-desk config set-password URL`"
            )
    return warnings


def _read_secret(prompt: str) -> str:
    """One line from stdin when piped; else asked twice on the terminal, unechoed."""
    import getpass
    import sys

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("again: ") != first:
        raise CliError("the two entries differ; nothing was stored")
    return first


def _login_url(url: str) -> str:
    """``url`` checked to name a PostgreSQL login without a password."""
    from dost_desk.storage.engine import InvalidDatabaseUrl, parse_database_url

    try:
        parsed = parse_database_url(url)
    except InvalidDatabaseUrl as error:
        raise CliError(str(error)) from None
    if parsed.get_backend_name() != "postgresql" or not parsed.username:
        raise CliError("give a PostgreSQL URL with a user name: postgresql+psycopg://user@host/db")
    if parsed.password is not None:
        raise CliError("give the URL without its password; it is asked for")
    return url


def _set_password(args: argparse.Namespace) -> int:
    from dost_desk.credentials import (
        SERVICE,
        CredentialError,
        backend_name,
        require_keyring,
        store_database_password,
    )
    from dost_desk.url_secrets import masked_database_url

    url = _login_url(args.url)
    try:
        require_keyring()  # before asking for a password that could not be kept
        key = store_database_password(url, _read_secret("password: "))
    except CredentialError as error:
        raise CliError(str(error)) from None
    print(
        f"stored the password of {masked_database_url(url)} in the keyring "
        f"({backend_name()}: {SERVICE} / {key})"
    )
    return 0


def _forget_password(args: argparse.Namespace) -> int:
    from dost_desk.credentials import CredentialError, forget_database_password

    url = _login_url(args.url)
    try:
        removed = forget_database_password(url)
    except CredentialError as error:
        raise CliError(str(error)) from None
    print("removed the stored password" if removed else "no password was stored for this login")
    return 0


def _set_secret(args: argparse.Namespace) -> int:
    from dost_desk.credentials import (
        SERVICE,
        CredentialError,
        backend_name,
        check_secret_name,
        require_keyring,
        store_secret,
    )

    try:
        check_secret_name(args.name)
        require_keyring()
        key = store_secret(args.name, _read_secret("token: "))
    except CredentialError as error:
        raise CliError(str(error)) from None
    print(
        f"stored the token {args.name} in the keyring ({backend_name()}: {SERVICE} / {key}); "
        f'use it with token_keyring = "{args.name}"'
    )
    return 0


def print_config_path(args: argparse.Namespace) -> int:
    from dost_desk.config import config_file_path

    print(config_file_path())
    return 0
