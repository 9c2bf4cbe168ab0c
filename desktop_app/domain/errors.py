"""Errors a user can cause and fix, kept apart from bugs."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; its message is shown as it is, without a traceback."""


class NotFound(UserError):
    """A record that was asked for by id does not exist."""


class ValidationError(UserError):
    """One or more fields hold values that cannot be saved."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {text}" for field, text in self.problems.items()))


class Conflict(UserError):
    """Saving would break a uniqueness rule (e.g. a second registrant with the same email)."""


class StaleRecord(UserError):
    """The record was changed (or deleted) by someone else since the caller read it."""


class ReadOnlyDatabase(UserError):
    """The database was opened read-only (another copy has it, or it is damaged)."""
