"""Undo and redo name the version they expect: another copy's change is never wiped."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from desktop_app.bootstrap import App
from desktop_app.db import change_feed
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import StaleRecord
from desktop_app.domain.records import SpeakerData
from desktop_app.domain.row_data import registrant_data, session_data, speaker_data
from desktop_app.services import registrants, sessions, speakers
from desktop_app.services.uow import UnitOfWork
from ui.app import make_qt_app
from ui.edits import Edits


def another_copy(app: App) -> UnitOfWork:
    """A unit of work as a second copy of the app makes it (its own origin in the change
    log, saving as 'Maria'), on the same database."""
    factory = sessionmaker(app.engine, expire_on_commit=False)
    change_feed.install(factory, user="Maria")
    return UnitOfWork(factory)


def another_copy_changes_speaker(app: App, speaker_id: int, bio: str) -> None:
    """What a second copy of the app would do: load the speaker and save a change."""
    now = speakers.get_speaker(another_copy(app), speaker_id)
    speakers.update_speaker(
        another_copy(app), speaker_id, replace(speaker_data(now), bio=bio), now.version
    )


def test_undo_refuses_to_wipe_another_copys_change(demo_app: App, qtbot: QtBot) -> None:
    make_qt_app()
    edits = Edits(demo_app)
    row = speakers.list_speakers(demo_app.uow())[0]
    edits.update_speaker(row.id, replace(speaker_data(row), title="Mine"), row.version)
    another_copy_changes_speaker(demo_app, row.id, "Theirs")
    with qtbot.waitSignal(edits.failed) as failed:
        edits.stack.undo()
    assert "could not be reversed" in failed.args[0] and "changed by Maria at" in failed.args[0]
    now = speakers.get_speaker(demo_app.uow(), row.id)
    assert (now.title, now.bio) == ("Mine", "Theirs")


def test_a_stale_form_is_refused_but_this_copys_own_chain_is_not(
    demo_app: App, qtbot: QtBot
) -> None:
    make_qt_app()
    edits = Edits(demo_app)
    row = sessions.list_sessions(demo_app.uow())[0]
    # Two saves from a form whose reload has not landed yet: the first save was ours.
    edits.update_session(row.id, replace(session_data(row), title="One"), row.version)
    edits.update_session(row.id, replace(session_data(row), title="Two"), row.version)
    edits.stack.undo()
    edits.stack.undo()
    assert sessions.get_session(demo_app.uow(), row.id).title == row.title
    edits.stack.redo()
    edits.stack.redo()
    assert sessions.get_session(demo_app.uow(), row.id).title == "Two"
    # Another form's edits, loaded before all that, are refused.
    other = Edits(demo_app)
    try:
        other.update_session(row.id, replace(session_data(row), title="Stale"), row.version)
    except StaleRecord as error:
        assert "elsewhere in this app (another editor" in str(error) and "reload" in str(error)
    else:
        raise AssertionError("a stale save went through")
    assert sessions.get_session(demo_app.uow(), row.id).title == "Two"


def test_undo_of_a_creation_and_a_deletion_check_versions(demo_app: App, qtbot: QtBot) -> None:
    make_qt_app()
    edits = Edits(demo_app)
    new_id = edits.create_speaker(SpeakerData("Brand new"))
    another_copy_changes_speaker(demo_app, new_id, "Filled in elsewhere")
    with qtbot.waitSignal(edits.failed):
        edits.stack.undo()  # deleting it now would lose the other copy's work
    assert speakers.get_speaker(demo_app.uow(), new_id).bio == "Filled in elsewhere"

    row = speakers.get_speaker(demo_app.uow(), new_id)
    edits.delete_speaker(row)
    edits.stack.undo()  # back, with its version
    assert speakers.get_speaker(demo_app.uow(), new_id).version == row.version
    edits.stack.redo()  # deleted again
    edits.stack.undo()
    another_copy_changes_speaker(demo_app, new_id, "Changed after the restore")
    with qtbot.waitSignal(edits.failed):
        edits.stack.redo()  # would delete the other copy's change
    assert speakers.get_speaker(demo_app.uow(), new_id).bio == "Changed after the restore"


def test_undo_of_bulk_consent_leaves_a_later_change_alone(demo_app: App, qtbot: QtBot) -> None:
    make_qt_app()
    edits = Edits(demo_app)
    people = registrants.list_registrants(demo_app.uow(), limit=2)
    edits.set_consent([p.id for p in people], Consent.NO)
    moved = registrants.get_registrant(demo_app.uow(), people[0].id)
    registrants.update_registrant(
        demo_app.uow(), moved.id, replace(registrant_data(moved), city="Elsewhere"), moved.version
    )
    with qtbot.waitSignal(edits.failed):
        edits.stack.undo()
    after = registrants.get_registrant(demo_app.uow(), people[0].id)
    assert (after.consent, after.city) == ("no", "Elsewhere")
    assert registrants.get_registrant(demo_app.uow(), people[1].id).consent == "no"
