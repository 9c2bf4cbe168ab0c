"""The error a reader raises for a file it cannot take."""

from __future__ import annotations

from desktop_app.domain.errors import UserError


class ImportRefused(UserError):
    """The file cannot be read as a table; nothing was imported."""
