"""The http check provider and notice sender against a real server on 127.0.0.1."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime

import pytest

from dost_desk.checks.base import CheckRequest, CheckResultKind
from dost_desk.checks.http_provider import HttpCheckProvider
from dost_desk.checks.notice_sender import HttpNoticeSender, NoticeRequest
from dost_desk.http_endpoints import CheckProviderConfig, NoticeSenderConfig

NOW = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)
TOKEN_ENV = "DOST_TEST_MONITORING_TOKEN"


def request(**kw) -> CheckRequest:
    return CheckRequest(
        system=kw.pop("system", "monitoring"),
        step=5,
        subject="Müraciət edən şəxsin sosial sığorta şəhadətnaməsi varmı?",
        application_id="app-1",
        passport_id="01-08-02-00",
        fin=kw.pop("fin", "5ZX8K2P"),
        registration_number="C123-2026-000001",
        variant={"action": "issue"},
    )


def provider(fake, **config) -> HttpCheckProvider:
    settings = {"provider": "http", "base_url": fake.base_url, "token_env": TOKEN_ENV}
    settings.update(config)
    return HttpCheckProvider(CheckProviderConfig(**settings), clock=lambda: NOW)


@pytest.fixture(autouse=True)
def token(monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "s3cret-token")


def test_confirmed_with_the_request_the_docs_describe(fake_system):
    fake_system.answers(
        body={
            "result": "confirmed",
            "summary": "Şəhadətnamə var: AZ-123456",
            "reference": "AZ-123456",
            "as_of": "2026-09-06",
            "details": {"issued": "2019-03-12"},
        }
    )
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.CONFIRMED
    assert outcome.summary == "monitoring: Şəhadətnamə var: AZ-123456"
    assert outcome.reference == "AZ-123456" and outcome.as_of == date(2026, 9, 6)
    assert outcome.provider == "http" and outcome.at == NOW
    assert outcome.raw["status"] == 200 and outcome.raw["body"]["details"] == {
        "issued": "2019-03-12"
    }
    (asked,) = fake_system.requests
    assert asked["path"] == "/dost/v1/checks/monitoring"
    assert asked["headers"]["Authorization"] == "Bearer s3cret-token"
    body = asked["json"]
    assert body["subject"] == {"fin": "5ZX8K2P", "voen": None}
    assert body["application"]["variant"] == {"action": "issue"} and body["step"] == 5
    assert body["question"].startswith("Müraciət edən şəxsin")
    assert body["request_id"] == outcome.raw["request_id"]


def test_not_confirmed(fake_system):
    fake_system.answers(body={"result": "not_confirmed"})
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.NOT_CONFIRMED
    assert outcome.summary == "monitoring: not_confirmed by monitoring"


def test_the_system_itself_may_say_it_is_unavailable(fake_system):
    fake_system.answers(body={"result": "unavailable", "summary": "Texniki işlər"})
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary == "monitoring: Texniki işlər"


def test_a_slow_system_times_out_as_unavailable(fake_system):
    fake_system.answers(delay=2.0)
    started = time.monotonic()
    outcome = provider(fake_system, timeout_seconds=0.3).run(request())
    assert time.monotonic() - started < 1.5
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary == "monitoring: no answer within 0.3 s"
    assert outcome.raw["timed_out"] is True


def test_a_system_that_trickles_its_answer_is_cut_at_the_time_limit(fake_system):
    fake_system.answers(body={"result": "confirmed", "summary": "x" * 200}, trickle=0.02)
    started = time.monotonic()
    outcome = provider(fake_system, timeout_seconds=0.5).run(request())
    assert time.monotonic() - started < 1.5
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert "no answer within 0.5 s" in outcome.summary


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (500, "the server failed (HTTP 500)"),
        (503, "the server failed (HTTP 503)"),
        (401, "the server refused the token (HTTP 401)"),
        (404, "no such address on the server (HTTP 404): check base_url"),
    ],
)
def test_an_http_error_is_unavailable_with_the_status(fake_system, status, words):
    fake_system.answers(status=status, body="Internal Server Error")
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary == f"monitoring: {words}"
    assert outcome.raw == {
        "status": status,
        "request_id": outcome.raw["request_id"],
        "body": "Internal Server Error",
    }


def test_malformed_json_is_unavailable_and_names_the_system(fake_system):
    fake_system.answers(body='{"result": "confirmed",')
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary.startswith("monitoring: the answer is not JSON")
    assert outcome.raw["body"] == '{"result": "confirmed",'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"result": "confirmed", "colour": "green"}, "unexpected field 'colour'"),
        ({"summary": "no result"}, "missing field 'result'"),
        ({"result": "maybe"}, "result: Input should be 'confirmed', 'not_confirmed'"),
        (["confirmed"], "the answer: Input should be a valid dictionary"),
    ],
)
def test_unexpected_answers_are_unavailable_with_a_clear_message(fake_system, body, message):
    fake_system.answers(body=body)
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary.startswith("monitoring: unexpected answer: ")
    assert message in outcome.summary
    assert outcome.raw["body"] == body  # kept for whoever investigates


def test_an_answer_to_another_request_is_refused(fake_system):
    fake_system.answers(body={"result": "confirmed", "request_id": "someone-else"})
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert "request_id differs" in outcome.summary


def test_a_missing_token_asks_nothing(fake_system, monkeypatch):
    monkeypatch.delenv(TOKEN_ENV)
    outcome = provider(fake_system).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary == (
        f"monitoring: not configured: the environment variable {TOKEN_ENV} is not set"
    )
    assert fake_system.requests == []


def test_the_token_file_must_be_private(fake_system, tmp_path):
    token_file = tmp_path / "monitoring.token"
    token_file.write_text("file-token\n", encoding="utf-8")
    if os.name == "posix":  # Windows protects files with ACLs, not modes
        token_file.chmod(0o644)
        outcome = provider(fake_system, token_env=None, token_file=str(token_file)).run(request())
        assert outcome.result is CheckResultKind.UNAVAILABLE
        assert "can be read by other users (chmod 600 it)" in outcome.summary
        assert fake_system.requests == []
        token_file.chmod(0o600)
    outcome = provider(fake_system, token_env=None, token_file=str(token_file)).run(request())
    assert outcome.result is CheckResultKind.CONFIRMED
    assert fake_system.requests[-1]["headers"]["Authorization"] == "Bearer file-token"
    missing = provider(fake_system, token_env=None, token_file=str(tmp_path / "none"))
    assert "does not exist" in missing.run(request()).summary


def test_a_system_that_is_down_is_unavailable(fake_system):
    down = CheckProviderConfig(
        provider="http", base_url="http://127.0.0.1:9/x", token_env=TOKEN_ENV, timeout_seconds=1
    )
    outcome = HttpCheckProvider(down, clock=lambda: NOW).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary.startswith("monitoring: ")
    assert "refused" in outcome.summary or "cannot reach" in outcome.summary


def test_an_applicant_without_fin_or_voen_is_not_asked(fake_system):
    outcome = provider(fake_system).run(request(fin=None))
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert "no FİN or VÖEN" in outcome.summary and fake_system.requests == []


# --- the notice sender --------------------------------------------------------------------


def notice() -> NoticeRequest:
    return NoticeRequest(
        notice_id="notice-1",
        kind="e_sosial",
        registration_number="C123-2026-000001",
        passport_id="01-08-02-00",
        fin="5ZX8K2P",
        voen=None,
        due=date(2026, 10, 16),
        deadline=datetime(2026, 10, 19, 14, 0, tzinfo=UTC),
        message="C123-2026-000001 nömrəli müraciətiniz ...",
    )


def sender(fake) -> HttpNoticeSender:
    config = NoticeSenderConfig(provider="http", base_url=fake.base_url, token_env=TOKEN_ENV)
    return HttpNoticeSender(config, clock=lambda: NOW)


def test_a_notice_is_posted(fake_system):
    fake_system.answers(body={"status": "posted", "reference": "ES-77", "request_id": "notice-1"})
    outcome = sender(fake_system).post_notice(notice())
    assert outcome.posted and outcome.channel == "http"
    assert outcome.summary == "E-sosial: posted (reference ES-77)"
    assert outcome.response["body"]["reference"] == "ES-77"
    (asked,) = fake_system.requests
    assert asked["path"] == "/dost/v1/notices"
    assert asked["json"]["recipient"] == {"fin": "5ZX8K2P", "voen": None}
    assert asked["json"]["due"] == "2026-10-16"


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (200, {"status": "rejected", "message": "Kabinet yoxdur"}, "rejected: Kabinet yoxdur"),
        (500, "oops", "the server failed (HTTP 500)"),
        (200, "not json", "the answer is not JSON"),
        (200, {"status": "posted", "extra": 1}, "unexpected field 'extra'"),
    ],
)
def test_a_notice_that_was_not_posted_says_why(fake_system, status, body, words):
    fake_system.answers(status=status, body=body)
    outcome = sender(fake_system).post_notice(notice())
    assert not outcome.posted
    assert outcome.summary.startswith("E-sosial: ") and words in outcome.summary


def test_the_token_can_come_from_the_keyring(fake_system, file_keyring):
    from dost_desk.credentials import store_secret

    store_secret("monitoring", "keyring-token")
    outcome = provider(fake_system, token_env=None, token_keyring="monitoring").run(request())
    assert outcome.result is CheckResultKind.CONFIRMED
    assert fake_system.requests[0]["headers"]["Authorization"] == "Bearer keyring-token"


def test_a_missing_keyring_token_is_a_clear_unavailable_result(fake_system, file_keyring):
    outcome = provider(fake_system, token_env=None, token_keyring="nosuch").run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert "set-secret nosuch" in outcome.summary
    assert fake_system.requests == []
