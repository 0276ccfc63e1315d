"""The archive of printed documents: every printout of an application's receipt,
certificate or decision, with the content to rebuild it and its hashes.

Only a new table: nothing existing is altered, so no batch step is needed on SQLite.

Revision ID: 0003
Revises: 0002
Create Date: 2026-09-14 00:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "printed_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("profile", sa.String(length=24), nullable=False),
        sa.Column("copy_number", sa.Integer(), nullable=False),
        sa.Column("duplicate", sa.Boolean(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "context",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            nullable=False,
        ),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("copy_number >= 1", name=op.f("ck_printed_documents_copy_number")),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_printed_documents_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_documents")),
    )
    op.create_index(
        op.f("ix_printed_documents_content_hash"), "printed_documents", ["content_hash"]
    )
    op.create_index(
        "ix_printed_documents_application_id_kind",
        "printed_documents",
        ["application_id", "kind"],
    )


def downgrade() -> None:
    op.drop_index("ix_printed_documents_application_id_kind", table_name="printed_documents")
    op.drop_index(op.f("ix_printed_documents_content_hash"), table_name="printed_documents")
    op.drop_table("printed_documents")
