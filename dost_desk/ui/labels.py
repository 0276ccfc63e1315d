"""Translated labels of the application statuses, shared by the list and the intake."""

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
