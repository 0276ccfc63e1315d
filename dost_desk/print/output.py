"""Writing a PDF to disk without ever leaving a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dost_desk.print.errors import OutputNotWritable


def save_pdf(pdf: bytes, path: str | Path) -> Path:
    """Write ``pdf`` to ``path`` atomically: a temporary file in the same folder, flushed
    to disk, then renamed over the target. Raises :class:`OutputNotWritable` (nothing is
    left behind) when the folder does not exist or cannot be written."""
    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        raise OutputNotWritable(f"cannot save the PDF: {target} is a folder")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputNotWritable(f"cannot save the PDF to {target}: {_why(error, folder)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputNotWritable(f"cannot save the PDF to {target}: {_why(error, folder)}") from None
    return target


def _why(error: OSError, folder: Path) -> str:
    if isinstance(error, FileNotFoundError):
        return f"the folder {folder} does not exist"
    if isinstance(error, NotADirectoryError):
        return f"{_first_file(folder)} is a file, not a folder"
    if isinstance(error, PermissionError):
        return f"no permission to write in {folder}"
    return error.strerror or str(error)


def _first_file(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder
