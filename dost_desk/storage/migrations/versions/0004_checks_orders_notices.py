"""What follows the intake: check results, offline reference tables, back-office orders,
E-sosial notices and the supervisor's list (``dost_desk/models/followup_tables.py``).

Only new tables: nothing existing is altered, so no batch (copy-and-move) step is
needed on SQLite; every constraint is named.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 00:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json(*, none_as_null: bool = False) -> sa.types.TypeEngine[object]:
    return sa.JSON(none_as_null=none_as_null).with_variant(
        postgresql.JSONB(none_as_null=none_as_null), "postgresql"
    )


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _application_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["application_id"],
        ["applications.id"],
        name=op.f(f"fk_{table}_application_id_applications"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "check_results",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("system", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=128), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("raw", _json(none_as_null=True), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", _timestamp(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("deferred", sa.Boolean(), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "provider IN ('manual', 'reference', 'http')",
            name=op.f("ck_check_results_provider"),
        ),
        sa.CheckConstraint(
            "result IN ('confirmed', 'not_confirmed', 'unavailable', 'deferred')",
            name=op.f("ck_check_results_result"),
        ),
        _application_fk("check_results"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_results")),
    )
    op.create_index(
        "ix_check_results_application_id_step", "check_results", ["application_id", "step"]
    )
    op.create_index(
        "ix_check_results_deferred_superseded", "check_results", ["deferred", "superseded"]
    )

    op.create_table(
        "reference_rows",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("system", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("value", _json(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("imported_at", _timestamp(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_rows")),
        sa.UniqueConstraint("system", "key", name=op.f("uq_reference_rows_system_key")),
    )

    op.create_table(
        "back_office_orders",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("back_office", sa.String(length=2), nullable=False),
        sa.Column("due_at", _timestamp(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("done_at", _timestamp(), nullable=True),
        sa.Column("reference", sa.String(length=128), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'done', 'cancelled')",
            name=op.f("ck_back_office_orders_status"),
        ),
        _application_fk("back_office_orders"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_back_office_orders")),
        sa.UniqueConstraint("application_id", name=op.f("uq_back_office_orders_application_id")),
    )
    op.create_index(
        "ix_back_office_orders_back_office_status",
        "back_office_orders",
        ["back_office", "status"],
    )

    op.create_table(
        "notices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("posted_at", _timestamp(), nullable=True),
        sa.Column("posted_by", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("response", _json(none_as_null=True), nullable=True),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.CheckConstraint("kind IN ('e_sosial')", name=op.f("ck_notices_kind")),
        sa.CheckConstraint("status IN ('pending', 'posted')", name=op.f("ck_notices_status")),
        _application_fk("notices"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("application_id", "kind", name=op.f("uq_notices_application_id_kind")),
    )
    op.create_index("ix_notices_status_due", "notices", ["status", "due"])

    op.create_table(
        "supervisor_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("resolved_at", _timestamp(), nullable=True),
        _application_fk("supervisor_items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_items")),
    )
    op.create_index(
        op.f("ix_supervisor_items_application_id"), "supervisor_items", ["application_id"]
    )
    op.create_index("ix_supervisor_items_resolved_at", "supervisor_items", ["resolved_at"])


def downgrade() -> None:
    op.drop_index("ix_supervisor_items_resolved_at", table_name="supervisor_items")
    op.drop_index(op.f("ix_supervisor_items_application_id"), table_name="supervisor_items")
    op.drop_table("supervisor_items")
    op.drop_index("ix_notices_status_due", table_name="notices")
    op.drop_table("notices")
    op.drop_index("ix_back_office_orders_back_office_status", table_name="back_office_orders")
    op.drop_table("back_office_orders")
    op.drop_table("reference_rows")
    op.drop_index("ix_check_results_deferred_superseded", table_name="check_results")
    op.drop_index("ix_check_results_application_id_step", table_name="check_results")
    op.drop_table("check_results")
