"""The real entry point: `python -m dost_desk` opens the window and loads the workspace."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import create_engine, text


def start_app(tmp_path, probe: str, **env):
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DOST_DESK_STARTUP_PROBE": probe,
        "DOST_DESK_CONFIG": str(tmp_path / "config.toml"),
        "DOST_DESK_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "dost_desk"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_first_start_creates_the_database_with_the_passports(tmp_path):
    result = start_app(tmp_path, "1")
    assert result.returncode == 0, result.stderr
    assert "workspace-loaded" in result.stdout
    database = tmp_path / "data" / "dost_desk.sqlite3"
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        ids = connection.execute(text("SELECT id FROM passports ORDER BY id")).scalars().all()
    engine.dispose()
    assert ids == ["01-00-01-00", "01-08-02-00"]


def test_broken_config_file_is_reported_not_a_crash(tmp_path):
    (tmp_path / "config.toml").write_text('centre_category = "Z"\n', encoding="utf-8")
    result = start_app(tmp_path, "1")
    assert result.returncode == 0, result.stderr
    assert "workspace-loaded" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "dost_desk.sqlite3").exists()


def test_passports_are_stored_once_and_updated_when_changed(tmp_path):
    from sqlalchemy.orm import Session

    from dost_desk.services.catalog import open_catalog
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.storage.migrate import run_upgrade
    from dost_desk.storage.passport_store import store_passports

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    run_upgrade(url)
    catalog = open_catalog()
    engine = create_engine_for(url)
    with Session(engine) as session:
        assert len(store_passports(session, catalog.passports, catalog.sources)) == 2
        session.commit()
        assert store_passports(session, catalog.passports, catalog.sources) == []
        renamed = catalog.passports[0].model_copy(update={"name": "Yeni ad"})
        assert store_passports(session, [renamed], catalog.sources) == [renamed.id]
        session.commit()
    engine.dispose()
