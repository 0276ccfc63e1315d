"""Pull and conflicts of offline sync (``dost_desk/models/sync_tables.py``), and the
change tracking of the central database.

Everywhere: ``outbox.application_id``; the outbox payloads move to ``outbox_payloads``
(acknowledging a pushed entry then rewrites a narrow row, not its payload); the tables
``sync_conflicts``, ``synced_versions``, ``sync_facts`` and ``reference_values``
(reference data set centrally, e.g. ID patterns);
an index for the newest applications of a centre (the list the app opens with).

On PostgreSQL only (the central database, and networked desks sharing it): every table a
desk pulls gets ``change_xid`` (``xid8``), set by a trigger to the writing transaction's
ID on every insert and update, and deletions of pulled reference rows leave a tombstone in
``sync_deletions``. Transaction IDs are the server's own change sequence: a desk's pull
cursor is a snapshot (``pg_current_snapshot()``), and the rows changed since are exactly
those whose transaction is not visible in it — unlike a plain sequence, this never skips
a row whose transaction committed after a later one (see :mod:`dost_desk.sync.pull`).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 00:00:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables whose changes desks pull (the trigger sets their change_xid).
TRACKED_TABLES = (
    "passports",
    "holiday_overrides",
    "reference_values",
    "applications",
    "back_office_orders",
)
#: The tables whose deletions desks pull (and their key column).
TOMBSTONED_TABLES = {"holiday_overrides": "day", "passports": "id", "reference_values": "key"}


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "outbox_payloads",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["outbox.id"],
            name=op.f("fk_outbox_payloads_entry_id_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_outbox_payloads")),
    )
    op.execute("INSERT INTO outbox_payloads (entry_id, payload) SELECT id, payload FROM outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("application_id", sa.String(length=36), nullable=True))
        batch.drop_column("payload")
    # Not on pushed_at too: acknowledging a push would then move an index entry per row.
    op.create_index("ix_outbox_application_id", "outbox", ["application_id"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("registration_number", sa.String(length=32), nullable=True),
        sa.Column("local", _json(), nullable=False),
        sa.Column("central", _json(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=8), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "resolution IN ('local', 'central')", name=op.f("ck_sync_conflicts_resolution")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(
        "ix_sync_conflicts_application_id_resolved_at",
        "sync_conflicts",
        ["application_id", "resolved_at"],
    )
    op.create_table(
        "synced_versions",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_synced_versions")),
    )
    op.create_table(
        "sync_facts",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_facts")),
    )
    op.create_index(
        "ix_applications_centre_code_started_at", "applications", ["centre_code", "started_at"]
    )
    op.create_table(
        "reference_values",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", _json(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_reference_values")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _track_changes()


def _track_changes() -> None:
    op.execute(
        """
        CREATE FUNCTION dost_track_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.change_xid := pg_current_xact_id();
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION dost_track_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO sync_deletions (table_name, row_key)
            VALUES (TG_TABLE_NAME, to_jsonb(OLD) ->> TG_ARGV[0]);
            RETURN OLD;
        END $$
        """
    )
    op.execute(
        """
        CREATE TABLE sync_deletions (
            id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_sync_deletions PRIMARY KEY,
            table_name varchar(64) NOT NULL,
            row_key text NOT NULL,
            change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
        )
        """
    )
    for table in TRACKED_TABLES:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()"
        )
        op.create_index(f"ix_{table}_change_xid", table, ["change_xid"])
        op.execute(
            f"CREATE TRIGGER dost_track_change BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION dost_track_change()"
        )
    op.create_index("ix_sync_deletions_change_xid", "sync_deletions", ["change_xid"])
    for table, key in TOMBSTONED_TABLES.items():
        op.execute(
            f"CREATE TRIGGER dost_track_deletion AFTER DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION dost_track_deletion('{key}')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TOMBSTONED_TABLES:
            op.execute(f"DROP TRIGGER dost_track_deletion ON {table}")
        for table in TRACKED_TABLES:
            op.execute(f"DROP TRIGGER dost_track_change ON {table}")
            op.drop_index(f"ix_{table}_change_xid", table_name=table)
            op.execute(f"ALTER TABLE {table} DROP COLUMN change_xid")
        op.drop_table("sync_deletions")
        op.execute("DROP FUNCTION dost_track_deletion()")
        op.execute("DROP FUNCTION dost_track_change()")
    op.drop_table("reference_values")
    op.drop_index("ix_applications_centre_code_started_at", table_name="applications")
    op.drop_table("sync_facts")
    op.drop_table("synced_versions")
    op.drop_index("ix_sync_conflicts_application_id_resolved_at", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("ix_outbox_application_id", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("application_id")
        batch.add_column(sa.Column("payload", _json(), nullable=True))
    op.execute(
        "UPDATE outbox SET payload = (SELECT payload FROM outbox_payloads "
        "WHERE entry_id = outbox.id)"
    )
    op.drop_table("outbox_payloads")
