"""The intake of one application, page by page, keyboard-first, saved as it is typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dost_desk.models.field_rules import FieldContext
from dost_desk.models.local_time import BAKU
from dost_desk.storage.engine import StorageError
from dost_desk.ui.intake import actions, checks_page
from dost_desk.ui.intake.checks_page import ChecksPage
from dost_desk.ui.intake.pages import (
    ApplicantPage,
    DocumentsPage,
    FeePage,
    OutcomePage,
    RepresentativePage,
    StartPage,
    user_type_labels,
)

if TYPE_CHECKING:
    from dost_desk.services.desk import Desk
    from dost_desk.services.intake_dto import ApplicationView

# Stack indexes (stored in drafts, so new pages are appended): the order is page_order().
START, APPLICANT, REPRESENTATIVE, DOCUMENTS, FEE, OUTCOME, CHECKS = range(7)
AUTOSAVE_DELAY_MS = 600
# Which kind of passport step (field 23) each page carries out, for the guide on the side.
PAGE_STEP_KIND = {
    START: "desk",
    APPLICANT: "desk",
    REPRESENTATIVE: "desk",
    DOCUMENTS: "documents",
    FEE: "documents",
    OUTCOME: "order",
    CHECKS: "check",
}


class IntakeView(QWidget):
    """Drives the intake pages over the service functions (in :mod:`.actions`)."""

    closed = Signal()
    outcome_recorded = Signal(str)  # the application ID, once accepted or refused
    # A networked desk lost the server (True): drafts and ticks are kept on this computer.
    offline_changed = Signal(bool)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeView")
        self.desk = desk
        self.application: ApplicationView | None = None
        self.passport = None
        self._id_patterns = _id_patterns(desk)
        self.pages = QStackedWidget(objectName="intakePages")
        self.start_page = StartPage()
        self.applicant_page = ApplicantPage(self.field_context)
        self.representative_page = RepresentativePage(self.field_context)
        self.documents_page = DocumentsPage()
        self.fee_page = FeePage()
        self.outcome_page = OutcomePage()
        self.checks_page = ChecksPage()
        for page in (
            self.start_page,
            self.applicant_page,
            self.representative_page,
            self.documents_page,
            self.fee_page,
            self.outcome_page,
            self.checks_page,
        ):
            self.pages.addWidget(page)

        self.title = QLabel(objectName="intakeTitle")
        self.title.setWordWrap(True)
        self.timer_label = QLabel(objectName="serviceTimer")
        self.message = QLabel(objectName="intakeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.back_button = QPushButton(self.tr("Back (Esc)"), objectName="backButton")
        self.next_button = QPushButton(self.tr("Next (Enter)"), objectName="nextButton")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.steps = QListWidget(objectName="stepsGuide")
        self.steps.setWordWrap(True)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setMaximumWidth(300)

        main = QVBoxLayout()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.timer_label)
        main.addLayout(header)
        main.addWidget(self.pages, 1)
        main.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        main.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addWidget(self.steps)

        self.offline = False
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_timer)
        for form in (self.applicant_page.form, self.representative_page.form, self.fee_page.form):
            form.changed.connect(self._autosave.start)
        self.start_page.ticket.textEdited.connect(self._autosave.start)
        self.applicant_page.form.combos["kind"].currentIndexChanged.connect(self._kind_changed)
        self.applicant_page.find_button.clicked.connect(self._find_applicant)
        self.applicant_page.find_edit.returnPressed.connect(self._find_applicant)
        self.applicant_page.found.activated.connect(self._use_found_applicant)
        self.documents_page.table.installEventFilter(self)
        self.outcome_page.accept_button.clicked.connect(self.accept_application)
        self.outcome_page.refuse_button.clicked.connect(self.refuse_application)
        self.outcome_page.new_button.clicked.connect(self.closed.emit)
        self.checks_page.run_button.clicked.connect(lambda: checks_page.run_all(self))
        self.checks_page.record_button.clicked.connect(lambda: checks_page.record(self))
        self.checks_page.defer_button.clicked.connect(lambda: checks_page.defer(self))
        for status, button in self.outcome_page.status_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: actions.follow_up(self, s))
        self._shortcuts()

    # -- keyboard ----------------------------------------------------------------------
    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings = [
            (QKeySequence(Qt.Key.Key_Return), self.go_next),
            (QKeySequence(Qt.Key.Key_Enter), self.go_next),
            (QKeySequence(Qt.Key.Key_Escape), self.go_back),
            (QKeySequence("Ctrl+S"), self.save_now),
            (QKeySequence("Ctrl+Return"), self.accept_application),
            (QKeySequence("Ctrl+Enter"), self.accept_application),
            (QKeySequence(Qt.Key.Key_F5), self.run_checks),
        ]
        for sequence, slot in bindings:
            shortcut = QShortcut(sequence, self, context=context)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.documents_page.table and event.type() == QEvent.Type.KeyPress:
            return actions.checklist_key(self, event.key())
        return super().eventFilter(watched, event)

    def field_context(self) -> FieldContext:
        """What the services check the typed fields against (as the agent types)."""
        started = self.application.started_at if self.application is not None else None
        return FieldContext(
            today=self.desk.local_now().date(),
            id_patterns=self._id_patterns,
            application_date=started.astimezone(BAKU).date() if started else None,
        )

    # -- opening -----------------------------------------------------------------------
    def open_service(self, passport_id: str) -> None:
        """A new application for a service: the start page, nothing stored yet."""
        if actions.prepare_for_passport(self, passport_id):
            self.show_page(START)

    def resume(self, application_id: str) -> None:
        """Reopen a stored application (e.g. a draft after a crash) exactly as it was typed."""
        actions.resume(self, application_id)

    # -- navigation --------------------------------------------------------------------
    def page_order(self) -> list[int]:
        pages = [START, APPLICANT]
        form = self.start_page.application_form.currentData()
        if form == "representative":
            pages.append(REPRESENTATIVE)
        pages.append(DOCUMENTS)
        if self.has_checks():
            pages.append(CHECKS)
        if self.passport is not None and self.passport.fee and self.passport.fee.kind == "paid":
            pages.append(FEE)
        pages.append(OUTCOME)
        return pages

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.message.clear()
        self.back_button.setEnabled(page != START and not self._decided())
        self.next_button.setVisible(page != OUTCOME)
        actions.entered_page(self, page)
        self._highlight_step(page)
        self.save_draft()

    def _decided(self) -> bool:
        return self.application is not None and self.application.status != "draft"

    def go_next(self) -> None:
        focused = self.focusWidget()
        if focused is self.applicant_page.find_edit:  # Enter searches there
            self._find_applicant()
            return
        if focused is self.applicant_page.found and self.applicant_page.found.count():
            self._use_found_applicant(self.applicant_page.found.currentIndex())
            return
        if self.passport is None:  # the desk has no such passport: the message says so
            return
        page = self.pages.currentIndex()
        if page == OUTCOME:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            return
        if not actions.leave_page(self, page):
            return
        order = self.page_order()
        self.show_page(order[order.index(page) + 1])

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page == START or self._decided():
            if self._decided() or self.application is None:
                self.closed.emit()
            return
        actions.leave_page(self, page, validate=False)
        order = self.page_order()
        self.show_page(order[max(order.index(page) - 1, 0)])

    # -- saving ------------------------------------------------------------------------
    def save_draft(self) -> bool:
        """Keep everything typed so far (debounced autosave; also on every page change)."""
        self._autosave.stop()
        if self.application is None or self._decided():
            return False
        return actions.save_draft(self)

    def unsaved_reason(self) -> str | None:
        """Store the typing now; None when it is stored (or there is nothing to store),
        else why it could not be (the message the intake shows)."""
        if self.application is None or self._decided() or self.save_draft():
            return None
        return self.message.text() or self.tr("The draft could not be saved.")

    def set_offline(self, offline: bool) -> None:
        if offline != self.offline:
            self.offline = offline
            self.offline_changed.emit(offline)

    def back_online(self) -> None:
        """The server answers again and the kept work was written through: show the
        application as the server has it now."""
        self.offline = False
        actions.reload_application(self)
        self.save_draft()  # typed while the kept draft was on its way up

    def save_now(self) -> None:
        if self.save_draft():
            self.message.setText(self.tr("Saved."))

    def has_checks(self) -> bool:
        return self.passport is not None and any(step.check for step in self.passport.steps)

    def run_checks(self) -> None:
        """F5: run the passport's checks (from any page once the application exists)."""
        if self.application is None or self._decided() or not self.has_checks():
            return
        if self.pages.currentIndex() != CHECKS:
            self.show_page(CHECKS)
        checks_page.run_all(self)

    def accept_application(self) -> None:
        actions.accept(self)

    def refuse_application(self) -> None:
        actions.refuse(self)

    # -- applicant helpers ---------------------------------------------------------------
    def _kind_changed(self) -> None:
        actions.applicant_kind_changed(self)

    def _find_applicant(self) -> None:
        actions.find_applicant(self)

    def _use_found_applicant(self, index: int) -> None:
        actions.use_found_applicant(self, index)

    # -- timer and guide ---------------------------------------------------------------
    def start_timer(self) -> None:
        self._update_timer()
        self._tick.start()

    def stop_timer(self) -> None:
        self._tick.stop()
        self._update_timer()

    def _update_timer(self) -> None:
        actions.update_timer(self)

    def _highlight_step(self, page: int) -> None:
        if self.passport is None:
            return
        kind = PAGE_STEP_KIND[page]
        for row, step in enumerate(self.passport.steps):
            item = self.steps.item(row)
            if item is not None:
                font = item.font()
                font.setBold(step.kind.value == kind)
                item.setFont(font)
        current = next((r for r, s in enumerate(self.passport.steps) if s.kind.value == kind), -1)
        self.steps.setCurrentRow(current)


__all__ = ["IntakeView", "user_type_labels"]


def _id_patterns(desk: Desk):
    """The desk's identity-document formats for the checks as the agent types (the
    built-in ones when the database cannot say: the service checks again on saving)."""
    try:
        return desk.id_patterns()
    except StorageError:
        return None
