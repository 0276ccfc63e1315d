"""The log file: ``logs/dost-desk.log`` in the data folder, rotating, without personal data.

Set up once per process by the command line (GUI and sub-commands alike). Only the
``dost_desk`` loggers write to it (third-party loggers can print SQL parameters). Exception
messages can hold what the agent typed (a FİN, a name), so a logged traceback keeps its
frames (code, not data) but each message only when it comes from our typed errors or from
code-level errors, with FİN-like tokens, long numbers, e-mail addresses and quoted values
masked (registration numbers, UUIDs and passport IDs stay); other messages are withheld.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import tomllib
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from dost_desk.paths import ENV_PREFIX, config_file_path, default_data_dir

LOG_FOLDER_NAME = "logs"
LOG_FILE_NAME = "dost-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOGGER_NAME = "dost_desk"

_log = logging.getLogger(LOGGER_NAME)


def data_dir() -> Path:
    """The data folder as the settings will see it, read cheaply (no pydantic): the
    ``DOST_DESK_DATA_DIR`` variable, else ``data_dir`` in the config file, else the default."""
    value = os.environ.get(f"{ENV_PREFIX}DATA_DIR", "").strip()
    if not value:
        try:
            with config_file_path().open("rb") as file:
                value = str(tomllib.load(file).get("data_dir", "")).strip()
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            value = ""  # the full settings load reports a broken file
    return Path(value).expanduser() if value else default_data_dir()


def log_file_path() -> Path:
    """Where the log file is (it need not exist yet)."""
    return data_dir() / LOG_FOLDER_NAME / LOG_FILE_NAME


# -- what may go in -------------------------------------------------------------------------

_KEPT_OR_MASKED = re.compile(
    r"(?P<keep>(?<![0-9A-Za-z])(?:[A-E]\d{1,4}-\d{4}-\d{6}"  # registration number
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  # UUID
    r"|\d\d-\d\d-\d\d-\d\d)(?![0-9A-Za-z]))"  # passport ID
    r"|(?P<email>[^\s'\"<>@]+@[^\s'\"<>@]+)"
    r"|(?P<number>\+?\d(?:[\d \-]{5,})\d)"  # phone, VÖEN, ID document numbers
    r"|(?P<token>(?<!\w)\w{7}(?!\w))"  # a FİN is 7 letters and digits
)
_FIN = re.compile(r"[0-9A-HJ-NP-Z]{7}")
_QUOTED = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_CODE_WORD = re.compile(
    r"[a-z_][a-z0-9_.]*|(?:[A-Z][a-z0-9]+){2,}|[A-Z][a-z]*Error"
    r"|[A-E]\d{1,4}-\d{4}-\d{6}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|\d\d-\d\d-\d\d-\d\d"
)
# Lines of database errors that quote the row: SQLAlchemy's parameters, PostgreSQL's detail.
_DATA_LINES = re.compile(r"\[parameters:.*|^DETAIL:.*$|\(Background on this error.*", re.M)
# Built-in errors whose messages name code (attributes, modules, types), not data.
_CODE_LEVEL = (
    AttributeError,
    NameError,
    ImportError,
    ZeroDivisionError,
    RecursionError,
    NotImplementedError,
    TypeError,
    IndexError,
    MemoryError,
)
WITHHELD = "(message not logged: it may hold personal data)"


def _mask_token(match: re.Match[str]) -> str:
    if match["keep"]:
        return match["keep"]
    if match["email"]:
        return "[e-mail]"
    if match["number"]:
        digits = sum(char.isdigit() for char in match["number"])
        return "[number]" if digits >= 7 else match["number"]
    token = match["token"]
    fin_like = _FIN.fullmatch(token.upper()) is not None
    return "[FİN?]" if fin_like and (token.isupper() or any(c.isdigit() for c in token)) else token


def redact(text: str) -> str:
    """``text`` with database row data, quoted values, FİN-like tokens, long numbers and
    e-mail addresses masked; registration numbers, UUIDs and passport IDs kept."""
    text = _DATA_LINES.sub("[data not logged]", text)
    text = _QUOTED.sub(
        lambda m: m[0] if _CODE_WORD.fullmatch(m[1] if m[1] is not None else m[2]) else "'…'",
        text,
    )
    return _KEPT_OR_MASKED.sub(_mask_token, text)


def safe_message(error: BaseException) -> str:
    """What the log may say about ``error`` besides its type."""
    if isinstance(error, OSError) and error.strerror:
        text = f"[Errno {error.errno}] {error.strerror}"
        return redact(f"{text}: {error.filename!r}" if error.filename else text)
    ours = type(error).__module__.split(".")[0] == "dost_desk"
    if ours or isinstance(error, _CODE_LEVEL):
        return redact(str(error))[:1000]
    return WITHHELD


def describe(error: BaseException) -> str:
    """``Type: safe message`` in one line."""
    message = " ".join(safe_message(error).split())
    name = type(error).__qualname__
    return f"{name}: {message}" if message else name


def safe_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and the errors it was raised from or during, with each
    message as :func:`safe_message` allows (frames name files, lines and code only)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines = ["Traceback (most recent call last):\n"]
        lines += traceback.format_tb(current.__traceback__)
        lines.append(describe(current) + "\n")
        parts.insert(0, "".join(lines))
        if current.__cause__ is not None:
            link = "\nThe above exception was the direct cause of the following exception:\n\n"
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link = "\nDuring handling of the above exception, another exception occurred:\n\n"
            current = current.__context__
        else:
            break
        parts.insert(0, link)
    return "".join(parts)


class SafeFormatter(logging.Formatter):
    """Masks personal data in messages; tracebacks go through :func:`safe_traceback`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.msg, record.args = redact(record.getMessage()), None
        exc_info, record.exc_info, record.exc_text = record.exc_info, None, None
        text = super().format(record)
        if exc_info and exc_info[1] is not None:
            text += "\n" + safe_traceback(exc_info[1]).rstrip("\n")
        return text


# -- set-up ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogSetup:
    path: Path
    problem: str | None = None  # why the file cannot be written (the app runs without it)


_setup: LogSetup | None = None
_handler: logging.Handler | None = None
_lock = threading.Lock()


def setup_logging(path: Path | None = None) -> LogSetup:
    """Write the ``dost_desk`` loggers to the rotating log file (once per path; a second call
    with another path moves the file). A folder that cannot be written is not an error:
    the returned ``problem`` says why, and logging goes nowhere."""
    global _setup, _handler
    path = path or log_file_path()
    with _lock:
        if _setup is not None and _setup.path == path:
            return _setup
        if _handler is not None:
            _log.removeHandler(_handler)
            _handler.close()
            _handler = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handler = RotatingFileHandler(
                path,
                maxBytes=MAX_BYTES,
                backupCount=BACKUP_COUNT,
                encoding="utf-8",
                errors="backslashreplace",
            )
            if os.name == "posix":
                os.chmod(path, 0o600)
        except OSError as error:
            _setup = LogSetup(path, error.strerror or type(error).__name__)
            return _setup
        handler.setFormatter(SafeFormatter())
        _log.addHandler(handler)
        _log.setLevel(logging.INFO)
        _handler, _setup = handler, LogSetup(path)
        return _setup


def current_setup() -> LogSetup | None:
    """What :func:`setup_logging` did in this process (None before it ran)."""
    return _setup


# -- errors ---------------------------------------------------------------------------------

_last_failure: dict[str, str] = {}


def log_job_failure(job: str, error: BaseException) -> None:
    """Log a failed background job with its traceback; the same failure repeated by the
    same job (a monitor retrying while offline) is logged once until the job succeeds."""
    signature = describe(error)
    if _last_failure.get(job) == signature:
        return
    _last_failure[job] = signature
    _log.error("background job %s failed", job, exc_info=error)


def log_job_success(job: str) -> None:
    """Forget the job's last failure, so its next one is logged again."""
    if _last_failure.pop(job, None) is not None:
        _log.info("background job %s succeeded again", job)


ExceptionCallback = Callable[[BaseException, str], None]


def log_uncaught(error: BaseException, where: str = "") -> str:
    """Log an uncaught exception; return its safe traceback (for a dialog's details)."""
    _log.critical("uncaught exception%s", f" in {where}" if where else "", exc_info=error)
    return safe_traceback(error)


def install_exception_hooks(on_exception: ExceptionCallback | None = None) -> None:
    """Log every uncaught exception (main thread and other threads), then hand it to
    ``on_exception(error, details)`` (the GUI's dialog) or to the previous hook."""
    previous = sys.excepthook
    previous_thread = threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        details = log_uncaught(error)
        if on_exception is None:
            previous(kind, error, tb)
        else:
            on_exception(error, details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            previous_thread(args)
            return
        name = args.thread.name if args.thread is not None else "a thread"
        details = log_uncaught(args.exc_value, name)
        if on_exception is None:
            previous_thread(args)
        else:
            on_exception(args.exc_value, details)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def stop_logging() -> None:
    """Close the log file and forget the set-up (tests; the end of a process)."""
    global _setup, _handler
    with _lock:
        if _handler is not None:
            _log.removeHandler(_handler)
            _handler.close()
        _setup = _handler = None
