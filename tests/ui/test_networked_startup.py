"""A networked desk started while its server is down: it says so, keeps trying in the
background and, once the server answers, opens the workspace and the drafts kept on this
computer, without a restart. The server is made unreachable by a real TCP proxy."""

from __future__ import annotations

import pytest
from tcp_proxy import TcpProxy
from test_intake import open_applicant_page

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


def test_a_server_down_at_start_is_retried_then_the_kept_draft_opens(open_window, qtbot, proxy):
    window = open_window("en")
    application_id = open_applicant_page(window).application.id
    settings = window.desk.settings
    window.close_intake()
    # As if the last run had lost the server with this typed:
    keep_draft_locally(settings, application_id, {"page": 1, "applicant": {"surname": "Kamalova"}})
    window.close()
    proxy.cut()

    again = open_window("en")

    assert again.desk is None
    assert again.connection_label.text() == "Server unreachable — trying again…"
    again.connection.timer.setInterval(200)  # retry fast: the test waits for it

    proxy.restore()

    qtbot.waitUntil(lambda: again.desk is not None, timeout=20_000)
    assert again.connection_label.text() == ""
    assert again.start_button.isEnabled() or again.intake is not None
    intake = again.intake
    assert intake is not None and intake.application.id == application_id  # reopened
    assert intake.applicant_page.form.edits["surname"].text() == "Kamalova"
    assert load_local_draft(settings, application_id) is None  # written through
    stored = get_application(again.desk, application_id).draft["applicant"]
    assert stored["surname"] == "Kamalova"
