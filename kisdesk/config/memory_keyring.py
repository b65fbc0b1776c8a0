"""An in-memory keyring backend.

Used for the session-only mode (no secure OS keyring: nothing is persisted, ever) and by tests.
It never falls back to a file.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 0.1  # never chosen automatically; only set explicitly

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            del self._store[(service, username)]
        except KeyError as exc:
            raise PasswordDeleteError(f"no entry for {service}") from exc

    def entries(self) -> list[tuple[str, str]]:
        """(service, username) pairs held; for 'forget profile' checks and tests."""
        return list(self._store)
