"""`[checks.<system>]` and `[notices]` in config.toml: defaults, and errors naming the system."""

from __future__ import annotations

from pathlib import Path

import pytest

from dost_desk.checks.http_provider import HttpCheckProvider
from dost_desk.checks.manual import ManualProvider
from dost_desk.checks.notice_sender import HttpNoticeSender, ManualNoticeSender
from dost_desk.checks.reference import ReferenceProvider
from dost_desk.checks.registry import notice_sender_for, provider_for
from dost_desk.config import ConfigError, NoticeSenderConfig, load_settings
from dost_desk.storage.engine import create_engine_for


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_system_is_manual_by_default(isolated_config):
    settings = load_settings()
    assert settings.checks == {}
    assert settings.check_provider("monitoring").provider == "manual"
    assert settings.notices.provider == "manual"


def test_providers_from_the_toml_tables(isolated_config, tmp_path):
    write(
        isolated_config,
        """
[checks.monitoring]
provider = "http"
base_url = "https://meis.example.az/dost/v1/"
timeout_seconds = 5
token_env = "DOST_MONITORING_TOKEN"

[checks.emek_muqavilesi_bildirisi]
provider = "reference"

[notices]
provider = "http"
base_url = "http://127.0.0.1:8080"
token_file = "~/esosial.token"
""",
    )
    settings = load_settings()
    monitoring = settings.check_provider("monitoring")
    assert monitoring.provider == "http" and monitoring.timeout_seconds == 5
    assert monitoring.base_url == "https://meis.example.az/dost/v1"  # no trailing slash
    assert settings.check_provider("emek_muqavilesi_bildirisi").provider == "reference"
    assert settings.check_provider("mesgulluq").provider == "manual"
    assert settings.notices.token_file == Path("~/esosial.token").expanduser()
    engine = create_engine_for(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        assert isinstance(provider_for("monitoring", settings, engine), HttpCheckProvider)
        kind = provider_for("emek_muqavilesi_bildirisi", settings, engine)
        assert isinstance(kind, ReferenceProvider)
        assert isinstance(provider_for("mesgulluq", settings, engine), ManualProvider)
    finally:
        engine.dispose()
    assert isinstance(notice_sender_for(settings.notices), HttpNoticeSender)
    assert isinstance(notice_sender_for(NoticeSenderConfig()), ManualNoticeSender)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'provider = "http"\ntoken_env = "T"',
            "checks.monitoring: the http provider needs base_url",
        ),
        (
            'provider = "http"\nbase_url = "https://meis.example.az"',
            "checks.monitoring: the http provider needs token_keyring, token_env, token_file "
            "or client_cert_file",
        ),
        (
            'provider = "http"\nbase_url = "ftp://meis.example.az"\ntoken_env = "T"',
            "checks.monitoring.base_url: should be an http:// or https:// URL with a host name",
        ),
        (
            'provider = "http"\nbase_url = "https://u:pw@meis.example.az"\ntoken_env = "T"',
            "checks.monitoring.base_url: must not contain a user name or password",
        ),
        (
            'provider = "http"\nbase_url = "http://meis.example.az"\ntoken_env = "T"',
            "checks.monitoring: a token is sent over plain http only to this computer",
        ),
        ('provider = "soap"', "checks.monitoring.provider: Input should be 'manual'"),
        (
            'provider = "reference"\nbase_url = "https://meis.example.az"',
            "checks.monitoring: base_url: only for the http provider, not reference",
        ),
        ('provider = "http"\nbase_ur = "x"', "checks.monitoring.base_ur: unknown setting (known:"),
        (
            'provider = "http"\nbase_url = "https://m.az"\ntoken_env = "T"\ntimeout_seconds = 0',
            "checks.monitoring.timeout_seconds: Input should be greater than 0",
        ),
    ],
)
def test_a_misconfigured_system_is_named(isolated_config, table, message):
    write(isolated_config, f"[checks.monitoring]\n{table}\n")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert f"{isolated_config}: {message}" in str(caught.value)
    assert "pw" not in str(caught.value)


def test_a_system_key_must_look_like_one(isolated_config):
    write(isolated_config, '[checks."Monitoring AS"]\nprovider = "reference"\n')
    with pytest.raises(ConfigError, match="'Monitoring AS' is not a system key"):
        load_settings()


def test_plain_http_with_a_token_elsewhere_needs_consent(isolated_config):
    write(
        isolated_config,
        '[checks.monitoring]\nprovider = "http"\nbase_url = "http://meis.lan"\n'
        'token_env = "T"\nallow_plain_http = true\n',
    )
    assert load_settings().check_provider("monitoring").allow_plain_http
