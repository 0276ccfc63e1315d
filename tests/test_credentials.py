"""Database passwords and HTTP tokens in the keyring, never in the plain configuration."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from dost_desk.cli import main
from dost_desk.credentials import (
    CredentialError,
    database_key,
    secret,
    store_database_password,
    with_stored_password,
)
from dost_desk.storage.engine import create_engine_for

LOGIN = "postgresql+psycopg://centre123@db.example:5432/dost"


def test_the_stored_password_is_filled_into_the_url(file_keyring):
    assert with_stored_password(LOGIN) == LOGIN  # nothing stored yet
    store_database_password(LOGIN, "p@ss wörd")
    assert database_key(LOGIN) == "db:centre123@db.example:5432/dost"
    filled = make_url(with_stored_password(LOGIN))
    assert (filled.username, filled.password, filled.host) == (
        "centre123",
        "p@ss wörd",
        "db.example",
    )
    # A URL that carries its own password, or no user, or SQLite, is left alone.
    assert with_stored_password(LOGIN.replace("centre123", "centre123:other")).count("other")
    assert with_stored_password("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


@pytest.mark.postgres
def test_the_engine_connects_with_the_keyring_password(file_keyring, pg_url):
    store_database_password(pg_url, "from-the-keyring")
    engine = create_engine_for(pg_url)
    try:
        assert engine.url.password == "from-the-keyring"
        with engine.connect() as connection:  # trust auth: the real server accepts it
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


def test_without_a_keyring_nothing_is_filled_and_storing_says_why(no_keyring):
    assert with_stored_password(LOGIN) == LOGIN
    with pytest.raises(CredentialError, match="PGPASSFILE"):
        store_database_password(LOGIN, "x")
    with pytest.raises(CredentialError, match="no keyring"):
        secret("monitoring")


def test_set_password_from_stdin_and_config_show_never_prints_it(
    file_keyring, isolated_config, monkeypatch, capsys
):
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    assert main(["config", "set-password", LOGIN]) == 0
    assert "stored the password of" in capsys.readouterr().out
    assert with_stored_password(LOGIN).count("s3cret-pass") == 1

    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(
        'upstream_url = "postgresql+psycopg://centre123:plain@db.example/dost"\n',
        encoding="utf-8",
    )
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-pass" not in out and ":plain@" not in out
    assert "warning: upstream_url holds a password in plain text" in out

    assert main(["config", "forget-password", LOGIN]) == 0
    assert with_stored_password(LOGIN) == LOGIN


def test_set_password_refuses_a_url_with_a_password_and_no_keyring(no_keyring, capsys):
    assert main(["config", "set-password", LOGIN.replace("centre123", "a:b")]) == 1
    assert "without its password" in capsys.readouterr().err
    assert main(["config", "set-password", LOGIN]) == 1
    assert "no keyring" in capsys.readouterr().err
