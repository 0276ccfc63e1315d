"""Reading the YAML data files of resources/print with errors that name file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dost_desk.print.errors import TemplateError

M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"{path} is missing: reinstall DOST Desk") from None
    except OSError as error:
        raise TemplateError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        first = (str(error).strip().splitlines() or ["invalid YAML"])[0]
        raise TemplateError(f"{path}: not valid YAML: {first}") from None


def validated(model: type[M], data: Any, path: Path) -> M:
    """``data`` as ``model``; a :class:`TemplateError` naming the file and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        count = error.error_count()
        more = f" (and {count - 1} more problem(s))" if count > 1 else ""
        raise TemplateError(f"{path}: {where}: {problem['msg']}{more}") from None
