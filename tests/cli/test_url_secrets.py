"""A password never reaches a message, `config show`, `sync status` or the stored last
error — also one written with an unencoded '@', which SQLAlchemy's parser would split."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.exc import OperationalError

from dost_desk import url_secrets
from dost_desk.cli import main
from dost_desk.cli.common import CliError, desk_errors

# The password is "Qx7@Zv9@Wk3": make_url would read "Qx7" as the password and
# "Zv9@Wk3@127.0.0.1" as the host.
UNENCODED = "postgresql+psycopg://postgres:Qx7@Zv9@Wk3@127.0.0.1:5432/dost_nowhere"
ENCODED = "postgresql+psycopg://postgres:Qx7%40Zv9%40Wk3@127.0.0.1:1/dost_nowhere"
PIECES = ("Qx7", "Zv9", "Wk3")


def assert_no_secret(text: str) -> None:
    for piece in PIECES:
        assert piece not in text, text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        (UNENCODED, "postgresql+psycopg://***@127.0.0.1:5432/dost_nowhere"),
        (ENCODED, "postgresql+psycopg://postgres:***@127.0.0.1:1/dost_nowhere"),
        # a password with '/' and '@' before the host: the last '@' ends it
        ("postgresql://u:Qx7@Zv9/Wk3@db/dost", "postgresql://***@db/dost"),
        # a port that is not a number: unparsable, still masked
        ("postgresql://u:Qx7@Zv9:12@db:5432/dost", "postgresql://***@db:5432/dost"),
        ("not a url Qx7", "(a malformed URL, not shown)"),
    ],
)
def test_masking_never_shows_a_piece_of_the_password(url: str, masked: str) -> None:
    assert url_secrets.masked_database_url(url) == masked


def test_redact_secrets_masks_urls_and_conninfo_passwords_in_a_message() -> None:
    text = f"failed at {ENCODED}: invalid dsn host=db password=Qx7secret user=x"
    redacted = url_secrets.redact_secrets(text)
    assert_no_secret(redacted)
    assert "postgres:***@127.0.0.1:1" in redacted and "password=*** user=x" in redacted


def test_config_show_names_the_variable_with_an_unencoded_at(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DOST_DESK_UPSTREAM_URL", UNENCODED)
    code, out, err = run(capsys, "config", "show")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "environment variable DOST_DESK_UPSTREAM_URL: upstream_url" in err
    assert "%40" in err
    assert_no_secret(out + err)


def test_config_show_masks_an_encoded_password(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DOST_DESK_UPSTREAM_URL", ENCODED)
    code, out, err = run(capsys, "config", "show", "--json")
    assert code == 0, err
    assert json.loads(out)["upstream_url"] == (
        "postgresql+psycopg://postgres:***@127.0.0.1:1/dost_nowhere"
    )
    assert_no_secret(out + err)


def test_a_failed_sync_stores_and_shows_no_secret(capsys) -> None:
    code, out, err = run(capsys, "sync", "--upstream", UNENCODED)
    assert code == 1 and err.count("\n") == 1
    assert "%40" in err
    assert_no_secret(out + err)
    code, out, err = run(capsys, "sync", "status", "--json")
    assert code == 0, err
    status = json.loads(out)
    assert status["last_error"] and "%40" in status["last_error"]
    assert_no_secret(out + err)


def test_a_failed_connection_says_why_without_the_password(capsys) -> None:
    for url in (UNENCODED, ENCODED):
        code, out, err = run(capsys, "db", "current", "--url", url)
        assert code == 1 and err.count("\n") == 1, err
        assert_no_secret(out + err)
    code, _, err = run(capsys, "db", "current", "--url", ENCODED)
    assert "127.0.0.1:1" in err  # it still says which server failed


def test_a_driver_error_echoing_a_url_is_masked_on_the_command_line() -> None:
    with pytest.raises(CliError) as caught, desk_errors():
        raise OperationalError("SELECT 1", {}, Exception(f"could not use {ENCODED}"))
    assert_no_secret(str(caught.value))
    assert "postgres:***@127.0.0.1:1" in str(caught.value)
