"""A session's calendar UID stays; its SEQUENCE rises whenever calendars must update."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.row_data import session_data
from desktop_app.services import sessions, snapshots
from tests.integration.mail_world import make_world

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def sequence_of(app: App, session_id: int) -> int:
    with app.engine.connect() as connection:
        found = connection.execute(
            text("SELECT sequence FROM sessions WHERE id = :id"), {"id": session_id}
        ).scalar_one()
    assert isinstance(found, int)
    return found


def uid_of(app: App, session_id: int) -> str:
    with app.engine.connect() as connection:
        return str(
            connection.execute(
                text("SELECT uid FROM sessions WHERE id = :id"), {"id": session_id}
            ).scalar_one()
        )


def test_only_time_title_link_and_cancellation_raise_the_sequence(app: App) -> None:
    world = make_world(app)
    sid = world.session_id
    data = session_data(sessions.get_session(app.uow(), sid))
    uid = uid_of(app, sid)
    steps = [
        (data, 0),  # saved unchanged (the editor's Apply with nothing edited)
        (replace(data, description="More words", subtitle="Sub"), 0),
        (replace(data, title="A new title"), 1),
        (replace(data, title="A new title", duration_minutes=90), 2),
        (replace(data, title="A new title", duration_minutes=90, join_url="https://x.org/2"), 3),
        (
            replace(
                data,
                title="A new title",
                duration_minutes=90,
                join_url="https://x.org/2",
                status=SessionStatus.DONE,
            ),
            3,
        ),
        (
            replace(
                data,
                title="A new title",
                duration_minutes=90,
                join_url="https://x.org/2",
                status=SessionStatus.CANCELLED,
            ),
            4,
        ),
    ]
    for changed, expected in steps:
        sessions.update_session(
            app.uow(), sid, changed, sessions.get_session(app.uow(), sid).version
        )
        assert sequence_of(app, sid) == expected
    # Undo puts the old values back: that, too, must reach calendars as an update.
    sessions.update_session(app.uow(), sid, data, sessions.get_session(app.uow(), sid).version)
    assert sequence_of(app, sid) == 5
    assert uid_of(app, sid) == uid


def test_new_sessions_get_distinct_uuids_and_restoring_keeps_them(app: App) -> None:
    world = make_world(app)
    other = sessions.create_session(
        app.uow(), world.series_id, session_data(sessions.get_session(app.uow(), world.session_id))
    )
    uids = {uid_of(app, world.session_id), uid_of(app, other)}
    assert len(uids) == 2 and all(uuid.UUID(u).version == 4 for u in uids)
    kept = uid_of(app, other)
    snapshot = snapshots.delete_with_snapshot(app.uow(), "sessions", [other])
    snapshots.restore(app.uow(), snapshot)
    assert uid_of(app, other) == kept


def test_an_old_database_gets_a_uid_per_session(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "webinar-desk-0.1.0.sqlite", copy)
    app = open_app(str(copy))
    try:
        with app.engine.connect() as connection:
            rows = connection.execute(text("SELECT uid, sequence FROM sessions")).all()
        assert len(rows) == 4
        assert len({uid for uid, _ in rows}) == 4
        assert all(uuid.UUID(uid) and sequence == 0 for uid, sequence in rows)
    finally:
        app.close()
