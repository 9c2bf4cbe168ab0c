"""One import at a time per database: a second one waits for the first, then plans anew.

On a server two colleagues may import at the same moment; each import holds the
database's import lock from planning to commit, so the second plans against what the
first saved (both land) — or, after a long wait, is told to try again (nothing is lost).
A SQLite file has one writer at a time anyway.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop_app.domain.errors import UserError
from desktop_app.services.uow import UnitOfWork

WAIT_SECONDS = 60
_KEY = "hashtext('webinar-desk-import')"


class ImportBusy(UserError):
    """A colleague's import was still running after the wait; nothing was imported."""


def wait_for_other_imports(uow: UnitOfWork, seconds: float = WAIT_SECONDS) -> None:
    """Take the import lock for this transaction (released at commit or rollback)."""
    session = uow.session
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(f"SET LOCAL lock_timeout = '{int(seconds * 1000)}ms'"))
    try:
        session.execute(text(f"SELECT pg_advisory_xact_lock({_KEY})"))
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", "") != "55P03":  # lock_not_available
            raise
        raise ImportBusy(
            "a colleague's import into this database is still running; try again when it "
            "has finished (nothing was imported)"
        ) from None
    session.execute(text("SET LOCAL lock_timeout TO DEFAULT"))
