"""The intake reads the desk's catalog: passports published centrally (and pulled) win over
the bundled ones, in the GUI, against the real PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt

from dost_desk.cli import main
from dost_desk.resources import resource_path
from dost_desk.services.applications import get_application
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.postgres

CERTIFICATE = "01-08-02-00"
NEW_SERVICE = "01-08-02-07"  # published centrally only: no bundled file has it
NEW_OPTIONS = [
    ("issue", "Verilməsi (yeni redaksiya)"),
    ("replace", "Dəyişdirilməsi (yeni redaksiya)"),
    ("duplicate", "Dublikatının verilməsi (yeni redaksiya)"),
    ("correction", "Məlumatların düzəldilməsi"),
]


@pytest.fixture
def upstream_url(pg_empty_url: str, monkeypatch) -> str:
    run_upgrade(pg_empty_url)
    monkeypatch.setenv("DOST_DESK_UPSTREAM_URL", pg_empty_url)
    monkeypatch.setenv("DOST_DESK_FIRST_SYNC_MS", "3600000")  # only F9 syncs in these tests
    return pg_empty_url


def publish(tmp_path: Path, upstream_url: str, passport_id: str, name: str) -> None:
    """Publish the certificate's passport as ``passport_id`` with new variant options."""
    data = yaml.safe_load(
        (resource_path("passports") / f"{CERTIFICATE}.yaml").read_text(encoding="utf-8")
    )
    data.update(id=passport_id, name=name)
    data["variants"][0]["options"] = [{"key": k, "label": label} for k, label in NEW_OPTIONS]
    folder = tmp_path / "published"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / f"{passport_id}.yaml").write_text(text, encoding="utf-8")
    assert main(["catalog", "publish", str(folder), "--url", upstream_url]) == 0


def sync_with_f9(window, qtbot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)


def variant_options(intake) -> list[tuple[str, str]]:
    combo = intake.start_page.variant_combos["action"]
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_a_passport_published_only_centrally_is_taken_through_the_intake(
    open_window, qtbot, tmp_path, upstream_url, capsys
):
    from test_intake import Keys, applicant_by_keyboard

    publish(tmp_path, upstream_url, NEW_SERVICE, "Yalnız mərkəzdə dərc edilmiş xidmət")
    capsys.readouterr()
    window = open_window("en")
    sync_with_f9(window, qtbot)
    assert NEW_SERVICE in {p.id for p in window.desk.catalog.passports}

    window.show_passport(NEW_SERVICE)
    window.start_intake()
    intake = window.intake
    assert intake is not None and intake.passport.id == NEW_SERVICE
    assert variant_options(intake) == NEW_OPTIONS
    combo = intake.start_page.variant_combos["action"]
    combo.setCurrentIndex(combo.findData("correction"))  # an option only the publication has
    qtbot.keyClicks(intake.start_page.ticket, "c-5")
    intake.go_next()
    assert intake.application is not None, intake.message.text()
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    assert intake.pages.currentWidget() is intake.documents_page, intake.message.text()
    qtbot.keyClick(intake.documents_page.table, Qt.Key.Key_1)
    intake.go_next()
    intake.accept_application()

    stored = get_application(window.desk, intake.application.id)
    assert stored.status == "submitted", intake.message.text()
    assert (stored.passport_id, stored.variant) == (NEW_SERVICE, {"action": "correction"})


def test_a_replaced_passport_shows_its_new_variants(open_window, qtbot, tmp_path, upstream_url):
    window = open_window("en")
    window.show_passport(CERTIFICATE)
    window.start_intake()
    assert [key for key, _ in variant_options(window.intake)] == ["issue", "replace", "duplicate"]
    window.close_intake()

    publish(tmp_path, upstream_url, CERTIFICATE, "Sosial sığorta şəhadətnaməsi (yeni)")
    sync_with_f9(window, qtbot)
    window.show_passport(CERTIFICATE)
    window.start_intake()

    assert window.intake.passport.name == "Sosial sığorta şəhadətnaməsi (yeni)"
    assert variant_options(window.intake) == NEW_OPTIONS
