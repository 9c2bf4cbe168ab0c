"""Every editable record carries a version; a save over a newer one is refused, never lost."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from desktop_app.bootstrap import App
from desktop_app.db import change_feed
from desktop_app.domain.enums import Consent, SpeakerRole
from desktop_app.domain.errors import StaleRecord
from desktop_app.domain.export_profile import partner_profile
from desktop_app.domain.records import (
    AppearanceData,
    RegistrantData,
    RegistrationData,
    SeriesData,
    SpeakerData,
)
from desktop_app.domain.row_data import session_data
from desktop_app.domain.run_of_show import Segment
from desktop_app.services import (
    export_profiles,
    imports,
    registrants,
    run_of_show,
    series,
    sessions,
    snapshots,
    speakers,
)
from desktop_app.services.uow import UnitOfWork


def test_a_stale_save_is_refused_and_the_other_change_is_intact(demo_app: App) -> None:
    # Two copies load the same speaker; Maria's copy saves first; ours names the old version.
    maria = sessionmaker(demo_app.engine, expire_on_commit=False)
    change_feed.install(maria, user="Maria")  # another copy of the app: its own origin
    seen_by_maria = speakers.list_speakers(UnitOfWork(maria))[0]
    seen_by_us = speakers.get_speaker(demo_app.uow(), seen_by_maria.id)
    assert seen_by_maria.version == seen_by_us.version == 1
    after_maria = speakers.update_speaker(
        UnitOfWork(maria), seen_by_maria.id, SpeakerData("Maria's", "Director"), 1
    )
    assert after_maria == 2
    with pytest.raises(StaleRecord) as refused:
        speakers.update_speaker(
            demo_app.uow(), seen_by_us.id, SpeakerData("Ours"), seen_by_us.version
        )
    assert re.fullmatch(
        r"this speaker was changed by Maria at \d\d:\d\d — reload to see the change "
        r"\(nothing was saved\)",
        str(refused.value),
    )
    now = speakers.get_speaker(demo_app.uow(), seen_by_us.id)
    assert (now.name, now.title, now.version) == ("Maria's", "Director", 2)
    # We reload and save over what we now see; then a form still at version 2 is refused,
    # and it says the change was made in this copy of the app.
    speakers.update_speaker(demo_app.uow(), now.id, SpeakerData("Ours"), now.version)
    assert speakers.get_speaker(demo_app.uow(), now.id).name == "Ours"
    with pytest.raises(StaleRecord, match=r"changed at \d\d:\d\d elsewhere in this app"):
        speakers.update_speaker(demo_app.uow(), now.id, SpeakerData("Older form"), now.version)


def test_a_change_landing_between_read_and_write_is_refused_too(demo_app: App) -> None:
    # The version is checked in the UPDATE itself, not only before it.
    row = sessions.list_sessions(demo_app.uow())[0]
    uow = demo_app.uow()
    with uow:
        from desktop_app.db.models import Session

        record = uow.session.get_one(Session, row.id)
        record.title = "Stale title"
        other = demo_app.uow()
        sessions.update_session(
            other, row.id, dataclasses.replace(session_data(row), title="Fresh"), row.version
        )
        with pytest.raises(StaleRecord):
            uow.commit()
    assert sessions.get_session(demo_app.uow(), row.id).title == "Fresh"


def test_every_kind_of_record_refuses_a_stale_save(demo_app: App) -> None:
    uow = demo_app.uow
    one_series = series.list_series(uow())[0]
    data = SeriesData(one_series.title, one_series.organiser, home_zone=one_series.home_zone)
    series.update_series(uow(), one_series.id, data, one_series.version)
    with pytest.raises(StaleRecord):
        series.update_series(uow(), one_series.id, data, one_series.version)

    session = sessions.list_sessions(uow())[1]
    retitled = dataclasses.replace(session_data(session), title="Retitled")
    sessions.update_session(uow(), session.id, retitled, session.version)
    with pytest.raises(StaleRecord):
        sessions.update_session(uow(), session.id, session_data(session), session.version)
    with pytest.raises(StaleRecord):
        sessions.delete_session(uow(), session.id, session.version)

    part = speakers.list_appearances(uow(), session_id=session.id)[0]
    moved = AppearanceData(SpeakerRole(part.role), part.position + 1)
    speakers.update_appearance(uow(), part.id, moved, part.version)
    with pytest.raises(StaleRecord):
        speakers.update_appearance(uow(), part.id, moved, part.version)
    with pytest.raises(StaleRecord):
        speakers.remove_appearance(uow(), part.id, part.version)
    parts = speakers.list_appearances(uow(), session_id=session.id)
    with pytest.raises(StaleRecord):
        speakers.reorder_appearances(
            uow(), session.id, [p.id for p in reversed(parts)], {part.id: part.version}
        )

    person = registrants.list_registrants(uow(), limit=1)[0]
    edited = RegistrantData(person.email, "Someone", "Else")
    registrants.update_registrant(uow(), person.id, edited, person.version)
    with pytest.raises(StaleRecord):
        registrants.update_registrant(uow(), person.id, edited, person.version)
    with pytest.raises(StaleRecord):
        registrants.delete_registrants(uow(), [person.id], {person.id: person.version})
    with pytest.raises(StaleRecord):
        registrants.set_consent(uow(), [person.id], Consent.NO, "test", {person.id: person.version})

    registration = registrants.list_registrations(uow(), registrant_id=person.id)[0]
    registrants.update_registration(
        uow(), registration.id, RegistrationData(), registration.version
    )
    with pytest.raises(StaleRecord):
        registrants.update_registration(
            uow(), registration.id, RegistrationData(minutes=9), registration.version
        )
    with pytest.raises(StaleRecord):
        registrants.delete_registration(uow(), registration.id, registration.version)
    with pytest.raises(StaleRecord, match="registration"):
        registrants.register(
            uow(), person.id, registration.session_id, RegistrationData(), expect_new=True
        )
    with pytest.raises(StaleRecord):
        snapshots.delete_with_snapshot(uow(), "registrants", [person.id], {person.id: 1})
    assert registrants.get_registrant(uow(), person.id).first_name == "Someone"


def test_export_profiles_and_run_of_show_lists_have_versions(demo_app: App) -> None:
    uow = demo_app.uow
    export_profiles.save_profile(uow(), partner_profile("Partner"))
    loaded = export_profiles.get_profile(uow(), "Partner")
    export_profiles.save_profile(uow(), dataclasses.replace(loaded, people="attended"), "Partner")
    with pytest.raises(StaleRecord):
        export_profiles.save_profile(
            uow(), dataclasses.replace(loaded, people="everyone"), "Partner"
        )
    with pytest.raises(StaleRecord):
        export_profiles.delete_profile(uow(), "Partner", loaded.version)
    assert export_profiles.get_profile(uow(), "Partner").people == "attended"

    session_id = sessions.list_sessions(uow())[0].id
    sheet = run_of_show.load_sheet(uow(), session_id)
    mine = [Segment("Welcome", 5)]
    theirs = [Segment("Their welcome", 10)]
    assert run_of_show.save_segments(uow(), session_id, theirs, sheet.version) == sheet.version + 1
    with pytest.raises(StaleRecord, match="run of show"):
        run_of_show.save_segments(uow(), session_id, mine, sheet.version)
    assert run_of_show.load_segments(uow(), session_id) == theirs


def test_imports_and_their_undo_move_versions_on(demo_app: App, tmp_path: Path) -> None:
    person = registrants.list_registrants(demo_app.uow(), limit=1)[0]
    sheet = tmp_path / "update.csv"
    sheet.write_text(f"Email,Organisation\n{person.email},A new employer\n")
    session_id = sessions.list_sessions(demo_app.uow())[0].id
    report = imports.import_file(demo_app.uow(), sheet, session_id)
    assert report.batch_id is not None
    after_import = registrants.get_registrant(demo_app.uow(), person.id)
    assert after_import.organisation == "A new employer"
    assert after_import.version == person.version + 1
    with pytest.raises(StaleRecord):  # a form opened before the import cannot overwrite it
        registrants.update_registrant(
            demo_app.uow(), person.id, RegistrantData(person.email), person.version
        )
    imports.undo_import(demo_app.uow(), report.batch_id)
    assert registrants.get_registrant(demo_app.uow(), person.id).version == person.version + 2


def test_new_records_start_at_version_one_and_old_rows_get_one(demo_app: App) -> None:
    created = speakers.create_speaker(demo_app.uow(), SpeakerData("New"))
    assert speakers.get_speaker(demo_app.uow(), created).version == 1
    with demo_app.engine.connect() as connection:
        for table in ("series", "sessions", "speakers", "registrants", "registrations"):
            assert connection.execute(text(f"SELECT min(version) FROM {table}")).scalar() == 1


def test_a_merge_of_people_changed_elsewhere_is_refused(demo_app: App) -> None:
    from desktop_app.services.registrant_merge import merge_registrants

    first, second = registrants.list_registrants(demo_app.uow(), limit=2)
    registrants.update_registrant(
        demo_app.uow(), second.id, RegistrantData(second.email, "Changed"), second.version
    )
    seen = {first.id: first.version, second.id: second.version}
    with pytest.raises(StaleRecord):
        merge_registrants(demo_app.uow(), first.id, second.id, versions=seen)
    assert registrants.get_registrant(demo_app.uow(), second.id).first_name == "Changed"
