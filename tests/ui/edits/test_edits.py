"""Every edit names what it changed, and Undo and Redo announce the very same change."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent, SpeakerRole
from desktop_app.domain.records import AppearanceData, RegistrationData
from desktop_app.services import registrants, sessions, speakers
from ui.app import make_qt_app
from ui.changes import (
    APPEARANCE,
    EVERYTHING,
    KINDS,
    REGISTRANT,
    REGISTRATION,
    SERIES,
    SESSION,
    SPEAKER,
    Change,
    change,
)
from ui.edits import Edits, registrant_data


@pytest.fixture
def edits(demo_app: App) -> Iterator[Edits]:
    make_qt_app()
    owner = QObject()
    yield Edits(demo_app, owner)
    owner.deleteLater()


def announced(edits: Edits, act: Callable[[], object]) -> list[Change]:
    """The changes announced while act() runs."""
    seen: list[Change] = []
    edits.changed.connect(seen.append)
    try:
        act()
    finally:
        edits.changed.disconnect(seen.append)
    return seen


def test_editing_one_person_names_only_them(edits: Edits, demo_app: App) -> None:
    person = registrants.list_registrants(demo_app.uow(), 1)[0]
    data = dataclasses.replace(registrant_data(person), first_name="Ngozi")
    [edited] = announced(edits, lambda: edits.update_registrant(person, data))
    assert edited.kinds == {REGISTRANT} and edited.ids_of(REGISTRANT) == {person.id}
    assert edited.reshaped == frozenset() and not edited.touches(SESSION, SERIES, SPEAKER)
    assert announced(edits, edits.stack.undo) == [edited]
    assert registrants.get_registrant(demo_app.uow(), person.id).first_name == person.first_name
    assert announced(edits, edits.stack.redo) == [edited]
    assert registrants.get_registrant(demo_app.uow(), person.id).first_name == "Ngozi"


def test_consent_for_many_names_each(edits: Edits, demo_app: App) -> None:
    ids = [r.id for r in registrants.list_registrants(demo_app.uow(), 1)[:3]]
    [told] = announced(edits, lambda: edits.set_consent(ids, Consent.NO))
    assert told.kinds == {REGISTRANT} and told.ids_of(REGISTRANT) == set(ids)
    assert announced(edits, edits.stack.undo) == [told]


def test_a_registration_names_its_person_and_session(edits: Edits, demo_app: App) -> None:
    person = registrants.list_registrants(demo_app.uow(), 1)[0]
    taken = {
        g.session_id
        for g in registrants.list_registrations(demo_app.uow(), registrant_id=person.id)
    }
    session = next(s for s in sessions.list_sessions(demo_app.uow()) if s.id not in taken)
    [added] = announced(
        edits, lambda: edits.register(person.id, session.id, RegistrationData(attended=True))
    )
    assert added.kinds == {REGISTRATION} and added.reshaped == {REGISTRATION}
    assert added.ids_of(REGISTRANT) == {person.id} and added.ids_of(SESSION) == {session.id}
    assert announced(edits, edits.stack.undo) == [added]


def test_deleting_people_says_they_went(edits: Edits, demo_app: App) -> None:
    ids = [r.id for r in registrants.list_registrants(demo_app.uow(), 1)[:2]]
    [gone] = announced(edits, lambda: edits.delete_registrants(ids))
    assert REGISTRANT in gone.reshaped and gone.ids_of(REGISTRANT) == set(ids)
    assert announced(edits, edits.stack.undo) == [gone]  # they come back: same kinds, same ids


def test_programme_edits_name_their_records(edits: Edits, demo_app: App) -> None:
    session = sessions.list_sessions(demo_app.uow())[0]
    [part] = speakers.list_appearances(demo_app.uow(), session_id=session.id)[:1]
    [moved] = announced(
        edits,
        lambda: edits.update_part(part, AppearanceData(SpeakerRole(part.role), part.position)),
    )
    assert moved.kinds == {APPEARANCE} and moved.ids_of(SESSION) == {session.id}
    [removed] = announced(edits, lambda: edits.remove_part(part))
    assert removed.kinds == {APPEARANCE, SPEAKER} and removed.ids_of(SPEAKER) == {part.speaker_id}
    [deleted] = announced(edits, lambda: edits.delete_sessions([session]))
    assert {SESSION, REGISTRATION, APPEARANCE} <= deleted.reshaped
    assert deleted.ids_of(SESSION) == {session.id}


def test_announce_passes_a_change_through(edits: Edits) -> None:
    assert announced(edits, lambda: edits.announce(EVERYTHING)) == [EVERYTHING]
    assert EVERYTHING.kinds == KINDS and EVERYTHING.ids_of(REGISTRANT) is None


def test_a_change_refuses_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown kinds"):
        change("registrants", registrant=[1])
    assert change(SESSION, session=[3]).ids_of(SESSION) == {3}
