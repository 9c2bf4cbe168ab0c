"""Records what each saving transaction changed, and moves the change counter on.

Installed on a session factory: ORM changes are noted after every flush, bulk statements
note themselves (note_bulk). Just before commit the one counter row is moved on by one and
the notes are written under its new value. The counter row stays locked until the commit,
so counter values are handed out in commit order: a window that has seen value N has seen
every change up to N, on a server shared by many copies of the app as on a laptop.
"""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, event, insert, inspect, update
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import ChangeCounter, ChangeLog

USER_ENV = "WEBINAR_DESK_USER"
NOTES = "webinar_desk_changes"
ORIGIN = "webinar_desk_origin"
USER = "webinar_desk_user"
MANY = 200  # more ids than this of one table in one transaction are noted as "many"
KEEP = 50_000  # counter values of history kept; a window further behind reloads everything
UNTRACKED = {"change_counter", "change_log", "alembic_version"}
Notes = dict[str, dict[int | None, str]]  # table -> record id (None: many) -> action


def default_user() -> str:
    """Who saves, as colleagues see it: $WEBINAR_DESK_USER, else login@computer."""
    named = os.environ.get(USER_ENV, "").strip()
    if named:
        return named[:200]
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        login = "someone"
    return f"{login}@{socket.gethostname()}"[:200]


def install(factory: sessionmaker[Session], user: str | None = None) -> str:
    """Record changes made through factory's sessions; returns this copy's origin id."""
    origin = str(uuid.uuid4())
    factory.configure(info={USER: user or default_user(), ORIGIN: origin})
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _forget)
    event.listen(factory, "after_rollback", _forget)
    return origin


def note_bulk(session: Session, table: str, ids: Iterable[int] | None = None) -> None:
    """Note rows a bulk statement changed (ids, or None for 'many of them')."""
    notes: Notes = session.info.setdefault(NOTES, {})
    changed = notes.setdefault(table, {})
    if ids is None:
        changed[None] = "bulk"
    else:
        for record_id in ids:
            changed.setdefault(record_id, "update")


def _after_flush(session: Session, _context: Any) -> None:
    """Note the records this flush inserted, changed or deleted (the lists are pre-flush)."""
    notes: Notes = session.info.setdefault(NOTES, {})
    for objects, action in (
        (session.new, "insert"),
        (session.dirty, "update"),
        (session.deleted, "delete"),
    ):
        for record in objects:
            if action == "update" and not session.is_modified(record, include_collections=False):
                continue
            state = inspect(record)
            table = state.mapper.local_table.name
            if table in UNTRACKED:
                continue
            key = state.mapper.primary_key_from_instance(record)  # set once inserted
            record_id = key[0] if len(key) == 1 and isinstance(key[0], int) else None
            notes.setdefault(table, {})[record_id] = action


def _before_commit(session: Session) -> None:
    """Move the counter on and log the notes, inside the transaction being committed."""
    session.flush()  # what is still pending is noted too
    notes: Notes | None = session.info.pop(NOTES, None)
    if not notes:
        return
    counter = session.execute(
        update(ChangeCounter)
        .where(ChangeCounter.id == 1)
        .values(value=ChangeCounter.value + 1)
        .returning(ChangeCounter.value)
    ).scalar_one()
    who, origin, now = session.info.get(USER, ""), session.info.get(ORIGIN, ""), _now()
    rows = []
    for table, changed in notes.items():
        # Each record by id (for "changed by … at …"), unless there are too many; a bulk
        # statement's "many of them" is kept beside the ids it named.
        single: list[tuple[int | None, str]] = [(i, a) for i, a in changed.items() if i is not None]
        items = single if len(single) <= MANY else []
        if None in changed or len(single) > MANY:
            items.append((None, "bulk"))
        rows += [
            {
                "counter": counter,
                "table_name": table,
                "record_id": record_id,
                "action": action,
                "changed_by": who,
                "origin": origin,
                "changed_at": now,
            }
            for record_id, action in items
        ]
    session.execute(insert(ChangeLog), rows)
    if counter % 1000 == 0:  # now and then, forget the oldest history
        session.execute(delete(ChangeLog).where(ChangeLog.counter < counter - KEEP))
    session.info.pop(NOTES, None)


def _forget(session: Session) -> None:
    """Nothing noted survives a commit or a rollback."""
    session.info.pop(NOTES, None)


def _now() -> datetime:
    return datetime.now(UTC)
