"""Private files and folders: the local data holds FİN, phone and ID numbers.

On POSIX the data folder and every folder in it are ``0700`` and every file ``0600``
(only the desk's own OS user can read them); on Windows the data folder gets an ACL that
lets in only that user, SYSTEM and the Administrators group (:func:`windows_acl_command`).

* :func:`make_private_dir` / :func:`make_private_file`: tighten one folder or file
  (callers that write data files, e.g. the print archive or the log, use these).
* :func:`secure_data_dir`: tighten a whole data folder at start-up (existing installs).
* :func:`use_private_umask`: new files of this process are ``0600`` from the start.

Standard library only; no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_UMASK = 0o077
_POSIX = os.name == "posix"
# Well-known SIDs: the names "SYSTEM" and "Administrators" are translated on localised Windows.
_WINDOWS_SYSTEM_SID = "*S-1-5-18"
_WINDOWS_ADMINISTRATORS_SID = "*S-1-5-32-544"


def use_private_umask() -> int:
    """Make files and folders this process creates from now on private (umask ``077``).

    Returns the previous umask. Does nothing on Windows (returns 0)."""
    if not _POSIX:
        return 0
    return os.umask(PRIVATE_UMASK)


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as ``0700``; tighten it if it exists.

    Only folders created here and ``path`` itself are changed, never an existing parent.
    Raises OSError."""
    missing = []
    current = path
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    _chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """``chmod 0600`` an existing regular file (not a symlink); a missing file is fine."""
    _chmod(path, PRIVATE_FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty ``0600`` file if ``path`` does not exist (then write it as usual)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(descriptor)


def _chmod(path: Path, mode: int) -> None:
    if not _POSIX:
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
        return
    if info.st_uid != os.geteuid():
        return  # not ours to change (and chmod would fail anyway)
    os.chmod(path, mode)


def is_shared_folder(path: Path) -> bool:
    """True for folders that must never be made private: ``/``, the home folder, sticky
    folders such as ``/tmp`` (a data folder misconfigured as one of those)."""
    try:
        resolved = path.resolve()
        info = resolved.stat()
    except OSError:
        return True
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        return True
    return bool(info.st_mode & stat.S_ISVTX)


def secure_data_dir(data_dir: Path) -> list[str]:
    """Make ``data_dir`` and everything in it private; return problems as one-line texts.

    POSIX: folders ``0700``, files ``0600`` (symlinks are left alone). Windows: the ACL of
    :func:`windows_acl_command`. A missing folder is created private. Never raises OSError:
    an unreadable corner is reported and the rest is still tightened."""
    problems: list[str] = []
    if data_dir.exists() and is_shared_folder(data_dir):
        return [f"the data folder {data_dir} is a shared folder; its permissions were left alone"]
    try:
        make_private_dir(data_dir)
    except OSError as error:
        return [f"cannot make the data folder {data_dir} private: {error.strerror or error}"]
    if sys.platform == "win32":  # pragma: no cover - Windows only
        problem = restrict_windows_acl(data_dir)
        return [problem] if problem else []
    for root, folders, files in os.walk(
        data_dir,
        onerror=lambda error: problems.append(
            f"cannot read {error.filename}: {error.strerror or error}"
        ),
    ):
        for name in folders:
            _tighten(Path(root) / name, PRIVATE_DIR_MODE, problems)
        for name in files:
            _tighten(Path(root) / name, PRIVATE_FILE_MODE, problems)
    return problems


def secure_data_dir_logged(data_dir: Path) -> None:
    """:func:`secure_data_dir` at start-up: problems go to the log, the start goes on."""
    import logging

    for problem in secure_data_dir(data_dir):
        logging.getLogger(__name__).warning("%s", problem)


def _tighten(path: Path, mode: int, problems: list[str]) -> None:
    try:
        _chmod(path, mode)
    except OSError as error:
        problems.append(f"cannot make {path} private: {error.strerror or error}")


def windows_user() -> str:
    """``DOMAIN\\user`` of the Windows user running DOST Desk (from the environment)."""
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def windows_acl_command(folder: Path, user: str) -> list[str]:
    """The ``icacls`` command that gives ``folder`` (and all it will hold) to ``user``,
    SYSTEM and Administrators only, replacing the inherited entries. Files and folders in
    it that inherit (the default) follow: Windows propagates the new entries to them."""
    return [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        f"{_WINDOWS_SYSTEM_SID}:(OI)(CI)F",
        f"{_WINDOWS_ADMINISTRATORS_SID}:(OI)(CI)F",
        "/Q",
    ]


def restrict_windows_acl(folder: Path) -> str | None:
    """Run :func:`windows_acl_command` on ``folder``; return None, or a one-line problem."""
    import subprocess

    user = windows_user()
    if not user:
        return f"cannot restrict {folder}: the Windows user name is unknown (USERNAME unset)"
    creation = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        result = subprocess.run(
            windows_acl_command(folder, user),
            capture_output=True,
            text=True,
            timeout=60,
            creationflags=creation,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return f"cannot restrict {folder} with icacls: {error}"
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout).split())[:200]
        return f"icacls could not restrict {folder} (exit {result.returncode}): {detail}"
    return None
