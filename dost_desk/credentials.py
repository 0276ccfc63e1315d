"""Secrets in the operating system's keyring (Windows Credential Manager, macOS Keychain,
Secret Service), never in the plain configuration (Qt-free).

* **database passwords**: a PostgreSQL URL in the config names the user but no password
  (``postgresql+psycopg://centre123@db.example/dost``); :func:`with_stored_password` fills
  in the one stored with ``dost-desk config set-password URL`` when the engine is made;
* **tokens** of the checks' and notices' HTTP providers (``token_keyring = "NAME"``):
  :func:`secret`, stored with ``dost-desk config set-secret NAME``.

Where no keyring exists (a headless Linux server), nothing is filled in and storing fails
with :class:`CredentialError`: there libpq's own password file (``PGPASSFILE``, mode
0600) and the providers' ``token_file`` do the same job.
"""

from __future__ import annotations

from typing import Any

SERVICE = "dost-desk"


class CredentialError(Exception):
    """A secret cannot be stored or read; the text names why, never the secret."""


def _keyring() -> Any | None:
    """The keyring module when a usable backend exists, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend means "no keyring" here
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def _required() -> Any:
    keyring = _keyring()
    if keyring is None:
        raise CredentialError(
            "no keyring is available on this computer: use a PostgreSQL password file "
            "(PGPASSFILE) for database passwords and token_file for tokens"
        )
    return keyring


def database_key(url: str) -> str:
    """The keyring entry of a database login: ``db:user@host:port/database``."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return (
        f"db:{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}"
        f"/{parsed.database or ''}"
    )


def with_stored_password(url: str) -> str:
    """``url`` with the keyring's password when it is a PostgreSQL URL with a user and no
    password, and one is stored; otherwise ``url`` unchanged."""
    if not url.startswith(("postgresql", "postgres")):
        return url
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # a malformed URL is reported by the engine
        return url
    if not parsed.username or parsed.password is not None:
        return url
    keyring = _keyring()
    if keyring is None:
        return url
    try:
        password = keyring.get_password(SERVICE, database_key(url))
    except Exception:  # a locked keyring: connect without, say why there
        return url
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def store_database_password(url: str, password: str) -> str:
    """Keep ``password`` for the login of ``url``; return the entry's name."""
    if not password:
        raise CredentialError("the password is empty")
    key = database_key(url)
    _store(key, password)
    return key


def forget_database_password(url: str) -> bool:
    """Remove the stored password of ``url``'s login; False when none was stored."""
    return _forget(database_key(url))


def secret(name: str) -> str | None:
    """The secret stored under ``name`` (an HTTP token), or None."""
    keyring = _required()
    try:
        return keyring.get_password(SERVICE, f"secret:{name}")
    except Exception as error:
        raise CredentialError(f"the keyring cannot be read: {type(error).__name__}") from None


def store_secret(name: str, value: str) -> str:
    if not value:
        raise CredentialError("the secret is empty")
    key = f"secret:{name}"
    _store(key, value)
    return key


def _store(key: str, value: str) -> None:
    keyring = _required()
    try:
        keyring.set_password(SERVICE, key, value)
    except Exception as error:
        raise CredentialError(
            f"the keyring refused to store {key}: {type(error).__name__}"
        ) from None


def _forget(key: str) -> bool:
    keyring = _required()
    try:
        keyring.delete_password(SERVICE, key)
    except Exception:  # PasswordDeleteError: nothing stored
        return False
    return True
