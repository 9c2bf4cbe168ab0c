"""A form's checkbox question naming sessions: each person registered for each session they
ticked, in one transaction, undone together."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.errors import UserError
from desktop_app.services import changes, choice_import, imports, registrants, sessions, stats

FORM = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "google-forms-responses.csv"
KICKOFF, DEEP_DIVE = "Kickoff", "Deep dive: open contracting"


def registered_for(app: App, email: str) -> set[int]:
    person = registrants.find_by_email(app.uow(), email)
    if person is None:
        return set()
    return {
        r.session_id for r in registrants.list_registrations(app.uow(), registrant_id=person.id)
    }


def test_preview_counts_exactly_and_writes_nothing(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    preview = imports.preview_import(demo_app.uow(), FORM, rows[0].id)
    before = stats.stats(demo_app.uow())
    mapping = {KICKOFF: rows[0].id, DEEP_DIVE: rows[2].id}
    dry = choice_import.import_choices(demo_app.uow(), preview, mapping, dry_run=True)
    assert stats.stats(demo_app.uow()) == before
    assert [(p.choice, p.session_id) for p in dry.parts] == [
        (KICKOFF, rows[0].id),
        (DEEP_DIVE, rows[2].id),
    ]
    kickoff, deep_dive = (p.report for p in dry.parts)
    # Amara ticked both: created by the first part, only registered by the second.
    assert (kickoff.registrants_created, kickoff.registrations_created) == (2, 2)
    assert (deep_dive.registrants_created, deep_dive.registrations_created) == (1, 2)
    assert dry.unplaced == () and dry.changed and dry.batch_ids == ()


def test_import_then_undo_takes_back_every_session(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    before = stats.stats(demo_app.uow())
    preview = imports.preview_import(demo_app.uow(), FORM, rows[0].id)
    mapping = {KICKOFF: rows[0].id, DEEP_DIVE: rows[2].id}
    done = choice_import.import_choices(demo_app.uow(), preview, mapping)
    assert len(done.batch_ids) == 2
    assert registered_for(demo_app, "amara.okafor@lagos.example") == {rows[0].id, rows[2].id}
    assert registered_for(demo_app, "jonas.berg@malmo.example") == {rows[0].id}
    assert registered_for(demo_app, "priya.nair@kochi.example") == {rows[2].id}
    history = imports.list_batches(demo_app.uow())
    assert {b.session_id for b in history[:2]} == {rows[0].id, rows[2].id}
    assert history[0].together == (history[1].id,) and history[1].together == (history[0].id,)
    imports.undo_import(demo_app.uow(), done.batch_ids[0])  # either one undoes both
    assert stats.stats(demo_app.uow()) == before
    assert all(b.undone_at is not None for b in imports.list_batches(demo_app.uow())[:2])
    with pytest.raises(UserError, match="already undone"):
        imports.undo_import(demo_app.uow(), done.batch_ids[1])


def test_an_answer_left_out_and_the_people_it_leaves(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    preview = imports.preview_import(demo_app.uow(), FORM, rows[0].id)
    done = choice_import.import_choices(
        demo_app.uow(), preview, {KICKOFF: None, DEEP_DIVE: rows[1].id}
    )
    assert [p.choice for p in done.parts] == [DEEP_DIVE] and len(done.batch_ids) == 1
    assert done.unplaced == ("jonas.berg@malmo.example",)
    assert registrants.find_by_email(demo_app.uow(), "jonas.berg@malmo.example") is None
    with pytest.raises(UserError, match="at least one answer"):
        choice_import.import_choices(demo_app.uow(), preview, {KICKOFF: None, DEEP_DIVE: None})


def test_progress_runs_once_across_the_parts(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    preview = imports.preview_import(demo_app.uow(), FORM, rows[0].id)
    seen: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    mapping = {KICKOFF: rows[0].id, DEEP_DIVE: rows[2].id}
    choice_import.import_choices(demo_app.uow(), preview, mapping, keep_going=keep_going)
    done = [d for d, _ in seen]
    assert done == sorted(done) and {t for _, t in seen} == {4}  # 2 + 2 people, one count
    assert done[-1] == 4


def test_a_file_changed_since_the_preview_is_refused(demo_app: App, tmp_path: Path) -> None:
    copy = tmp_path / "form.csv"
    copy.write_bytes(FORM.read_bytes())
    rows = sessions.list_sessions(demo_app.uow())
    preview = imports.preview_import(demo_app.uow(), copy, rows[0].id)
    copy.write_bytes(
        FORM.read_bytes() + b"2026/08/04 10:00:00 AM GMT-7,late@x.example,Late,,Kickoff,Yes,\n"
    )
    with pytest.raises(UserError, match="changed since the preview"):
        choice_import.import_choices(demo_app.uow(), preview, {KICKOFF: rows[0].id})
    assert imports.list_batches(demo_app.uow()) == []


def test_colleagues_see_the_import_and_its_undo(demo_app: App) -> None:
    colleague = open_app(demo_app.url)  # a second copy of the app on the same database
    try:
        rows = sessions.list_sessions(demo_app.uow())
        seen = changes.latest(colleague.uow())
        preview = imports.preview_import(demo_app.uow(), FORM, rows[0].id)
        mapping = {KICKOFF: rows[0].id, DEEP_DIVE: rows[2].id}
        done = choice_import.import_choices(demo_app.uow(), preview, mapping)
        news = changes.changes_since(colleague.uow(), seen)
        assert news.touches("registrants") and news.touches("registrations")
        assert news.touches("import_batches")
        found = registrants.list_registrants(colleague.uow(), text="amara okafor lagos")
        assert [r.email for r in found] == ["amara.okafor@lagos.example"]  # searchable
        assert imports.undo_import(demo_app.uow(), done.batch_ids[1]) == 0  # nothing kept
        later = changes.changes_since(colleague.uow(), news.counter)
        assert later.counter > news.counter and later.touches("registrants")
    finally:
        colleague.close()
