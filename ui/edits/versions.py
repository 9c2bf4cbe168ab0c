"""The versions of records this window has written, so Undo names the version it left.

An undo or redo expects a record at the version this copy's last change left it; another
copy's change since makes the service refuse (StaleRecord) instead of wiping it. A form
still showing the version this copy replaced (its reload has not landed yet) is mapped to
the newer one, since that change was ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Key = tuple[str, int]  # (table, record id)
FIRST_VERSION = 1  # what a newly created record starts at


class VersionBook:
    """Latest version per record written by this copy, and the versions it replaced."""

    def __init__(self) -> None:
        self._latest: dict[Key, int] = {}
        self._replaced: dict[Key, set[int]] = {}

    def expect(self, key: Key, seen: int) -> int:
        """The version to name when saving over what a form saw."""
        if seen in self._replaced.get(key, ()):
            return self._latest[key]
        return seen

    def latest(self, key: Key) -> int:
        """The version this copy's last change left the record at."""
        return self._latest[key]

    def wrote(self, key: Key, before: int, after: int) -> None:
        """Note a change of ours from one version to the next."""
        self._replaced.setdefault(key, set()).add(before)
        self._latest[key] = after

    def now(self, table: str, versions: Mapping[int, int]) -> None:
        """Note the versions records have after a change of ours (restore, bulk edits)."""
        for record_id, version in versions.items():
            key = (table, record_id)
            if key in self._latest:
                self._replaced.setdefault(key, set()).add(self._latest[key])
            self._latest[key] = version

    def latest_of(self, table: str, ids: Iterable[int]) -> dict[int, int]:
        """latest() for many records of one table, as id -> version."""
        return {i: self._latest[(table, i)] for i in ids}
