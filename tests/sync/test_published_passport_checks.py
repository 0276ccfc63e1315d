"""A passport published centrally is checked again by each desk that pulls it (real PostgreSQL).

``catalog publish`` validates first; a bad passport that reaches the central database
another way (an older version, a hand edit) is refused at the pull, reported in the sync
summary and kept out, and the desk keeps the version it had.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, insert, select, update

from dost_desk.cli import main
from dost_desk.models.tables import Passport as PassportRow
from dost_desk.resources import resource_path
from dost_desk.services.desk import open_desk
from dost_desk.services.sync import sync_with_upstream
from dost_desk.storage.passport_store import PUBLISHED_PREFIX

pytestmark = pytest.mark.postgres

CERTIFICATE = "01-08-02-00"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "passports"
    shutil.copytree(resource_path("passports"), folder)
    return folder


def _edit(folder: Path, change) -> None:
    path = folder / f"{CERTIFICATE}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _huge_duration(data: dict) -> None:
    data["durations"]["total"]["value"] = 999999999


def _published(upstream) -> dict[str, str]:
    with upstream.connect() as connection:
        found = connection.execute(
            select(PassportRow.id, PassportRow.name).where(
                PassportRow.source_file.startswith(PUBLISHED_PREFIX)
            )
        )
        return dict(found.all())


def test_publish_refuses_a_huge_duration(folder, upstream_url, upstream, capsys):
    _edit(folder, _huge_duration)
    assert main(["catalog", "publish", str(folder), "--url", upstream_url]) == 1
    err = capsys.readouterr().err
    assert f"not published: {CERTIFICATE}.yaml:durations.total: " in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _published(upstream) == {}


def test_publish_refuses_an_alias_bomb(folder, upstream_url, upstream, capsys):
    path = folder / f"{CERTIFICATE}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = "{name: Şəxsiyyət vəsiqəsi., allowed_forms: [original]}"
    data.pop("document_groups")
    bomb = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    bomb += f"document_groups:\n  - documents: &docs [&doc {document}{', *doc' * 99}]\n"
    bomb += "  - {documents: *docs}\n" * 99  # 10,000 documents from 4 KB
    path.write_text(bomb, encoding="utf-8")
    assert main(["catalog", "publish", str(folder), "--url", upstream_url]) == 1
    assert "anchors and aliases are not allowed" in capsys.readouterr().err
    assert _published(upstream) == {}


def test_a_bad_passport_in_the_central_database_is_refused_at_the_pull(
    desk, desk_url, folder, upstream_url, upstream, capsys
):
    renamed = "Sosial sığorta şəhadətnaməsi (yeni redaksiya)"
    _edit(folder, lambda data: data.update(name=renamed))
    assert main(["catalog", "publish", str(folder), "--url", upstream_url]) == 0
    capsys.readouterr()
    assert CERTIFICATE in sync_with_upstream(desk, upstream_url).pull.passports

    # Written centrally without `catalog publish`: a huge duration in the known passport,
    # and a new passport whose documents go past the bounds.
    good = desk.catalog.get(CERTIFICATE).model_dump(mode="json")
    bad = {**good, "name": "pozulmuş", "durations": {"total": {"value": 999999999, "unit": "day"}}}
    new = {**good, "id": "01-08-02-09", "notes": ["qeyd"] * 5000}
    huge = {**good, "id": "01-08-02-08", "notes": ["ə" * 4000] * 600}  # 2.4 M characters
    table = PassportRow.__table__
    with upstream.begin() as connection:
        connection.execute(
            update(table)
            .where(table.c.id == CERTIFICATE)
            .values(body=bad, name="pozulmuş", version_hash="b" * 64)
        )
        for body in (new, huge):
            connection.execute(
                insert(table).values(
                    id=body["id"],
                    name="yeni",
                    version_hash="c" * 64,
                    body=body,
                    source_file=PUBLISHED_PREFIX + "x.yaml",
                    loaded_at=datetime.now(UTC),
                )
            )

    summary = sync_with_upstream(desk, upstream_url)

    assert summary.pull.passports == []
    refused = sorted(summary.pull.refused_passports)
    assert len(refused) == 3, refused
    assert refused[0].startswith("01-08-02-00:durations.total: ")
    assert refused[1] == "01-08-02-08:body: missing, or larger than 2000000"  # not read
    assert refused[2].startswith("01-08-02-09:notes: ")
    line = summary.pull.line()
    assert "refused 3 published passports (the earlier version stays)" in line
    with desk.engine.connect() as connection:
        local = dict(connection.execute(select(PassportRow.id, PassportRow.name)).all())
    assert local[CERTIFICATE] == renamed
    assert "01-08-02-08" not in local and "01-08-02-09" not in local
    restarted = open_desk(url=desk_url)
    try:
        assert restarted.catalog.get(CERTIFICATE).name == renamed
    finally:
        restarted.close()

    assert main(["sync", "--upstream", upstream_url, "--url", desk_url]) == 0
    assert "refused" not in capsys.readouterr().out  # reported once: the cursor moved on


def test_a_bad_published_passport_already_stored_is_left_out_of_the_catalog(desk_url):
    """A desk that pulled a bad passport before it checked them still opens, bundled one in use."""
    engine = create_engine(desk_url)
    table = PassportRow.__table__
    with engine.begin() as connection:
        body = connection.execute(
            select(table.c.body).where(table.c.id == CERTIFICATE)
        ).scalar_one()
        body = {**body, "durations": {"total": {"value": 999999999, "unit": "day"}}}
        connection.execute(
            update(table)
            .where(table.c.id == CERTIFICATE)
            .values(body=body, source_file=PUBLISHED_PREFIX + "x.yaml")
        )
    engine.dispose()
    desk = open_desk(url=desk_url)
    try:
        duration = desk.catalog.get(CERTIFICATE).durations.total
        assert (duration.value, duration.unit.value) == (30, "day")
    finally:
        desk.close()
