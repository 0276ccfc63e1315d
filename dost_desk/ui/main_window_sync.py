"""The main window's part in the sync of a local desk (background sync, "Sync now", the
status bar, the conflicts dialog) and in the connection of a networked desk (work kept
on this computer while the server is away). A mixin of :class:`MainWindow`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer


class SyncWindowMixin:
    """Needs the window's ``desk``, ``intake``, ``applications_panel``, ``sync_label``,
    ``connection_label``, ``sync_action``, ``tree_model``, ``search_box`` and its
    ``_refresh_applications``, ``_apply_search``, ``_service_tree``, ``open_application``."""

    # -- sync with the central database (a local desk) --------------------------------------
    def _start_sync(self) -> None:
        from dost_desk.ui.sync_controller import SyncController, first_sync_delay_ms

        self.sync = SyncController(self.desk, self)
        self.sync.started.connect(self._sync_started)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)
        self.sync.progress.connect(self._sync_progress)
        self.sync_action.setEnabled(self.sync.available)
        self._show_sync_state()
        if self.sync.available:
            QTimer.singleShot(first_sync_delay_ms(), self, self.sync.sync_now)

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def _sync_started(self) -> None:
        self.sync_label.setText(QCoreApplication.translate("MainWindow", "Syncing…"))
        if self.applications_panel is not None:
            self.applications_panel.refresh_sync_states(self.desk, syncing=True)

    def _sync_progress(self, done: int, total: int) -> None:
        self.sync_label.setText(
            QCoreApplication.translate("MainWindow", "Syncing… %1 of %2 changes sent")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _sync_finished(self, summary) -> None:
        if summary.pull.passports:
            from dost_desk.services.catalog import effective_catalog, open_catalog

            self.desk.catalog = effective_catalog(self.desk.engine, open_catalog())
            self.tree_model.set_tree(self._service_tree())
            self._apply_search(self.search_box.text())
        self._refresh_applications()
        self._show_sync_state()

    def _sync_failed(self, message: str) -> None:
        self._show_sync_state(failure=message)
        if self.applications_panel is not None:
            self.applications_panel.refresh_sync_states(self.desk)

    def _show_sync_state(self, failure: str | None = None) -> None:
        from dost_desk.ui.sync_controller import describe_sync_state

        text, tooltip = describe_sync_state(self.desk, failure)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tooltip)

    # -- a networked desk that loses the server --------------------------------------------
    def _watch_connection(self) -> None:
        from dost_desk.services.local_drafts import pending_local_drafts
        from dost_desk.ui.connection import ConnectionMonitor

        self.connection = ConnectionMonitor(self.desk, self)
        self.connection.online.connect(self._back_online)
        self.connection.still_offline.connect(self._still_offline)
        if pending_local_drafts(self.desk.settings):  # left by an earlier run
            self._offline_changed(True)
            self.connection.try_now()

    def wait_for_server(self) -> None:
        """A networked desk whose server did not answer at start-up: say so, keep trying
        in the background, open the workspace (and the kept drafts) once it answers."""
        from dost_desk.services.workspace import reopen_workspace
        from dost_desk.ui.connection import ConnectionMonitor

        self.connection = ConnectionMonitor(None, self, attempt=reopen_workspace)
        self.connection.online.connect(self._server_answered)
        self.connection.still_offline.connect(self._still_offline)
        self.connection_label.setText(
            QCoreApplication.translate("MainWindow", "Server unreachable — trying again…")
        )
        self._still_offline("")
        self.connection.start()

    def _server_answered(self, info) -> None:
        waiting, self.connection = self.connection, None
        waiting.stop()
        waiting.deleteLater()
        self.connection_label.clear()
        self.connection_label.setToolTip("")
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Connection restored."), 15000
        )
        self.set_workspace(info)  # the regular monitor, the sync and the kept drafts

    def _offline_changed(self, offline: bool) -> None:
        if offline:
            self.connection_label.setText(
                QCoreApplication.translate("MainWindow", "Offline — saved locally")
            )
            self._still_offline("")
            self.connection.start()
        else:
            self.connection_label.clear()

    def _still_offline(self, reason: str) -> None:
        tooltip = QCoreApplication.translate(
            "MainWindow",
            "The server cannot be reached. Drafts are kept on this computer and "
            "written to the server as soon as it answers.",
        )
        self.connection_label.setToolTip(f"{tooltip}\n{reason}" if reason else tooltip)

    def _back_online(self, summary) -> None:
        from dost_desk.services.local_drafts import pending_local_drafts

        self.connection_label.clear()
        self.connection_label.setToolTip("")
        # Counts in plain names: pyside6-lupdate drops a translate() whose count is a call.
        written, dropped = len(summary.written), summary.dropped_ticks
        if written:
            text = QCoreApplication.translate(
                "MainWindow", "Connection restored: %n draft(s) written to the server.", "", written
            )
        else:
            text = QCoreApplication.translate("MainWindow", "Connection restored.")
        if dropped:
            text += " " + QCoreApplication.translate(
                "MainWindow",
                "%n document tick(s) not recorded: the application was decided meanwhile.",
                "",
                dropped,
            )
        if summary.set_aside:
            text += " " + QCoreApplication.translate(
                "MainWindow", "Unreadable kept drafts were moved to %1."
            ).replace("%1", str(summary.set_aside[0].parent))
        self.statusBar().showMessage(text, 15000)
        if self.intake is not None:
            self.intake.back_online()
        self._refresh_applications()
        if pending_local_drafts(self.desk.settings):  # kept while the others went up
            self.connection.try_now()

    def open_sync_dialog(self):
        if self.desk is None:
            return None
        from dost_desk.ui.sync_dialog import SyncDialog

        dialog = SyncDialog(self.desk, self.open_application, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda *_: self._refresh_applications())
        dialog.open()
        return dialog
