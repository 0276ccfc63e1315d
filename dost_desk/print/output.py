"""Writing a PDF to disk: only into a regular file or a new path in an existing folder,
never following a symbolic link or writing into a device, and never leaving a
half-written file at the target."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from dost_desk.print.errors import OutputNotWritable
from dost_desk.print.faults import fault_point

_SUFFIX = ".part"


def check_output_path(path: str | Path) -> Path:
    """``path`` as the target of a PDF, or :class:`OutputNotWritable` saying why not: it
    must be a regular file (replaced) or a new name in an existing folder."""
    target = Path(path).expanduser()
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        folder = target.parent
        if not folder.is_dir():
            raise _not_writable(target, FileNotFoundError(), folder) from None
        return target
    except OSError as error:
        raise _not_writable(target, error, target.parent) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputNotWritable(
            f"cannot save the PDF: {target} is a folder", "is_folder", str(target)
        )
    if not stat.S_ISREG(info.st_mode):
        raise OutputNotWritable(
            f"cannot save the PDF to {target}: it is {_file_type(info.st_mode)}, "
            "not a regular file (choose a new file name)",
            "not_regular",
            str(target),
        )
    return target


def save_pdf(pdf: bytes, path: str | Path, *, mode: int | None = None) -> Path:
    """Write ``pdf`` to ``path`` atomically: a temporary file in the same folder, flushed
    to disk, then renamed over the target. ``mode`` (e.g. 0o600 in the data folder)
    defaults to the replaced file's mode, or the umask's for a new file. Raises
    :class:`OutputNotWritable` (nothing is left behind) when the target is not a
    regular file or a new path (see :func:`check_output_path`) or cannot be written."""
    target = check_output_path(path)
    folder = target.parent
    if mode is None:
        mode = _mode_of(target)
    _remove_abandoned_temporaries(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=_SUFFIX, dir=folder
        )
    except OSError as error:
        raise _not_writable(target, error, folder) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), mode)
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        fault_point("written")
        check_output_path(target)  # still not a link or device (it may have changed)
        os.replace(temporary, target)
    except OutputNotWritable:
        Path(temporary).unlink(missing_ok=True)
        raise
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _not_writable(target, error, folder) from None
    _sync_folder(folder)
    return target


def _mode_of(target: Path) -> int:
    """The permission bits of the file being replaced, or what the umask gives."""
    try:
        return stat.S_IMODE(os.lstat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux reports it without changing it (os.umask would race with other threads)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _remove_abandoned_temporaries(target: Path) -> None:
    """Temporary files for ``target`` left by a process that died (kill -9, power cut)."""
    if os.name != "posix":
        return  # os.kill(pid, 0) would not be a harmless probe on Windows
    for leftover in target.parent.glob(f".{target.name}.*{_SUFFIX}"):
        pid_text = leftover.name[len(target.name) + 2 :].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except OSError:
            continue  # alive under another user, or not ours to judge


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data is already synced
    finally:
        os.close(descriptor)


def _file_type(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _not_writable(target: Path, error: OSError, folder: Path) -> OutputNotWritable:
    if isinstance(error, FileNotFoundError):
        why, reason, about = f"the folder {folder} does not exist", "missing_folder", folder
    elif isinstance(error, NotADirectoryError) or (folder.exists() and not folder.is_dir()):
        about = _first_file(folder)
        why, reason = f"{about} is a file, not a folder", "not_a_folder"
    elif isinstance(error, PermissionError):
        why, reason, about = f"no permission to write in {folder}", "no_permission", folder
    elif error.errno in (errno.ENOSPC, errno.EDQUOT):
        why, reason, about = error.strerror or "the disk is full", "no_space", folder
    else:
        why, reason, about = error.strerror or str(error), "other", target
    return OutputNotWritable(f"cannot save the PDF to {target}: {why}", reason, str(about))


def _first_file(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder
