"""Shared pieces of the command-line sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk


URL_HELP = "database URL (default: the configured database)"


class CliError(Exception):
    """A failure the command line reports as one line on stderr with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def int_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high`` (a usage error, exit 2,
    otherwise; a bound also keeps a number within what the database can store)."""

    def whole_number(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"should be a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"should be from {low:,} to {high:,}")
        return value

    return whole_number


def print_json(data: Any) -> None:
    """Print data as UTF-8 JSON (Azerbaijani letters kept, not escaped)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


@contextmanager
def desk_errors() -> Iterator[None]:
    """Expected failures of a desk command become one line on stderr (exit 1)."""
    from sqlalchemy.exc import SQLAlchemyError

    from dost_desk.catalog.loader import CatalogError
    from dost_desk.config import ConfigError
    from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
    from dost_desk.storage.engine import StorageError
    from dost_desk.url_secrets import redact_secrets

    try:
        yield
    except (ConfigError, StorageError, NotFound, InvalidInput, IntakeRuleBroken) as error:
        raise CliError(str(error)) from None
    except CatalogError as error:
        raise CliError(f"the bundled catalog is invalid: {error}") from None
    except SQLAlchemyError as error:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise CliError(f"database error: {redact_secrets(first)}") from None


@contextmanager
def configured_desk(url: str | None = None) -> Iterator[Desk]:
    """The desk on the configured (or given) database, with one-line errors; closed after."""
    from dost_desk.services.desk import open_desk

    with desk_errors():
        desk = open_desk(url=url)
        try:
            yield desk
        finally:
            desk.close()


def jsonable(value: Any) -> Any:
    """Dates and datetimes as ISO strings, tuples as lists, inside any nesting."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value
