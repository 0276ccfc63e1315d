"""`dost-desk config set-password | forget-password | set-secret`, and the warning of
`config show` about a password left in a URL; on a real file-backed keyring."""

from __future__ import annotations

import io
import json

import pytest

from dost_desk.cli import main
from dost_desk.credentials import database_password, secret, with_stored_password

LOGIN = "postgresql+psycopg://centre123@db.example:5432/dost"


class _Terminal(io.StringIO):
    """stdin as an interactive terminal: the secret is asked with getpass."""

    def isatty(self) -> bool:
        return True


def _typed(monkeypatch, *answers: str) -> list[str]:
    """getpass answers ``answers`` in turn; returns the prompts it was given."""
    prompts: list[str] = []
    replies = iter(answers)

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr("sys.stdin", _Terminal(""))
    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def test_set_password_from_stdin_and_config_show_never_prints_it(
    file_keyring, isolated_config, monkeypatch, capsys
):
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    assert main(["config", "set-password", LOGIN]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"stored the password of {LOGIN} in the keyring "
        "(keyring backend FileKeyring: dost-desk / db:centre123@db.example:5432/dost)\n"
    )
    assert database_password(LOGIN) == "s3cret-pass"

    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(f'upstream_url = "{LOGIN}"\n', encoding="utf-8")
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-pass" not in out and "warning" not in out
    assert main(["config", "show", "--json"]) == 0
    assert "s3cret-pass" not in capsys.readouterr().out

    assert main(["config", "forget-password", LOGIN]) == 0
    assert capsys.readouterr().out == "removed the stored password\n"
    assert with_stored_password(LOGIN) == LOGIN
    assert main(["config", "forget-password", LOGIN]) == 0
    assert capsys.readouterr().out == "no password was stored for this login\n"


def test_on_a_terminal_the_password_is_asked_twice(file_keyring, monkeypatch, capsys):
    prompts = _typed(monkeypatch, "first", "second")
    assert main(["config", "set-password", LOGIN]) == 1
    assert prompts == ["password: ", "again: "]
    err = capsys.readouterr().err
    assert err == "dost-desk: error: the two entries differ; nothing was stored\n"
    assert database_password(LOGIN) is None

    _typed(monkeypatch, "same-pw", "same-pw")
    assert main(["config", "set-password", LOGIN]) == 0
    assert database_password(LOGIN) == "same-pw"


def test_an_empty_password_is_not_stored(file_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["config", "set-password", LOGIN]) == 1
    assert "the password is empty; nothing was stored" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (LOGIN.replace("centre123", "centre123:pw"), "without its password"),
        ("postgresql+psycopg://db.example/dost", "with a user name"),
        ("sqlite:///desk.sqlite3", "with a user name"),
        ("mysql://u@h/db", "unsupported database"),
    ],
)
def test_set_password_wants_a_postgresql_login_without_a_password(
    file_keyring, monkeypatch, capsys, url, words
):
    monkeypatch.setattr("sys.stdin", io.StringIO("never-read\n"))
    assert main(["config", "set-password", url]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "pw@" not in err
    assert main(["config", "forget-password", url]) == 1


def test_without_a_keyring_the_commands_say_what_to_use_instead(no_keyring, monkeypatch, capsys):
    stdin = io.StringIO("never-read\n")
    monkeypatch.setattr("sys.stdin", stdin)
    for command in (["set-password", LOGIN], ["forget-password", LOGIN], ["set-secret", "x"]):
        assert main(["config", *command]) == 1
        err = capsys.readouterr().err
        assert err.startswith("dost-desk: error: no keyring is available on this computer")
        assert "PGPASSFILE" in err and "token_file" in err and err.count("\n") == 1
    assert stdin.tell() == 0  # nothing was asked for that could not be kept


def test_set_secret_keeps_a_token_under_its_name(file_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("tok-from-stdin\r\n"))
    assert main(["config", "set-secret", "monitoring"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "stored the token monitoring in the keyring (keyring backend FileKeyring: "
        'dost-desk / secret:monitoring); use it with token_keyring = "monitoring"\n'
    )
    assert secret("monitoring") == "tok-from-stdin"

    monkeypatch.setattr("sys.stdin", io.StringIO("never-read\n"))
    assert main(["config", "set-secret", "Monitoring Token"]) == 1
    assert "cannot name a secret" in capsys.readouterr().err


def _config_with(isolated_config, text: str) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(text, encoding="utf-8")


def test_config_show_warns_about_a_password_left_in_a_url(
    file_keyring, isolated_config, monkeypatch, capsys
):
    _config_with(isolated_config, 'upstream_url = "postgresql+psycopg://c:plain@db.example/d"\n')
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", "postgresql+psycopg://c:envpw@db/d")
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "plain@" not in out and "envpw" not in out
    warnings = [line for line in out.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        "warning: database_url (environment variable DOST_DESK_DATABASE_URL) holds a password "
        "in plain text: remove it from the URL and move it to the keyring with "
        "`dost-desk config set-password URL`",
        f"warning: upstream_url ({isolated_config}) holds a password in plain text: remove it "
        "from the URL and move it to the keyring with `dost-desk config set-password URL`",
    ]
    assert main(["config", "show", "--json"]) == 0  # a warning, not an error
    data = json.loads(capsys.readouterr().out)
    assert [warning.split(" (")[0] for warning in data["warnings"]] == [
        "database_url",
        "upstream_url",
    ]


def test_no_warning_where_no_keyring_could_keep_the_password(no_keyring, isolated_config, capsys):
    _config_with(isolated_config, 'upstream_url = "postgresql+psycopg://c:plain@db.example/d"\n')
    assert main(["config", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == []
