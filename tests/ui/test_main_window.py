"""The main window driven with the keyboard and mouse, on a real temporary database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from dost_desk.ui.models.catalog_tree_model import PASSPORT_ID_ROLE

CERTIFICATE = "01-08-02-00"
PAYMENTS = "01-00-01-00"


def shown_services(window) -> list[str]:
    model = window.tree_model
    ids = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        ids += [
            model.index(r, 0, parent).data(PASSPORT_ID_ROLE) for r in range(model.rowCount(parent))
        ]
    return ids


def test_tree_model_passes_the_model_tester(open_window):
    window = open_window()
    tester = QAbstractItemModelTester(
        window.tree_model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    for query in ("sigorta", "dublikat", "zzz", ""):
        window.search_box.setText(query)
    assert tester is not None
    assert window.tree_model.rowCount() == 12


def test_whole_tree_shows_every_category_with_counts(open_window, save_screenshot):
    window = open_window()
    model = window.tree_model
    assert model.rowCount() == 12
    assert model.index(7, 0).data() == (
        "08 Sığortaolunanların fərdi uçota alınması və uçotdan çıxarılması (1)"
    )
    assert model.index(11, 0).data() == "Təsnif edilməyib (1)"
    assert shown_services(window) == [CERTIFICATE, PAYMENTS]
    save_screenshot(window, "main-window-az")


def test_typing_in_the_search_box_filters_the_tree(open_window, qtbot):
    window = open_window()
    qtbot.keyClicks(window.search_box, "dublikat")
    assert shown_services(window) == [CERTIFICATE]
    assert window.tree_model.rowCount() == 1
    assert window.result_label.text() == "1 xidmət"
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "olum haqqinda")
    assert shown_services(window) == [PAYMENTS]
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "qqqqxz")
    assert shown_services(window) == []
    assert window.result_label.text() == "“qqqqxz” üzrə heç nə tapılmadı"
    window.search_box.clear()
    assert shown_services(window) == [CERTIFICATE, PAYMENTS]


def test_keyboard_only_ctrl_f_type_arrow_enter_opens_the_passport(open_window, qtbot):
    window = open_window()
    window.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "icbari")
    with qtbot.waitSignal(window.passport_opened) as opened:
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert opened.args == [PAYMENTS]
    html = window.passport_view.toPlainText()
    assert "Dövlət icbari şəxsi sığorta ödənişlərinin təyin edilməsi" in html
    assert "müvəqqəti ID" in html


def test_down_arrow_moves_to_the_results_and_enter_opens(open_window, qtbot):
    window = open_window()
    qtbot.keyClicks(window.search_box, "sehadetname")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.tree.hasFocus()
    assert window.tree.currentIndex().data(PASSPORT_ID_ROLE) == CERTIFICATE
    with qtbot.waitSignal(window.passport_opened):
        qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert window.passport_view.passport.id == CERTIFICATE


def test_mouse_click_on_a_service_shows_its_passport(open_window, qtbot, save_screenshot):
    window = open_window()
    index = window.tree_model.index_of_service(CERTIFICATE)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = window.passport_view.toPlainText()
    assert "Sosial sığorta şəhadətnaməsinin verilməsi" in text
    assert "Ümumi müddət: 30 gün" in text
    assert "Notarial təsdiq edilmiş surəti" in text
    assert window.start_button.isEnabled()
    save_screenshot(window, "passport-01-08-02-00-az")


def test_status_bar_names_centre_database_and_version(open_window, workspace_env):
    from dost_desk import __version__

    window = open_window()
    assert window.centre_label.text() == "Mərkəz C000 (C kateqoriyası)"
    database = workspace_env / "data" / "dost_desk.sqlite3"
    assert window.database_label.text() == f"Verilənlər bazası: SQLite {database}"
    assert database.exists()
    assert window.version_label.text() == f"Versiya {__version__}"


def test_centre_category_comes_from_the_environment(open_window, monkeypatch):
    monkeypatch.setenv("DOST_DESK_CENTRE_CATEGORY", "A")
    window = open_window()
    assert window.centre_label.text() == "Mərkəz C000 (A kateqoriyası)"
    assert shown_services(window) == [CERTIFICATE, PAYMENTS]


def test_unreachable_database_is_reported_and_the_catalog_still_browses(open_window, monkeypatch):
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", "postgresql+psycopg://desk@127.0.0.1:1/dost")
    window = open_window()
    assert window.database_label.text().startswith("Verilənlər bazası əlçatan deyil: ")
    assert "127.0.0.1:1" in window.database_label.text()
    assert shown_services(window) == [CERTIFICATE, PAYMENTS]
