"""Translated labels of the application statuses (shared by the list and the intake) and
of their sync states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "submitted": QCoreApplication.translate("Status", "Submitted"),
        "ordered": QCoreApplication.translate("Status", "Ordered"),
        "ready": QCoreApplication.translate("Status", "Ready"),
        "handed_over": QCoreApplication.translate("Status", "Handed over"),
        "refused": QCoreApplication.translate("Status", "Refused"),
        "cancelled": QCoreApplication.translate("Status", "Cancelled"),
    }
    return labels.get(status, status)


def sync_state_label(state: str) -> str:
    labels = {
        "local": QCoreApplication.translate("SyncState", "Here only"),
        "syncing": QCoreApplication.translate("SyncState", "Syncing…"),
        "synced": QCoreApplication.translate("SyncState", "Synced"),
        "conflict": QCoreApplication.translate("SyncState", "Conflict"),
    }
    return labels.get(state, state)
