"""Secrets in the operating system's keyring (Windows Credential Manager, macOS Keychain,
Secret Service), never in the plain configuration (Qt-free, light imports).

* **database passwords**: a PostgreSQL URL in the config names the user but no password
  (``postgresql+psycopg://centre123@db.example/dost``); :func:`with_stored_password` fills
  in the one stored with ``dost-desk config set-password URL`` when the engine is made.
  The entry is the login ``db:user@host:port/database``, whatever the driver prefix.
* **tokens** of the checks' and notices' HTTP providers (``token_keyring = "NAME"``):
  :func:`secret`, stored with ``dost-desk config set-secret NAME``.

Where no keyring exists (a headless Linux server), nothing is filled in and storing fails
with :class:`CredentialError`: there libpq's own password file (``PGPASSFILE``, mode
0600), which psycopg reads when the URL has no password, and the providers'
``token_file`` do the same job.
"""

from __future__ import annotations

import logging
import re
from typing import Any

SERVICE = "dost-desk"
SECRET_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")  # as config.py's token_keyring accepts

_log = logging.getLogger(__name__)


class CredentialError(Exception):
    """A secret cannot be stored or read; the text is one line naming why, never the secret."""


def _backend() -> tuple[Any | None, str]:
    """The keyring module when a usable backend exists, else None and the reason."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None, "the keyring package is not installed"
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a backend that breaks while loading means "no keyring"
        return None, f"the keyring backend failed to load: {type(error).__name__}"
    if isinstance(backend, fail.Keyring):
        return None, "no keyring backend was found"
    return keyring, ""


def keyring_available() -> bool:
    """True when passwords and tokens can be kept in a keyring on this computer."""
    return _backend()[0] is not None


def backend_name() -> str:
    """The keyring in use, for messages (``Windows WinVaultKeyring``), or why there is none."""
    keyring, reason = _backend()
    if keyring is None:
        return f"none ({reason})"
    return str(keyring.get_keyring().name)


def require_keyring() -> Any:
    """The keyring module; raises :class:`CredentialError` saying what to use instead."""
    keyring, reason = _backend()
    if keyring is None:
        raise CredentialError(
            f"no keyring is available on this computer ({reason}): use a PostgreSQL "
            "password file (PGPASSFILE) for database passwords and token_file for tokens"
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


def database_password(url: str) -> str | None:
    """The stored password of ``url``'s login, or None; raises :class:`CredentialError`
    when there is no keyring or it cannot be read."""
    return _read(database_key(url))


def with_stored_password(url: str) -> str:
    """``url`` with the keyring's password when it is a PostgreSQL URL with a user and no
    password, and one is stored; otherwise ``url`` unchanged (libpq's PGPASSFILE may
    still supply it when the connection is made)."""
    if not url.startswith("postgres"):
        return url
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # a malformed URL is reported by the engine, with the password masked
        return url
    if not parsed.username or parsed.password is not None or not keyring_available():
        return url
    try:
        password = database_password(url)
    except CredentialError as error:  # a locked keyring: connect without, the server says why
        _log.warning("%s", error)
        return url
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def store_database_password(url: str, password: str) -> str:
    """Keep ``password`` for the login of ``url``; return the entry's name."""
    if not password:
        raise CredentialError("the password is empty; nothing was stored")
    key = database_key(url)
    _store(key, password)
    return key


def forget_database_password(url: str) -> bool:
    """Remove the stored password of ``url``'s login; False when none was stored."""
    return _forget(database_key(url))


def check_secret_name(name: str) -> None:
    """Raise :class:`CredentialError` unless ``name`` can name a token (``monitoring``)."""
    if not SECRET_NAME.fullmatch(name):
        raise CredentialError(
            f"{name!r} cannot name a secret: use lower-case letters, digits, _ and - "
            "(e.g. monitoring)"
        )


def secret(name: str) -> str | None:
    """The secret stored under ``name`` (an HTTP token), or None when there is none;
    raises :class:`CredentialError` when there is no keyring or it cannot be read."""
    return _read(f"secret:{name}")


def store_secret(name: str, value: str) -> str:
    """Keep ``value`` under ``name``; return the entry's name."""
    check_secret_name(name)
    if not value:
        raise CredentialError("the secret is empty; nothing was stored")
    key = f"secret:{name}"
    _store(key, value)
    return key


def _read(key: str) -> str | None:
    keyring = require_keyring()
    try:
        return keyring.get_password(SERVICE, key)
    except Exception as error:  # every backend has its own errors; name the kind only
        raise CredentialError(
            f"the keyring cannot be read ({key}): {type(error).__name__}"
        ) from None


def _store(key: str, value: str) -> None:
    keyring = require_keyring()
    try:
        keyring.set_password(SERVICE, key, value)
    except Exception as error:  # the error's text may quote what was being stored
        raise CredentialError(
            f"the keyring refused to store {key}: {type(error).__name__}"
        ) from None


def _forget(key: str) -> bool:
    keyring = require_keyring()
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:  # nothing stored under that name
        return False
    except Exception as error:
        raise CredentialError(
            f"the keyring refused to remove {key}: {type(error).__name__}"
        ) from None
    return True
