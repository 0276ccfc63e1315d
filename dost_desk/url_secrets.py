"""Database URLs and error texts made safe to print, log or store: passwords never shown.

SQLAlchemy's own URL object parses and masks; a URL it would misread (an unencoded ``@`` in a
password) is refused by the settings and masked here by keeping only what follows its last ``@``.
"""

from __future__ import annotations

import re

URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_QUERY_PASSWORD = re.compile(r"(?P<key>[?&](?:password|passwd|pwd)=)[^&#]*", re.IGNORECASE)
# A URL inside a message, and libpq's ``password=...`` (a conninfo string echoed back).
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"<>]+")
_CONNINFO_PASSWORD = re.compile(r"(?P<key>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.I)
UNENCODED_AT = (
    "has an '@' in its user name, password or database name: write each such '@' as %40 "
    "(percent-encoded), or keep the password in the keyring with `dost-desk config set-password`"
)


def ambiguous_database_url(url: str) -> bool:
    """True when SQLAlchemy would read ``url`` wrongly because of an unencoded ``@``
    (``user:p@ss@host`` makes the host ``ss@host``, leaking part of the password)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # a malformed URL is not ambiguous: it is refused as malformed
        return False
    if parsed.get_backend_name() == "sqlite":
        return "@" in (parsed.host or "")  # a SQLite path may hold '@'
    return any("@" in (part or "") for part in (parsed.host, parsed.database))


def masked_database_url(url: str) -> str:
    """Return ``url`` with any password replaced by ``***`` (safe to print, log or store).

    Parsed by SQLAlchemy's own URL object; a URL it would misread (an unencoded ``@``) or
    cannot parse keeps only what follows its last ``@``, so no part of a password shows.
    """
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # ArgumentError, or ValueError for a port that is not a number
        return _masked_unparsed(url)
    if ambiguous_database_url(url):
        return _masked_unparsed(url)
    masked = url if parsed.password is None else parsed.render_as_string(hide_password=True)
    return _QUERY_PASSWORD.sub(r"\g<key>***", masked)


def _masked_unparsed(url: str) -> str:
    scheme = URL_SCHEME.match(url)
    if scheme is None:
        return "(a malformed URL, not shown)"
    rest = url[scheme.end() :]
    before_query, mark, query = rest.partition("?")
    if "@" in before_query:
        before_query = "***@" + before_query.rsplit("@", 1)[1]
    return _QUERY_PASSWORD.sub(r"\g<key>***", f"{scheme.group()}{before_query}{mark}{query}")


def redact_secrets(text: str) -> str:
    """``text`` (an error message) with the passwords of URLs and of libpq connection
    strings in it replaced by ``***``."""
    text = _URL_IN_TEXT.sub(lambda match: masked_database_url(match.group()), text)
    return _CONNINFO_PASSWORD.sub(r"\g<key>***", text)
