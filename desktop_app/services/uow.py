"""Unit of work: one transaction that rolls back unless commit() is called."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import server_errors
from desktop_app.domain.errors import Conflict, UserError


class UnitOfWork:
    """A context manager around one SQLAlchemy session; nothing is saved without commit()."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The SQLAlchemy session; only valid inside the with block."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its with block")
        return self._session

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
        except DBAPIError:  # a dead connection cannot roll back; the server already did
            if exc is None:
                raise
        finally:
            self._session.close()
            self._session = None
        if isinstance(exc, DBAPIError):
            # A server's failure (network, password, locks) as one plain line.
            plain = server_errors.explain(exc, "the team's database")
            if plain is not None:
                raise UserError(plain) from None

    def flush(self) -> None:
        """Send pending changes so ids exist, turning uniqueness errors into Conflict."""
        try:
            self.session.flush()
        except IntegrityError as error:
            self.session.rollback()
            raise Conflict(_explain(error)) from None

    def commit(self) -> None:
        """Make the changes permanent, turning uniqueness errors into Conflict."""
        try:
            self.session.commit()
        except IntegrityError as error:
            self.session.rollback()
            raise Conflict(_explain(error)) from None


def _explain(error: IntegrityError) -> str:
    """Plain words for a constraint the database refused."""
    text = str(error.orig).splitlines()[0]  # a server adds the values on a DETAIL line
    if "UNIQUE" in text or "unique" in text or "duplicate" in text:
        what = text.split(":", 1)[-1].strip()
        return f"this would create a duplicate ({what}); change it or edit the existing record"
    if "FOREIGN KEY" in text or "foreign key" in text:
        return "this refers to a record that does not exist (it may have been deleted)"
    return f"the database refused the change: {text}"
