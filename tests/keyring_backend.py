"""A real keyring backend keeping its entries in a JSON file (for tests: the machines
here have no Secret Service). Installed with ``keyring.set_keyring``, it is what the
app's keyring calls reach, exactly as the Windows Credential Manager backend would be."""

from __future__ import annotations

import json
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _entries(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text(encoding="utf-8"))

    def _key(self, service: str, username: str) -> str:
        return f"{service}\x1f{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[self._key(service, username)] = password
        self.path.write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError("not stored")
        self.path.write_text(json.dumps(entries), encoding="utf-8")
