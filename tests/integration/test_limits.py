"""Text longer than its column is handled alike on every engine (SQLite would store it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import String

from desktop_app.bootstrap import App
from desktop_app.db.models import Registrant, Registration
from desktop_app.domain import limits
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import RegistrantData, SpeakerData
from desktop_app.services import imports, registrants, sessions, speakers, stats


def test_the_limits_are_the_column_widths() -> None:
    for name, width in limits.PERSON_TEXT.items():
        column_type = Registrant.__table__.c[name].type
        assert isinstance(column_type, String) and column_type.length == width
    assert Registrant.__table__.c["consent_source"].type.length == limits.SOURCE  # type: ignore[attr-defined]
    assert Registration.__table__.c["source"].type.length == limits.SOURCE  # type: ignore[attr-defined]


def test_an_import_leaves_text_that_does_not_fit_empty_and_says_so(
    demo_app: App, tmp_path: Path
) -> None:
    # A long file name goes into each registration's source: it is shortened, not refused.
    path = tmp_path / ("partner-list-" + "x" * 200 + ".csv")
    path.write_text(
        "Email,First Name,Organisation,Consent\n"
        f"long@example.org,{'A' * 250},Org,yes\n"
        "fine@example.org,Fine,Org,yes\n",
        encoding="utf-8",
    )
    session = sessions.list_sessions(demo_app.uow())[0].id
    report = imports.import_file(demo_app.uow(), path, session)
    assert report.registrants_created == 2 and not report.skipped
    [note] = report.left_empty
    assert (note.line, note.column) == (2, "First Name")
    assert "is 250 characters long (at most 200 fit)" in str(note)
    long = registrants.find_by_email(demo_app.uow(), "long@example.org")
    assert long is not None and long.first_name == "" and long.organisation == "Org"
    fine = registrants.find_by_email(demo_app.uow(), "fine@example.org")
    assert fine is not None and len(fine.consent_source) <= limits.SOURCE
    assert fine.consent_source.endswith("…")  # the file's name, shortened to fit


def test_forms_refuse_overlong_text_at_its_field(demo_app: App) -> None:
    before = stats.stats(demo_app.uow())
    with pytest.raises(ValidationError) as refused:
        registrants.create_registrant(
            demo_app.uow(), RegistrantData(email="x@example.org", city="C" * 201)
        )
    assert refused.value.problems == {"city": "at most 200 characters fit (this has 201)"}
    with pytest.raises(ValidationError) as refused_speaker:
        speakers.create_speaker(demo_app.uow(), SpeakerData(name="N", pronouns="p" * 60))
    assert set(refused_speaker.value.problems) == {"pronouns"}
    assert stats.stats(demo_app.uow()) == before
