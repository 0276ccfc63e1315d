"""A networked desk (PostgreSQL) that loses the server mid-intake: the form stays open, the
draft is kept on this computer, the status bar says so, and it is written to the server
when the server answers again, without a restart. The link is cut by a real TCP proxy."""

from __future__ import annotations

import pytest
from tcp_proxy import TcpProxy
from test_intake import open_applicant_page, type_text

from dost_desk.services.applications import get_application
from dost_desk.services.local_drafts import keep_draft_locally, load_local_draft
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxy(pg_empty_url, monkeypatch):
    run_upgrade(pg_empty_url)
    with TcpProxy() as running:
        monkeypatch.setenv("DOST_DESK_DATABASE_URL", running.url(pg_empty_url))
        yield running


def test_the_draft_is_kept_locally_and_written_through(open_window, qtbot, proxy, save_screenshot):
    window = open_window("az")
    window.connection.timer.setInterval(200)
    intake = open_applicant_page(window)
    form = intake.applicant_page.form
    qtbot.keyClicks(form.edits["surname"], "Quliyeva")
    intake.save_now()
    assert window.connection_label.text() == ""

    proxy.cut()
    qtbot.keyClicks(form.edits["name"], "Leyla")

    qtbot.waitUntil(lambda: window.connection_label.text() != "", timeout=10_000)
    assert window.connection_label.text() == "Oflayn — yerli saxlanılıb"
    assert "kompüterdə saxlanılıb" in intake.message.text()
    kept = load_local_draft(window.desk.settings, intake.application.id)
    assert kept["draft"]["applicant"]["name"] == "Leyla"
    type_text(qtbot, form.edits["patronymic"], "Rauf qızı")  # still typing, still kept
    qtbot.waitUntil(
        lambda: (
            load_local_draft(window.desk.settings, intake.application.id)["draft"]["applicant"][
                "patronymic"
            ]
            == "Rauf qızı"
        ),
        timeout=5_000,
    )
    assert form.edits["surname"].isEnabled() and intake.isVisible()
    save_screenshot(window, "networked-offline-az")

    proxy.restore()

    qtbot.waitUntil(lambda: window.connection_label.text() == "", timeout=15_000)
    assert load_local_draft(window.desk.settings, intake.application.id) is None
    saved = get_application(window.desk, intake.application.id).draft["applicant"]
    assert (saved["surname"], saved["name"], saved["patronymic"]) == (
        "Quliyeva",
        "Leyla",
        "Rauf qızı",
    )
    assert "server" in intake.message.text() or "serverdə" in intake.message.text()


def test_drafts_left_by_an_earlier_run_are_written_through_at_start(
    open_window, qtbot, proxy, workspace_env
):
    window = open_window("en")
    intake = open_applicant_page(window)
    application_id = intake.application.id
    settings = window.desk.settings
    window.close_intake()
    # As if the app had been killed while offline, with this kept on disk:
    keep_draft_locally(settings, application_id, {"page": 1, "applicant": {"surname": "Kamalova"}})
    window.close()

    again = open_window("en")

    qtbot.waitUntil(lambda: load_local_draft(settings, application_id) is None, timeout=10_000)
    assert get_application(again.desk, application_id).draft["applicant"]["surname"] == "Kamalova"
