"""The typed errors of the print package; each message is one line a user can act on."""

from __future__ import annotations


class PrintError(Exception):
    """A document could not be rendered, saved or checked; ``str(error)`` says why."""


class FontMissing(PrintError):
    """A bundled font file is not where it should be (a damaged installation)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"the font file {path} is missing: reinstall DOST Desk (documents cannot be "
            "printed in Azerbaijani without it)"
        )
        self.path = path


class TemplateError(PrintError):
    """A layout or printer-profile file in resources/print is missing or invalid."""


class DocumentNotApplicable(PrintError):
    """The document kind does not apply to this application (e.g. a refusal of an
    accepted application); ``code`` is a stable key for the GUI."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class OutputNotWritable(PrintError):
    """The PDF could not be written where asked; nothing was left there. ``reason`` is a
    stable key for the GUI's translated message (``missing_folder``, ``not_a_folder``,
    ``is_folder``, ``not_regular``, ``no_permission``, ``no_space``, ``other``) and
    ``path`` the file or folder it is about."""

    def __init__(self, message: str, reason: str = "other", path: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


class NotArchived(PrintError):
    """The document was delivered (file written, job sent) but its archive row could not
    be committed (e.g. the server went away): the next print may be the original again."""
