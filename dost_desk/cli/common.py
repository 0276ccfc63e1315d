"""Shared pieces of the command-line sub-commands."""

from __future__ import annotations

import sys
from typing import Any


class CliError(Exception):
    """A failure the command line reports as one line on stderr with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def print_json(data: Any) -> None:
    """Print data as UTF-8 JSON (Azerbaijani letters kept, not escaped)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")
