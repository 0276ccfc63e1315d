"""The intake workflow: applicants, applications, representatives, the documents
checklist, the status history and the per-centre registration number sequences.

Only new tables: nothing existing is altered, so no batch (copy-and-move) step is
needed on SQLite, and every constraint is named for the batch migrations to come.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-15 00:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json(*, none_as_null: bool = False) -> sa.types.TypeEngine[object]:
    return sa.JSON(none_as_null=none_as_null).with_variant(
        postgresql.JSONB(none_as_null=none_as_null), "postgresql"
    )


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "applicants",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("fin", sa.String(length=7), nullable=True),
        sa.Column("voen", sa.String(length=10), nullable=True),
        sa.Column("surname", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("patronymic", sa.Text(), nullable=True),
        sa.Column("organisation_name", sa.Text(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_document_kind", sa.String(length=24), nullable=True),
        sa.Column("id_document_number", sa.String(length=32), nullable=True),
        sa.Column("user_type", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=16), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'legal_entity', 'individual_entrepreneur', 'family_farm')",
            name=op.f("ck_applicants_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applicants")),
    )
    op.create_index(op.f("ix_applicants_fin"), "applicants", ["fin"])
    op.create_index(op.f("ix_applicants_voen"), "applicants", ["voen"])
    op.create_index(op.f("ix_applicants_search_key"), "applicants", ["search_key"])

    op.create_table(
        "applications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("registration_number", sa.String(length=32), nullable=True),
        sa.Column("centre_code", sa.String(length=8), nullable=False),
        sa.Column("passport_id", sa.String(length=11), nullable=False),
        sa.Column("passport_hash", sa.String(length=64), nullable=False),
        sa.Column("ticket_number", sa.String(length=16), nullable=True),
        sa.Column("variant", _json(), nullable=False),
        sa.Column("application_form", sa.String(length=24), nullable=False),
        sa.Column("response_form", sa.String(length=24), nullable=True),
        sa.Column("applicant_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("agent", sa.String(length=64), nullable=False),
        sa.Column("started_at", _timestamp(), nullable=False),
        sa.Column("submitted_at", _timestamp(), nullable=True),
        sa.Column("outcome_at", _timestamp(), nullable=True),
        sa.Column("service_seconds", sa.Integer(), nullable=True),
        sa.Column("deadline_front", _timestamp(), nullable=True),
        sa.Column("deadline_back", _timestamp(), nullable=True),
        sa.Column("deadline_total", _timestamp(), nullable=True),
        sa.Column("notice_due", sa.Date(), nullable=True),
        sa.Column("fee", _json(none_as_null=True), nullable=True),
        sa.Column("refusal", _json(none_as_null=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("draft", _json(), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'ordered', 'ready', 'handed_over', "
            "'refused', 'cancelled')",
            name=op.f("ck_applications_status"),
        ),
        sa.ForeignKeyConstraint(
            ["passport_id"],
            ["passports.id"],
            name=op.f("fk_applications_passport_id_passports"),
        ),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["applicants.id"],
            name=op.f("fk_applications_applicant_id_applicants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint(
            "registration_number", name=op.f("uq_applications_registration_number")
        ),
    )
    op.create_index(op.f("ix_applications_status"), "applications", ["status"])
    op.create_index(op.f("ix_applications_applicant_id"), "applications", ["applicant_id"])
    op.create_index(op.f("ix_applications_deadline_total"), "applications", ["deadline_total"])
    op.create_index("ix_applications_centre_code_status", "applications", ["centre_code", "status"])

    op.create_table(
        "representatives",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("fin", sa.String(length=7), nullable=True),
        sa.Column("surname", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("patronymic", sa.Text(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_document_kind", sa.String(length=24), nullable=False),
        sa.Column("id_document_number", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=True),
        sa.Column("authority_kind", sa.String(length=24), nullable=False),
        sa.Column("authority_number", sa.String(length=64), nullable=False),
        sa.Column("authority_date", sa.Date(), nullable=False),
        sa.Column("authority_issuer", sa.Text(), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.CheckConstraint(
            "authority_kind IN ('power_of_attorney', 'guardianship')",
            name=op.f("ck_representatives_authority_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_representatives_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_representatives")),
        sa.UniqueConstraint("application_id", name=op.f("uq_representatives_application_id")),
    )

    op.create_table(
        "application_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("submission", sa.String(length=24), nullable=False),
        sa.Column("electronic_source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.CheckConstraint(
            "submission IN ('original', 'copy', 'notarised_copy', 'electronic_copy', "
            "'electronic_source', 'not_submitted')",
            name=op.f("ck_application_documents_submission"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_documents_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_documents")),
        sa.UniqueConstraint(
            "application_id", "name", name=op.f("uq_application_documents_application_id_name")
        ),
    )

    op.create_table(
        "status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", _timestamp(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_status_history_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_history")),
        sa.UniqueConstraint("uuid", name=op.f("uq_status_history_uuid")),
    )
    op.create_index(
        "ix_status_history_application_id_at", "status_history", ["application_id", "at"]
    )

    op.create_table(
        "registration_sequences",
        sa.Column("centre_code", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("centre_code", "year", name=op.f("pk_registration_sequences")),
    )


def downgrade() -> None:
    op.drop_table("registration_sequences")
    op.drop_index("ix_status_history_application_id_at", table_name="status_history")
    op.drop_table("status_history")
    op.drop_table("application_documents")
    op.drop_table("representatives")
    op.drop_index("ix_applications_centre_code_status", table_name="applications")
    op.drop_index(op.f("ix_applications_deadline_total"), table_name="applications")
    op.drop_index(op.f("ix_applications_applicant_id"), table_name="applications")
    op.drop_index(op.f("ix_applications_status"), table_name="applications")
    op.drop_table("applications")
    op.drop_index(op.f("ix_applicants_search_key"), table_name="applicants")
    op.drop_index(op.f("ix_applicants_voen"), table_name="applicants")
    op.drop_index(op.f("ix_applicants_fin"), table_name="applicants")
    op.drop_table("applicants")
