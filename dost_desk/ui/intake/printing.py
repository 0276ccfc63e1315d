"""Printing from the intake: a button per document that applies, rendered off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from dost_desk.print.errors import PrintError
from dost_desk.services import printing
from dost_desk.services.intake_dto import NotFound
from dost_desk.storage.engine import StorageError
from dost_desk.ui.error_messages import error_text
from dost_desk.ui.intake.pages import document_kind_labels
from dost_desk.ui.print_preview import PrintPreview
from dost_desk.ui.workers import run_in_background

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk
    from dost_desk.ui.intake.intake_view import IntakeView

# The document that opens by itself after each outcome.
AFTER_STATUS = {"submitted": "receipt", "refused": "refusal", "handed_over": "certificate"}


def show_print_buttons(view: IntakeView) -> list[str]:
    """One button per document kind that applies to the application now."""
    page = view.outcome_page
    try:
        kinds = printing.applicable_kinds(view.desk, view.application.id)
    except (StorageError, NotFound, PrintError) as error:
        view.message.setText(str(error))
        kinds = []
    labels = document_kind_labels()
    for kind, button in list(page.print_buttons.items()):
        page.print_row.removeWidget(button)
        button.deleteLater()
        del page.print_buttons[kind]
    for kind in kinds:
        button = QPushButton(labels.get(kind, kind), objectName=f"print_{kind}")
        button.clicked.connect(lambda _checked=False, k=kind: open_document(view, k))
        page.print_row.addWidget(button)
        page.print_buttons[kind] = button
    page.print_box.setVisible(bool(kinds))
    return kinds


def open_after_outcome(view: IntakeView, kinds: list[str]) -> None:
    kind = AFTER_STATUS.get(view.application.status)
    if kind == "certificate" and kind not in kinds:
        kind = "payment-decision"  # seed 001 decides rather than hands over a certificate
    if kind in kinds:
        open_document(view, kind)


def open_document(view: IntakeView, kind: str) -> None:
    """Render the document in the background and preview it; it is archived only when
    it is printed or saved (see :class:`ArchivedDelivery`)."""
    profile = view.desk.settings.print_profiles.get(kind, "a4")
    view.message.setText(QCoreApplication.translate("IntakePrinting", "Preparing the document…"))
    delivery = ArchivedDelivery(view.desk, view.application.id, kind, profile)
    view.print_job = run_in_background(
        delivery.next_copy,
        on_done=lambda pdf: _preview(view, kind, delivery, pdf),
        on_error=lambda error: view.message.setText(error_text(error)),
        context=view,
    )


class ArchivedDelivery:
    """Printing and saving an application's document through the printing service: the
    copy number is taken under a lock and the printout archived only once delivered."""

    def __init__(self, desk: Desk, application_id: str, kind: str, profile: str) -> None:
        self.desk, self.application_id, self.kind, self.profile = (
            desk,
            application_id,
            kind,
            profile,
        )

    def send(self, send_pdf: Callable[[bytes], object]) -> bytes:
        return printing.render_application_document(
            self.desk, self.application_id, self.kind, self.profile, deliver=send_pdf
        ).pdf

    def save(self, path: str) -> bytes:
        rendered, _ = printing.save_application_document(
            self.desk, self.application_id, self.kind, path, self.profile
        )
        return rendered.pdf

    def next_copy(self) -> bytes:
        return printing.preview_application_document(
            self.desk, self.application_id, self.kind, self.profile
        ).pdf


def _preview(view: IntakeView, kind: str, delivery: ArchivedDelivery, pdf: bytes) -> None:
    view.message.clear()
    labels = document_kind_labels()
    number = view.application.registration_number or view.application.id[:8]
    title = f"{labels.get(kind, kind)} — {number}"
    dialog = PrintPreview(pdf, title, f"{number}-{kind}.pdf", delivery, parent=view)
    view.preview = dialog
    dialog.open()
