"""Translated messages for the errors a background job or an action can end with.

A typed error of ours gets a translated sentence for its kind followed by its own
(English) line, which names what went wrong; an invalid input gets the field messages of
:mod:`dost_desk.ui.problem_messages`; anything else says it was unexpected and logged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dost_desk.ui.problem_messages import problem_text


def _sentences() -> list[tuple[tuple[type[BaseException], ...], str]]:
    """The most specific kinds first; imported here so the window opens before these load."""
    from dost_desk.catalog.catalog import UnknownPassport, UnknownVariant
    from dost_desk.catalog.loader import CatalogError
    from dost_desk.checks.http_json import HttpFailure, TokenUnavailable
    from dost_desk.config import ConfigError
    from dost_desk.credentials import CredentialError
    from dost_desk.models.lifecycle import IllegalTransition
    from dost_desk.print.errors import PrintError
    from dost_desk.services.intake_dto import IntakeRuleBroken, NotFound
    from dost_desk.services.sync import SyncNotConfigured
    from dost_desk.storage.engine import StorageError, StorageUnavailable
    from dost_desk.storage.unit_of_work import ReadOnlyDatabase
    from dost_desk.sync.push import SyncError

    return [
        (
            (StorageUnavailable,),
            QCoreApplication.translate(
                "Errors", "The database cannot be reached. What you typed is kept."
            ),
        ),
        (
            (ReadOnlyDatabase,),
            QCoreApplication.translate("Errors", "The database can only be read."),
        ),
        (
            (SyncNotConfigured,),
            QCoreApplication.translate("Errors", "No central database is configured."),
        ),
        (
            (SyncError,),
            QCoreApplication.translate("Errors", "The sync with the central database failed."),
        ),
        ((StorageError,), QCoreApplication.translate("Errors", "The database reported an error.")),
        ((NotFound,), QCoreApplication.translate("Errors", "It was not found.")),
        (
            (IntakeRuleBroken, IllegalTransition),
            QCoreApplication.translate("Errors", "This is not allowed for the application now."),
        ),
        (
            (PrintError,),
            QCoreApplication.translate("Errors", "The document could not be prepared."),
        ),
        (
            (TokenUnavailable, CredentialError),
            QCoreApplication.translate("Errors", "An access key is missing."),
        ),
        (
            (HttpFailure,),
            QCoreApplication.translate("Errors", "The information system did not answer."),
        ),
        (
            (CatalogError, UnknownPassport, UnknownVariant),
            QCoreApplication.translate("Errors", "The service passports could not be read."),
        ),
        ((ConfigError,), QCoreApplication.translate("Errors", "The configuration has an error.")),
        ((OSError,), QCoreApplication.translate("Errors", "A file could not be read or written.")),
    ]


def _own_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [""])[0]


def error_text(error: BaseException) -> str:
    """What to show where the user acted, in the UI language (may be two lines)."""
    from dost_desk.services.intake_dto import InvalidInput

    if isinstance(error, InvalidInput):
        return "\n".join(problem_text(problem) for problem in error.problems.values())
    detail = _own_line(error)
    for kinds, sentence in _sentences():
        if isinstance(error, kinds):
            return f"{sentence}\n{detail}" if detail else sentence
    if type(error).__module__.split(".")[0] == "dost_desk" and detail:
        return QCoreApplication.translate("Errors", "It did not work: %1").replace("%1", detail)
    return QCoreApplication.translate(
        "Errors", "Unexpected error (%1). It was written to the log."
    ).replace("%1", type(error).__name__)


def error_line(error: BaseException) -> str:
    """:func:`error_text` on one line (a status bar, a tooltip)."""
    return " — ".join(line for line in error_text(error).splitlines() if line)
