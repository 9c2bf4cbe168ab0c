"""Unit of work: one transaction that rolls back unless commit() is called."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.domain.errors import Conflict, ReadOnlyDatabase, StaleRecord, UserError
from desktop_app.services.failures import explain_integrity, user_error

STALE = "this record was changed or deleted elsewhere — reload to see the change"


class UnitOfWork:
    """A context manager around one SQLAlchemy session; nothing is saved without commit().

    Database failures inside the with block leave it as one plain UserError (the details
    are logged), so no SQL or personal data reaches a message.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        where: str = "the database",
        read_only_reason: str | None = None,
        backup: Callable[[str], object] | None = None,
    ) -> None:
        self._factory = session_factory
        self._session: Session | None = None
        self.where = where
        self.read_only_reason = read_only_reason
        self._backup = backup

    @property
    def session(self) -> Session:
        """The SQLAlchemy session; only valid inside the with block."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its with block")
        return self._session

    @property
    def read_only(self) -> bool:
        """True when this database may be read but not changed."""
        return self.read_only_reason is not None

    def check_writable(self) -> None:
        """ReadOnlyDatabase (saying why) when changes cannot be saved."""
        if self.read_only_reason is not None:
            raise ReadOnlyDatabase(f"{self.read_only_reason} (nothing was changed)")

    def backup(self, kind: str) -> None:
        """Back the database file up before a big change (a no-op where that is not ours
        to do, e.g. a database server); UserError when the copy cannot be written."""
        if self._backup is not None:
            self._backup(kind)

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        except Exception:  # a failed rollback (a dead connection) must not hide the cause
            if exc is None:
                raise
        finally:
            self._session.close()
            self._session = None
        if exc is not None and not isinstance(exc, UserError):
            found = user_error(exc, self.where, self.read_only_reason)
            if found is not None:
                raise found from None

    def flush(self) -> None:
        """Send pending changes so ids exist, turning refusals into plain errors."""
        self.check_writable()
        try:
            self.session.flush()
        except IntegrityError as error:
            self.session.rollback()
            raise Conflict(explain_integrity(error)) from None
        except StaleDataError:
            self.session.rollback()
            raise StaleRecord(STALE) from None

    def commit(self) -> None:
        """Make the changes permanent, turning refusals into plain errors."""
        self.check_writable()
        try:
            self.session.commit()
        except IntegrityError as error:
            self.session.rollback()
            raise Conflict(explain_integrity(error)) from None
        except StaleDataError:
            self.session.rollback()
            raise StaleRecord(STALE) from None
