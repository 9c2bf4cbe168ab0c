"""Undoable deletion: everything removed comes back exactly, with its ids."""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.bootstrap import App
from desktop_app.services import sessions, snapshots, speakers, stats


def table_dump(app: App) -> dict[str, list[tuple[object, ...]]]:
    names = [
        "series",
        "sessions",
        "speakers",
        "session_speakers",
        "registrants",
        "registrations",
        "run_of_show_segments",
    ]
    with app.engine.connect() as connection:
        return {n: connection.execute(text(f"SELECT * FROM {n} ORDER BY id")).all() for n in names}


def test_deleting_a_session_and_undoing_restores_everything(demo_app: App) -> None:
    before = table_dump(demo_app)
    session = sessions.list_sessions(demo_app.uow())[1]
    snap = snapshots.delete_with_snapshot(demo_app.uow(), "sessions", [session.id])
    assert snap.count("sessions") == 1
    assert snap.count("registrations") == session.registered
    assert snap.count("session_speakers") == 3  # two panelists and the After Hours host
    assert stats.stats(demo_app.uow()).sessions == 3
    snapshots.restore(demo_app.uow(), snap)
    assert table_dump(demo_app) == before


def test_deleting_a_speaker_restores_the_after_hours_host_reference(demo_app: App) -> None:
    before = table_dump(demo_app)
    host = next(s for s in speakers.list_speakers(demo_app.uow()) if s.session_count == 3)
    snap = snapshots.delete_with_snapshot(demo_app.uow(), "speakers", [host.id])
    assert len(snap.nulled) == 3
    assert all(s.after_hours_host_id is None for s in sessions.list_sessions(demo_app.uow()))
    snapshots.restore(demo_app.uow(), snap)
    assert table_dump(demo_app) == before


def test_deleting_the_series_takes_and_restores_all(demo_app: App) -> None:
    before = table_dump(demo_app)
    snap = snapshots.capture(demo_app.uow(), "series", [1])
    assert snap.count("sessions") == 4 and snap.count("registrations") > 0
    assert table_dump(demo_app) == before  # capture alone changes nothing
    snapshots.delete_with_snapshot(demo_app.uow(), "series", [1])
    assert stats.stats(demo_app.uow()).registrations == 0
    snapshots.restore(demo_app.uow(), snap)
    assert table_dump(demo_app) == before


def test_registrants_with_their_registrations(demo_app: App) -> None:
    before = table_dump(demo_app)
    snap = snapshots.delete_with_snapshot(demo_app.uow(), "registrants", [1, 2, 3])
    assert snap.count("registrants") == 3 and snap.count("registrations") >= 3
    snapshots.restore(demo_app.uow(), snap)
    assert table_dump(demo_app) == before
