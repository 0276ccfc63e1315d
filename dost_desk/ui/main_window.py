"""The main window: classification tree and search on the left, the passport on the right."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dost_desk import __version__
from dost_desk.ui.main_window_sync import SyncWindowMixin
from dost_desk.ui.models.catalog_tree_model import (
    IS_SERVICE_ROLE,
    PASSPORT_ID_ROLE,
    CatalogTreeModel,
)
from dost_desk.ui.widgets.passport_view import PassportView


class MainWindow(SyncWindowMixin, QMainWindow):
    """Browse the service passports offered at this centre."""

    passport_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("DOST Desk"))
        self.resize(1200, 760)
        self._centre_category = None
        # A close that cannot store the last typing asks first (not at SIGTERM or log-off).
        self.ask_before_losing_typing = True

        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(
            self.tr("Search services by name, ID or document (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._apply_search)

        self.tree_model = CatalogTreeModel(self)
        self.tree = QTreeView(objectName="catalogTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._open_index)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.result_label = QLabel(objectName="resultLabel")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.result_label)

        self.passport_view = PassportView()
        self.start_button = QPushButton(self.tr("&Start application"), objectName="startButton")
        self.start_button.setEnabled(False)
        self.start_button.setToolTip(self.tr("Choose a service first (the database must be open)."))
        self.start_button.clicked.connect(self.start_intake)
        self.desk = None
        self.intake = None
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.passport_view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)

        self.right_stack = QStackedWidget(objectName="rightStack")
        self.right_stack.addWidget(right)
        self.left_tabs = QTabWidget(objectName="leftTabs")
        self.left_tabs.addTab(left, self.tr("Se&rvices"))
        self.applications_panel = None
        self.sync = None  # a SyncController once a local desk is open
        self.connection = None  # a ConnectionMonitor once a desk is open
        self.shut_down_done = False  # see dost_desk.ui.shutdown
        self.jobs_ended = True
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.left_tabs)
        splitter.addWidget(self.right_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 730])
        self.setCentralWidget(splitter)

        self._build_menu()
        self._build_status_bar()
        self.search_box.installEventFilter(self)
        self.passport_view.installEventFilter(self)

    # -- construction ----------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.find_action = QAction(self.tr("&Find service"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.find_action)
        self.applications_action = QAction(self.tr("&Applications"), self)
        self.applications_action.setShortcut(QKeySequence("Ctrl+L"))
        self.applications_action.triggered.connect(self.focus_applications)
        view_menu.addAction(self.applications_action)
        centre_menu = self.menuBar().addMenu(self.tr("&Centre"))
        self.calendar_action = QAction(self.tr("Working &calendar…"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        centre_menu.addAction(self.calendar_action)
        self.supervisor_action = QAction(self.tr("&Supervisor's list…"), self)
        self.supervisor_action.triggered.connect(self.open_supervisor_list)
        centre_menu.addAction(self.supervisor_action)
        centre_menu.addSeparator()
        self.sync_action = QAction(self.tr("Sync &now"), self, enabled=False)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        centre_menu.addAction(self.sync_action)
        self.conflicts_action = QAction(self.tr("Sync c&onflicts and duplicates…"), self)
        self.conflicts_action.triggered.connect(self.open_sync_dialog)
        centre_menu.addAction(self.conflicts_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About DOST Desk"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _build_status_bar(self) -> None:
        self.centre_label = QLabel(objectName="centreLabel")
        self.database_label = QLabel(objectName="databaseLabel")
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setObjectName("versionLabel")
        bar = self.statusBar()
        bar.addWidget(self.centre_label)
        bar.addWidget(self.database_label, 1)
        self.sync_label = QLabel(objectName="syncLabel")
        bar.addPermanentWidget(self.sync_label)
        self.connection_label = QLabel(objectName="connectionLabel")
        self.connection_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.version_label)
        self.centre_label.setText(self.tr("Loading the catalog…"))

    # -- leaving ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        from dost_desk.ui.shutdown import shut_down

        reason = self.flush_drafts()
        if reason is not None and self.ask_before_losing_typing:
            event.ignore()  # the agent decides: free space and close again, or leave it
            self._offer_to_close_unsaved(reason)
            return
        shut_down(self)
        event.accept()

    def quit_app(self, ask: bool = True) -> None:
        """File → Quit (``ask``: a typing that cannot be stored is said first), SIGTERM
        (``ask=False``): close the window (the orderly shutdown) and end the app even if
        some other window is still open."""
        self.ask_before_losing_typing = self.ask_before_losing_typing and ask
        if self.close():
            QApplication.quit()

    def flush_drafts(self) -> str | None:
        """Store what was typed at once (the autosave waits for a pause in the typing);
        None when stored, else why it could not be (a full disk, a read-only file)."""
        return self.intake.unsaved_reason() if self.intake is not None else None

    def _offer_to_close_unsaved(self, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The last typing is not saved"),
            self.tr(
                "%1\n\nFree some space (or fix the problem) and close again to keep it, or "
                "close without it: what was saved before stays."
            ).replace("%1", reason),
            parent=self,
        )
        box.setObjectName("unsavedOnClose")
        leave = box.addButton(self.tr("Close &without it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole)

        def decided(_result: int) -> None:
            if box.clickedButton() is leave:
                self.ask_before_losing_typing = False
                self.quit_app()

        box.finished.connect(decided)
        box.open()

    # -- data in ---------------------------------------------------------------------------
    def set_workspace(self, info) -> None:
        """Show the centre, the database and the services of ``info`` (a WorkspaceInfo)."""
        self._centre_category = info.centre_category
        self.desk = info.desk
        self.centre_label.setText(
            self.tr("Centre %1 (category %2)")
            .replace("%1", info.centre_code)
            .replace("%2", str(info.centre_category))
        )
        self.database_label.setText(self.tr("Database: %1").replace("%1", info.database_label))
        self.tree_model.set_tree(self._service_tree())
        self._apply_search(self.search_box.text())
        self._update_start_button()
        if self.desk is not None:
            self._build_applications_panel()
            self._start_sync()
            self._watch_connection()
        if info.drafts and self.desk is not None:
            self.resume_application(info.drafts[-1])
            self.statusBar().showMessage(self.tr("An unfinished application was reopened."), 10000)

    def show_database_error(self, message: str) -> None:
        self.database_label.setText(self.tr("Database unavailable: %1").replace("%1", message))

    def show_load_error(self, message: str) -> None:
        """Say why nothing can be shown; window-modal, so the event loop keeps running."""
        self.centre_label.setText(self.tr("The catalog could not be loaded."))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("DOST Desk"), message, parent=self)
        box.setObjectName("loadErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- behaviour -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.left_tabs.setCurrentIndex(0)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _apply_search(self, text: str) -> None:
        from dost_desk.services.catalog import search_services

        query = text.strip()
        if query:
            results = search_services(
                query, self._centre_category, limit=None, catalog=self._catalog()
            )
            self.tree_model.set_filter([s.id for s in results])
        else:
            self.tree_model.set_filter(None)
        self.tree.expandAll()
        count = self.tree_model.service_count()
        self.result_label.setText(
            self.tr("%n service(s)", "", count) if query or count else self.tr("No services")
        )
        if query and count == 0:
            self.result_label.setText(self.tr("Nothing found for “%1”").replace("%1", query))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.passport_view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.start_intake()
            return True
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key == Qt.Key.Key_Down:
                self._select_first_service()
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is self.search_box:
                index = self.tree.currentIndex()
                if not (index.isValid() and index.data(IS_SERVICE_ROLE)):
                    index = self._select_first_service()
                if index.isValid():
                    self._open_index(index)
                return True
        return super().eventFilter(watched, event)

    def _select_first_service(self) -> QModelIndex:
        index = self.tree_model.first_service_index()
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(IS_SERVICE_ROLE):
            self.show_passport(current.data(PASSPORT_ID_ROLE))

    def _open_index(self, index: QModelIndex) -> None:
        if not index.data(IS_SERVICE_ROLE):
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        passport_id = index.data(PASSPORT_ID_ROLE)
        self.show_passport(passport_id)
        self.passport_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.passport_opened.emit(passport_id)

    def show_passport(self, passport_id: str) -> None:
        from dost_desk.services.catalog import describe_passport

        current = self.passport_view.passport
        if current is None or current.id != passport_id:
            self.passport_view.show_passport(describe_passport(passport_id, self._catalog()))
        self._update_start_button()

    def _update_start_button(self) -> None:
        ready = self.desk is not None and self.passport_view.passport is not None
        self.start_button.setEnabled(ready)
        self.start_button.setToolTip(
            self.tr("Start an application for this service (Enter).")
            if ready
            else self.tr("Choose a service first (the database must be open).")
        )

    # -- intake ----------------------------------------------------------------------------
    def start_intake(self) -> None:
        """Open the intake for the shown service (Enter in the passport, or the button)."""
        if not self.start_button.isEnabled() or self.intake is not None:
            return
        self._open_intake().open_service(self.passport_view.passport.id)

    def resume_application(self, application_id: str) -> None:
        if self.intake is None:
            self._open_intake().resume(application_id)

    def _build_applications_panel(self) -> None:
        from dost_desk.ui.applications_panel import ApplicationsPanel

        if self.applications_panel is None:
            self.applications_panel = ApplicationsPanel()
            self.applications_panel.open_application.connect(self.open_application)
            self.left_tabs.addTab(self.applications_panel, self.tr("&Applications"))
            from dost_desk.ui.notices_panel import NoticesPanel

            self.notices_panel = NoticesPanel()
            self.left_tabs.addTab(self.notices_panel, self.tr("E-sosial &notices"))
        self.applications_panel.refresh(self.desk)
        self.notices_panel.set_desk(self.desk)

    def open_calendar(self) -> None:
        if self.desk is None:
            return
        from dost_desk.ui.calendar_dialog import CalendarDialog

        dialog = CalendarDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_supervisor_list(self):
        if self.desk is None:
            return None
        from dost_desk.ui.supervisor_dialog import SupervisorDialog

        dialog = SupervisorDialog(self.desk, self.open_application, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _catalog(self):
        """The desk's catalog (with passports published centrally), or the bundled one."""
        return self.desk.catalog if self.desk is not None else None

    def _service_tree(self):
        from dost_desk.services.catalog import list_service_tree

        return list_service_tree(self._centre_category, self._catalog())

    def focus_applications(self) -> None:
        if self.applications_panel is not None:
            self.left_tabs.setCurrentWidget(self.applications_panel)
            self.applications_panel.search.setFocus()

    def open_application(self, application_id: str) -> None:
        """Show a stored application: a draft to continue, or its outcome."""
        self.close_intake()
        self.resume_application(application_id)

    def _open_intake(self):
        from dost_desk.ui.intake.intake_view import IntakeView

        self.intake = IntakeView(self.desk)
        self.intake.closed.connect(self.close_intake)
        self.intake.outcome_recorded.connect(self._refresh_applications)
        self.intake.offline_changed.connect(self._offline_changed)
        if self.connection is not None and self.connection.offline:
            self.intake.offline = True  # known away: its first step says so at once
        self.right_stack.addWidget(self.intake)
        self.right_stack.setCurrentWidget(self.intake)
        return self.intake

    def close_intake(self) -> None:
        if self.intake is None:
            return
        self.intake.save_draft()
        preview = getattr(self.intake, "preview", None)
        if preview is not None and shiboken6.isValid(preview):
            preview.release_document()  # closed, not just deleted: QtPdf leaks otherwise
        self.right_stack.removeWidget(self.intake)
        self.intake.deleteLater()
        self.intake = None
        self.right_stack.setCurrentIndex(0)
        self._refresh_applications()
        self.tree.setFocus()

    def _refresh_applications(self, *_args) -> None:
        if self.applications_panel is not None and self.desk is not None:
            from dost_desk.storage.engine import StorageUnavailable

            if self.connection is not None and self.connection.offline:
                return  # refreshed when the server is back (_back_online)
            try:
                self.applications_panel.refresh(self.desk)
            except StorageUnavailable:
                if self.desk.engine.dialect.name == "sqlite":
                    raise
                self._offline_changed(True)  # the server went away: keep trying
                return
            self.notices_panel.refresh()
            if self.sync is not None:
                self._show_sync_state()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About DOST Desk"),
            self.tr("DOST Desk %1 — the counter application of DOST centres.").replace(
                "%1", __version__
            ),
        )
