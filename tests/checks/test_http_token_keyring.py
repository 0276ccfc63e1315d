"""``token_keyring``: the http check provider and notice sender take their token from the
keyring (a real file-backed backend) and send it to a real server on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from test_http_check_provider import notice

from dost_desk.checks.base import CheckRequest, CheckResultKind
from dost_desk.checks.http_provider import HttpCheckProvider
from dost_desk.checks.notice_sender import HttpNoticeSender
from dost_desk.credentials import store_secret
from dost_desk.http_endpoints import CheckProviderConfig, NoticeSenderConfig

NOW = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)


def check_request() -> CheckRequest:
    return CheckRequest(
        system="monitoring",
        step=5,
        subject="Müraciət edən şəxsin sosial sığorta şəhadətnaməsi varmı?",
        application_id="app-1",
        passport_id="01-08-02-00",
        fin="5ZX8K2P",
        registration_number="C123-2026-000001",
        variant={"action": "issue"},
    )


def provider(fake, name: str) -> HttpCheckProvider:
    config = CheckProviderConfig(provider="http", base_url=fake.base_url, token_keyring=name)
    return HttpCheckProvider(config, clock=lambda: NOW)


def sender(fake, name: str) -> HttpNoticeSender:
    config = NoticeSenderConfig(provider="http", base_url=fake.base_url, token_keyring=name)
    return HttpNoticeSender(config, clock=lambda: NOW)


def test_the_check_sends_the_keyring_token_as_a_bearer_token(fake_system, file_keyring):
    store_secret("monitoring", "tok-Mon-1")
    outcome = provider(fake_system, "monitoring").run(check_request())
    assert outcome.result is CheckResultKind.CONFIRMED
    (asked,) = fake_system.requests
    assert asked["headers"]["Authorization"] == "Bearer tok-Mon-1"


def test_the_notice_sender_sends_the_keyring_token(fake_system, file_keyring):
    store_secret("esosial", "tok-ES-2")
    fake_system.answers(body={"status": "posted", "reference": "ES-1", "request_id": "notice-1"})
    outcome = sender(fake_system, "esosial").post_notice(notice())
    assert outcome.posted, outcome.summary
    (asked,) = fake_system.requests
    assert asked["headers"]["Authorization"] == "Bearer tok-ES-2"


def test_a_missing_entry_is_a_misconfigured_sender_that_asks_nothing(fake_system, file_keyring):
    outcome = sender(fake_system, "esosial").post_notice(notice())
    assert not outcome.posted
    assert outcome.summary == (
        "E-sosial: not configured: the keyring holds no token 'esosial' "
        "(dost-desk config set-secret esosial)"
    )
    assert fake_system.requests == []


def test_without_a_keyring_the_check_is_unavailable_and_says_what_to_use(fake_system, no_keyring):
    outcome = provider(fake_system, "monitoring").run(check_request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary.startswith(
        "monitoring: not configured: no keyring is available on this computer"
    )
    assert "token_file" in outcome.summary and "\n" not in outcome.summary
    assert fake_system.requests == []


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"token_keyring": "monitoring", "token_env": "T"}, "set one of token_keyring"),
        ({"token_keyring": "monitoring", "token_file": "~/t"}, "set one of token_keyring"),
        ({"token_keyring": "Monitoring"}, "keyring entry name (lower-case letters"),
        ({"token_keyring": "a b"}, "keyring entry name"),
    ],
)
def test_token_keyring_is_one_of_the_token_sources_and_a_plain_name(fields, words):
    with pytest.raises(ValidationError, match=r"(?s)" + words.replace("(", r"\(")):
        CheckProviderConfig(provider="http", base_url="https://meis.example.az", **fields)


def test_token_keyring_belongs_to_the_http_provider_only():
    with pytest.raises(ValidationError, match="token_keyring: only for the http provider"):
        CheckProviderConfig(provider="manual", token_keyring="monitoring")
