"""The pages of the intake: start, applicant, representative, documents, fee, outcome.

Pages only lay widgets out; :class:`~dost_desk.ui.intake.intake_view.IntakeView` drives them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dost_desk.models.field_rules import FieldContext
from dost_desk.ui.intake.checklist_model import ChecklistModel
from dost_desk.ui.intake.field_form import FieldForm


def application_form_labels() -> dict[str, str]:
    return {
        "in_person": QCoreApplication.translate("IntakePages", "In person"),
        "representative": QCoreApplication.translate("IntakePages", "Via a representative"),
        "call_centre": QCoreApplication.translate("IntakePages", "Via the call centre"),
        "self_service": QCoreApplication.translate(
            "IntakePages", "Self-service (electronic systems)"
        ),
        "post": QCoreApplication.translate("IntakePages", "By post"),
        "proactive": QCoreApplication.translate("IntakePages", "Proactively"),
    }


def user_type_labels() -> dict[str, str]:
    return {
        "citizen": QCoreApplication.translate("IntakePages", "Citizen of Azerbaijan"),
        "foreigner_permanent_resident": QCoreApplication.translate(
            "IntakePages", "Foreigner with permanent residence"
        ),
        "stateless_permanent_resident": QCoreApplication.translate(
            "IntakePages", "Stateless person with permanent residence"
        ),
        "individual_entrepreneur": QCoreApplication.translate(
            "IntakePages", "Individual entrepreneur"
        ),
        "legal_entity": QCoreApplication.translate("IntakePages", "Legal entity"),
        "family_farm": QCoreApplication.translate("IntakePages", "Family farm"),
    }


def _title(text: str) -> QLabel:
    label = QLabel(f"<h3>{text}</h3>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class StartPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(QCoreApplication.translate("IntakePages", "New application")))
        self.form = QFormLayout()
        self.ticket = QLineEdit(objectName="ticketEdit")
        self.ticket.setPlaceholderText(
            QCoreApplication.translate("IntakePages", "e.g. A-017 (optional)")
        )
        self.ticket.setMaxLength(16)
        caption = QLabel(QCoreApplication.translate("IntakePages", "&Ticket number"))
        caption.setBuddy(self.ticket)
        self.form.addRow(caption, self.ticket)
        self.variant_combos: dict[str, QComboBox] = {}
        self.application_form = QComboBox(objectName="applicationFormCombo")
        self.response_form = QComboBox(objectName="responseFormCombo")
        layout.addLayout(self.form)
        self.message = QLabel(objectName="startMessage")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def build(self, variants, application_forms: list[str], response_forms: list[str]) -> None:
        """Variant combos per dimension, then the forms the passport lists."""
        for dimension in variants:
            combo = QComboBox(objectName=f"variant_{dimension.key}")
            for option in dimension.options:
                combo.addItem(option.label, option.key)
            caption = QLabel(dimension.label + ":")
            caption.setBuddy(combo)
            self.form.addRow(caption, combo)
            self.variant_combos[dimension.key] = combo
        labels = application_form_labels()
        for key in application_forms:
            self.application_form.addItem(labels.get(key, key), key)
        caption = QLabel(QCoreApplication.translate("IntakePages", "&Application form"))
        caption.setBuddy(self.application_form)
        self.form.addRow(caption, self.application_form)
        if response_forms:
            for key in response_forms:
                self.response_form.addItem(labels.get(key, key), key)
            caption = QLabel(QCoreApplication.translate("IntakePages", "&Response form"))
            caption.setBuddy(self.response_form)
            self.form.addRow(caption, self.response_form)
        else:
            self.response_form.hide()

    def variant(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.variant_combos.items()}


def _person_fields(form: FieldForm) -> None:
    form.add_line(
        "fin",
        QCoreApplication.translate("IntakePages", "&FİN"),
        QCoreApplication.translate("IntakePages", "7 characters, e.g. 5ZX8K2P"),
    )
    form.add_combo(
        "id_document_kind",
        QCoreApplication.translate("IntakePages", "Identity &document"),
        [
            ("id_card", QCoreApplication.translate("IntakePages", "Identity card")),
            ("residence_permit", QCoreApplication.translate("IntakePages", "Residence permit")),
            ("passport", QCoreApplication.translate("IntakePages", "Passport")),
        ],
    )
    form.add_line(
        "id_document_number",
        QCoreApplication.translate("IntakePages", "Series and &number"),
        "AA1234567",
    )
    form.add_line("surname", QCoreApplication.translate("IntakePages", "&Surname"))
    form.add_line("name", QCoreApplication.translate("IntakePages", "Na&me"))
    form.add_line("patronymic", QCoreApplication.translate("IntakePages", "&Patronymic"))
    form.add_line(
        "birth_date",
        QCoreApplication.translate("IntakePages", "&Birth date"),
        QCoreApplication.translate("IntakePages", "dd.mm.yyyy"),
    )
    form.add_line("phone", QCoreApplication.translate("IntakePages", "P&hone"), "050 123 45 67")


class ApplicantPage(QWidget):
    def __init__(self, context: Callable[[], FieldContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicantPage")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(QCoreApplication.translate("IntakePages", "Applicant")))
        find_row = QHBoxLayout()
        self.find_edit = QLineEdit(objectName="findApplicantEdit")
        self.find_edit.setPlaceholderText(
            QCoreApplication.translate(
                "IntakePages", "Find an earlier applicant by FİN, VÖEN or name"
            )
        )
        self.find_button = QPushButton(
            QCoreApplication.translate("IntakePages", "F&ind"), objectName="findApplicantButton"
        )
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_button)
        layout.addLayout(find_row)
        self.found = QComboBox(objectName="foundApplicants")
        self.found.hide()
        layout.addWidget(self.found)
        self.form = FieldForm(context)
        self.form.add_combo("kind", QCoreApplication.translate("IntakePages", "&Who applies"), [])
        self.form.add_combo(
            "user_type", QCoreApplication.translate("IntakePages", "&User type"), []
        )
        _person_fields(self.form)
        self.form.add_line(
            "voen",
            QCoreApplication.translate("IntakePages", "&VÖEN"),
            QCoreApplication.translate("IntakePages", "10 digits"),
        )
        self.form.add_line(
            "organisation_name", QCoreApplication.translate("IntakePages", "&Organisation")
        )
        self.form.add_line("email", QCoreApplication.translate("IntakePages", "&E-mail"))
        self.form.add_line("address", QCoreApplication.translate("IntakePages", "A&ddress"))
        layout.addWidget(self.form)
        layout.addStretch(1)

    def set_kinds(self, kinds: list[tuple[str, str]]) -> None:
        combo = self.form.combos["kind"]
        combo.clear()
        for key, text in kinds:
            combo.addItem(text, key)

    def set_user_types(self, keys: list[str]) -> None:
        combo = self.form.combos["user_type"]
        labels = user_type_labels()
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key in keys:
            combo.addItem(labels.get(key, key), key)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def show_kind(self, person: bool) -> None:
        for name in (
            "fin",
            "id_document_kind",
            "id_document_number",
            "surname",
            "name",
            "patronymic",
            "birth_date",
        ):
            self.form.set_row_visible(name, person)
        for name in ("voen", "organisation_name"):
            self.form.set_row_visible(name, not person)


class RepresentativePage(QWidget):
    def __init__(self, context: Callable[[], FieldContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("representativePage")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _title(
                QCoreApplication.translate("IntakePages", "Representative and authority document")
            )
        )
        self.form = FieldForm(context)
        _person_fields(self.form)
        self.form.add_combo(
            "authority_kind",
            QCoreApplication.translate("IntakePages", "&Authority document"),
            [
                (
                    "power_of_attorney",
                    QCoreApplication.translate("IntakePages", "Power of attorney"),
                ),
                ("guardianship", QCoreApplication.translate("IntakePages", "Guardianship")),
            ],
        )
        self.form.add_line(
            "authority_number", QCoreApplication.translate("IntakePages", "Document n&umber")
        )
        self.form.add_line(
            "authority_date",
            QCoreApplication.translate("IntakePages", "Document da&te"),
            QCoreApplication.translate("IntakePages", "dd.mm.yyyy"),
        )
        self.form.add_line(
            "authority_issuer", QCoreApplication.translate("IntakePages", "Issued by (n&otary)")
        )
        layout.addWidget(self.form)
        layout.addStretch(1)


class DocumentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(QCoreApplication.translate("IntakePages", "Documents")))
        self.model = ChecklistModel(self)
        self.table = QTableView(objectName="checklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.keys_help = QLabel(
            QCoreApplication.translate(
                "IntakePages",
                "Space: submitted / not · 1 original · 2 copy · 3 notarised copy · "
                "4 electronic copy · 5 obtained electronically · 0 not submitted",
            )
        )
        self.keys_help.setWordWrap(True)
        layout.addWidget(self.keys_help)
        self.completeness = QLabel(objectName="completenessLabel")
        layout.addWidget(self.completeness)


class FeePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feePage")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(QCoreApplication.translate("IntakePages", "Fee")))
        self.form = FieldForm()
        self.form.add_line(
            "amount", QCoreApplication.translate("IntakePages", "&Amount (AZN)"), "5.00"
        )
        self.form.add_line("method", QCoreApplication.translate("IntakePages", "Payment &method"))
        self.form.add_line(
            "reference", QCoreApplication.translate("IntakePages", "Payment &reference")
        )
        layout.addWidget(self.form)
        layout.addStretch(1)


def document_kind_labels() -> dict[str, str]:
    return {
        "receipt": QCoreApplication.translate("IntakePages", "Receipt"),
        "certificate": QCoreApplication.translate("IntakePages", "Certificate"),
        "refusal": QCoreApplication.translate("IntakePages", "Refusal decision"),
        "payment-decision": QCoreApplication.translate("IntakePages", "Payment decision"),
    }


class OutcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomePage")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(QCoreApplication.translate("IntakePages", "Outcome")))
        self.summary = QLabel(objectName="outcomeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.accept_button = QPushButton(
            QCoreApplication.translate("IntakePages", "&Accept (Ctrl+Enter)"),
            objectName="acceptButton",
        )
        layout.addWidget(self.accept_button)
        self.refusal = QGroupBox(
            QCoreApplication.translate("IntakePages", "Refusal"), objectName="refusalGroup"
        )
        refusal_layout = QVBoxLayout(self.refusal)
        self.grounds: dict[str, QCheckBox] = {}
        self.grounds_box = QVBoxLayout()
        refusal_layout.addLayout(self.grounds_box)
        self.legal_basis = QComboBox(objectName="legalBasisCombo")
        refusal_layout.addWidget(self.legal_basis)
        self.reason = QLineEdit(objectName="refusalReason")
        self.reason.setPlaceholderText(
            QCoreApplication.translate("IntakePages", "Reason (free text)")
        )
        refusal_layout.addWidget(self.reason)
        self.refusal_error = QLabel(objectName="refusalError")
        self.refusal_error.setStyleSheet("color: #b3261e;")
        refusal_layout.addWidget(self.refusal_error)
        self.refuse_button = QPushButton(
            QCoreApplication.translate("IntakePages", "&Refuse"), objectName="refuseButton"
        )
        refusal_layout.addWidget(self.refuse_button)
        layout.addWidget(self.refusal)
        self.result = QLabel(objectName="outcomeResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.result)
        self.status_box = QGroupBox(
            QCoreApplication.translate("IntakePages", "Follow-up"), objectName="statusGroup"
        )
        status_layout = QHBoxLayout(self.status_box)
        self.status_buttons: dict[str, QPushButton] = {}
        for status, label in (
            ("ordered", QCoreApplication.translate("IntakePages", "&Ordered from the back office")),
            ("ready", QCoreApplication.translate("IntakePages", "Rea&dy")),
            ("handed_over", QCoreApplication.translate("IntakePages", "&Handed over")),
            ("cancelled", QCoreApplication.translate("IntakePages", "&Cancel…")),
        ):
            button = QPushButton(label, objectName=f"status_{status}")
            status_layout.addWidget(button)
            self.status_buttons[status] = button
        self.status_box.hide()
        layout.addWidget(self.status_box)
        self.print_box = QGroupBox(
            QCoreApplication.translate("IntakePages", "Documents to print"), objectName="printGroup"
        )
        self.print_row = QHBoxLayout(self.print_box)
        self.print_buttons: dict[str, QPushButton] = {}
        self.print_box.hide()
        layout.addWidget(self.print_box)
        self.new_button = QPushButton(
            QCoreApplication.translate("IntakePages", "&New application"),
            objectName="newApplicationButton",
        )
        self.new_button.hide()
        layout.addWidget(self.new_button)
        layout.addStretch(1)

    def set_grounds(self, grounds: list[tuple[str, str]], legal_bases: list[str]) -> None:
        for key, text in grounds:
            box = QCheckBox(text, objectName=f"ground_{key}")
            self.grounds_box.addWidget(box)
            self.grounds[key] = box
        self.legal_basis.addItem(
            QCoreApplication.translate("IntakePages", "Legal basis: as in the passport"), None
        )
        for basis in legal_bases:
            self.legal_basis.addItem(basis if len(basis) < 90 else basis[:87] + "…", basis)
