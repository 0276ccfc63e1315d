"""Translated messages for the field problems the domain and services report by code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dost_desk.models.identity import FieldProblem


def _messages() -> dict[str, str]:
    # Built on each call so the current translator applies; lupdate reads the literals.
    return {
        "fin.required": QCoreApplication.translate("Problems", "Enter the FİN."),
        "fin.length": QCoreApplication.translate("Problems", "The FİN has 7 characters."),
        "fin.characters": QCoreApplication.translate(
            "Problems", "The FİN has only digits and Latin capitals, without I and O."
        ),
        "fin.same_as_applicant": QCoreApplication.translate(
            "Problems", "The representative cannot be the applicant."
        ),
        "fin.same_as_representative": QCoreApplication.translate(
            "Problems", "The applicant cannot be their own representative."
        ),
        "voen.required": QCoreApplication.translate("Problems", "Enter the VÖEN."),
        "voen.format": QCoreApplication.translate("Problems", "The VÖEN has 10 digits."),
        "phone.required": QCoreApplication.translate("Problems", "Enter the phone number."),
        "phone.format": QCoreApplication.translate(
            "Problems", "Phone: +994 and 9 digits, e.g. 050 123 45 67."
        ),
        "email.required": QCoreApplication.translate("Problems", "Enter the e-mail address."),
        "email.too_long": QCoreApplication.translate("Problems", "The e-mail address is too long."),
        "email.format": QCoreApplication.translate("Problems", "This is not an e-mail address."),
        "name.required": QCoreApplication.translate("Problems", "This name is required."),
        "name.too_long": QCoreApplication.translate("Problems", "The name is too long."),
        "name.characters": QCoreApplication.translate(
            "Problems", "A name has only letters, spaces, hyphens and apostrophes."
        ),
        "text.required": QCoreApplication.translate("Problems", "This field is required."),
        "text.too_long": QCoreApplication.translate("Problems", "The text is too long."),
        "id_document.kind": QCoreApplication.translate(
            "Problems", "Choose the identity document type."
        ),
        "id_document.required": QCoreApplication.translate(
            "Problems", "Enter the document series and number."
        ),
        "id_document.format": QCoreApplication.translate(
            "Problems", "The number does not match a format accepted for this document type."
        ),
        # Per document type ("code:kind"); the examples are the built-in formats.
        "id_document.format:id_card": QCoreApplication.translate(
            "Problems", "Series and number: AA1234567 or AZE12345678."
        ),
        "id_document.format:residence_permit": QCoreApplication.translate(
            "Problems", "Not a residence permit number accepted here (e.g. MYI1234567)."
        ),
        "id_document.format:passport": QCoreApplication.translate(
            "Problems", "Passport number: one or two Latin letters and 6 to 8 digits."
        ),
        "date.required": QCoreApplication.translate("Problems", "Enter the date."),
        "date.format": QCoreApplication.translate("Problems", "Date as dd.mm.yyyy."),
        "date.invalid": QCoreApplication.translate("Problems", "This date does not exist."),
        "date.future": QCoreApplication.translate("Problems", "The date cannot be in the future."),
        "date.too_old": QCoreApplication.translate("Problems", "The date is too far in the past."),
        "date.after_application": QCoreApplication.translate(
            "Problems", "The document is dated after the application."
        ),
        "variant.required": QCoreApplication.translate("Problems", "Choose a value."),
        "variant.unknown": QCoreApplication.translate(
            "Problems", "This variant is not in the passport."
        ),
        "application_form.not_allowed": QCoreApplication.translate(
            "Problems", "The passport does not list this application form."
        ),
        "response_form.not_allowed": QCoreApplication.translate(
            "Problems", "The passport does not list this response form."
        ),
        "ticket.format": QCoreApplication.translate(
            "Problems", "Ticket: up to 16 letters, digits and dashes."
        ),
        "authority.kind": QCoreApplication.translate(
            "Problems", "Choose the authority document type."
        ),
        "user_type.not_eligible": QCoreApplication.translate(
            "Problems", "The service is not for this user type."
        ),
        "user_type.kind": QCoreApplication.translate(
            "Problems", "The user type does not match the applicant."
        ),
        "applicant.kind": QCoreApplication.translate("Problems", "Choose who applies."),
        "refusal.no_ground": QCoreApplication.translate(
            "Problems", "Choose at least one refusal ground."
        ),
        "refusal.unknown_ground": QCoreApplication.translate(
            "Problems", "This ground is not in the passport."
        ),
        "refusal.legal_basis": QCoreApplication.translate(
            "Problems", "Choose one of the passport's legal bases."
        ),
        "fee.amount": QCoreApplication.translate("Problems", "Enter the amount paid, e.g. 5.00."),
        "documents.form": QCoreApplication.translate(
            "Problems", "The passport does not allow this form for the document."
        ),
        "accept.applicant": QCoreApplication.translate("Problems", "The applicant is not entered."),
        "accept.representative": QCoreApplication.translate(
            "Problems", "The representative is not entered."
        ),
        "accept.documents": QCoreApplication.translate("Problems", "Documents missing: %1"),
        "calendar.year": QCoreApplication.translate(
            "Problems", "The calendar covers the years 2000 to 2100."
        ),
        "calendar.kind": QCoreApplication.translate(
            "Problems", "Choose a day off or a working day."
        ),
        "accept.fee": QCoreApplication.translate("Problems", "The fee payment is not recorded."),
    }


def problem_text(problem: FieldProblem) -> str:
    """The message to show at the field, in the UI language (the English text if unknown)."""
    messages = _messages()
    text = messages.get(f"{problem.code}:{problem.params.get('kind')}") or messages.get(
        problem.code, problem.message
    )
    for value in problem.params.values():
        text = text.replace("%1", value, 1)
    return text
