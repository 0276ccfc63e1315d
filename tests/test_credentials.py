"""Database passwords and HTTP tokens in the keyring, never in the plain configuration.

``file_keyring`` (conftest.py) installs a real keyring backend on a JSON file
(tests/keyring_backend.py); ``no_keyring`` the "no backend" keyring of a headless server.
"""

from __future__ import annotations

import logging

import keyring
import pytest
from keyring_backend import FileKeyring
from sqlalchemy import text
from sqlalchemy.engine import make_url

from dost_desk.credentials import (
    CredentialError,
    check_secret_name,
    database_key,
    database_password,
    forget_database_password,
    secret,
    store_database_password,
    store_secret,
    with_stored_password,
)
from dost_desk.http_endpoints import CheckProviderConfig
from dost_desk.storage.engine import (
    InvalidDatabaseUrl,
    StorageUnavailable,
    check_connection,
    create_engine_for,
)

LOGIN = "postgresql+psycopg://centre123@db.example:5432/dost"


def test_the_stored_password_is_filled_into_the_url(file_keyring):
    assert with_stored_password(LOGIN) == LOGIN  # nothing stored yet
    assert database_password(LOGIN) is None
    store_database_password(LOGIN, "p@ss wörd")
    assert database_key(LOGIN) == "db:centre123@db.example:5432/dost"
    assert database_password(LOGIN) == "p@ss wörd"
    filled = make_url(with_stored_password(LOGIN))
    assert (filled.username, filled.password, filled.host, filled.database) == (
        "centre123",
        "p@ss wörd",
        "db.example",
        "dost",
    )
    # A URL that carries its own password, or no user, or SQLite, is left alone.
    own = LOGIN.replace("centre123", "centre123:other")
    assert with_stored_password(own) == own
    assert with_stored_password("postgresql+psycopg://db.example/dost").count("@") == 0
    assert with_stored_password("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_one_login_one_entry_whatever_the_driver_prefix_and_default_port(file_keyring):
    store_database_password("postgresql://centre123@db.example/dost", "one")
    assert database_password(LOGIN) == "one"
    assert make_url(with_stored_password("postgres://centre123@db.example/dost")).password == (
        "one"
    )
    # Another database, user or host is another login.
    assert database_password(LOGIN.replace("/dost", "/other")) is None
    assert database_password(LOGIN.replace("centre123", "centre124")) is None
    assert forget_database_password(LOGIN) is True
    assert forget_database_password(LOGIN) is False
    assert with_stored_password(LOGIN) == LOGIN


@pytest.mark.postgres
def test_the_engine_connects_with_the_keyring_password(file_keyring, pg_url):
    assert make_url(pg_url).password is None
    store_database_password(pg_url, "from-the-keyring")
    engine = create_engine_for(pg_url)
    try:
        assert engine.url.password == "from-the-keyring"
        with engine.connect() as connection:  # trust auth: the real server accepts it
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


def test_engine_messages_never_show_the_keyring_password(file_keyring):
    secret_password = "kEy-ring-pw"
    unknown_driver = "postgresql+nosuchdriver://centre123@db.example:5432/dost"
    store_database_password(unknown_driver, secret_password)
    with pytest.raises(InvalidDatabaseUrl) as raised:
        create_engine_for(unknown_driver)
    assert secret_password not in str(raised.value)
    assert "centre123:***@db.example" in str(raised.value)

    refused = "postgresql+psycopg://centre123@127.0.0.1:1/dost"  # nothing listens on port 1
    store_database_password(refused, secret_password)
    engine = create_engine_for(refused)
    try:
        assert engine.url.password == secret_password
        assert secret_password not in repr(engine)
        with pytest.raises(StorageUnavailable) as raised:
            check_connection(engine)
        assert secret_password not in str(raised.value)
        assert "127.0.0.1:1" in str(raised.value)
    finally:
        engine.dispose()


def test_without_a_keyring_nothing_is_filled_and_storing_says_why(no_keyring):
    assert with_stored_password(LOGIN) == LOGIN
    with pytest.raises(CredentialError) as raised:
        store_database_password(LOGIN, "x")
    message = str(raised.value)
    assert message.startswith("no keyring is available on this computer (no keyring backend")
    assert "PGPASSFILE" in message and "token_file" in message and "\n" not in message
    with pytest.raises(CredentialError, match="no keyring"):
        secret("monitoring")
    with pytest.raises(CredentialError, match="no keyring"):
        database_password(LOGIN)


class _BrokenKeyring(FileKeyring):
    """A keyring that is there but fails (locked, its service stopped)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"locked while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot write {password}")


def test_a_failing_keyring_leaves_the_url_alone_and_never_echoes_the_secret(tmp_path, caplog):
    previous = keyring.get_keyring()
    keyring.set_keyring(_BrokenKeyring(tmp_path / "keyring.json"))
    try:
        with caplog.at_level(logging.WARNING, logger="dost_desk.credentials"):
            assert with_stored_password(LOGIN) == LOGIN
        assert "the keyring cannot be read (db:centre123@db.example:5432/dost)" in caplog.text
        with pytest.raises(CredentialError) as raised:
            store_secret("monitoring", "tok-123456")
        assert str(raised.value) == ("the keyring refused to store secret:monitoring: RuntimeError")
    finally:
        keyring.set_keyring(previous)


def test_empty_secrets_and_bad_names_are_refused(file_keyring):
    with pytest.raises(CredentialError, match="empty"):
        store_database_password(LOGIN, "")
    with pytest.raises(CredentialError, match="empty"):
        store_secret("monitoring", "")
    for bad in ("Monitoring", "two words", "", "-x", "a/b"):
        with pytest.raises(CredentialError, match="cannot name a secret"):
            check_secret_name(bad)
        # ...and the configuration refuses the same names for token_keyring.
        with pytest.raises(ValueError, match="keyring entry name"):
            CheckProviderConfig(provider="http", base_url="https://x.az", token_keyring=bad)
    check_secret_name("e-sosial_2")
    store_secret("e-sosial_2", "tok")
    assert secret("e-sosial_2") == "tok"
    assert secret("nothing-here") is None
