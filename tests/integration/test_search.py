"""Search folds case and accents alike on every engine, through a stored search_text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop_app.bootstrap import App, open_app
from desktop_app.db.models import Registrant, Speaker
from desktop_app.domain.records import RegistrantData, SpeakerData
from desktop_app.domain.search import (
    REGISTRANT_SEARCHED,
    SPEAKER_SEARCHED,
    fold,
    registrant_search_text,
    speaker_search_text,
)
from desktop_app.services import imports, registrants, sessions, speakers
from desktop_app.services.attendee_index import load_attendee_index

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PEOPLE = (
    "Email,First Name,Last Name,Organisation,Country\n"
    "maria@example.org,María,García,Ayuntamiento de Málaga,España\n"
    "zoe@example.org,Zoë,Brontë,Ørsted Foundation,Danmark\n"
    "lukasz@example.org,Łukasz,Straße,100%_Open,Polska\n"
)


def _import(app: App, tmp_path: Path, content: str = PEOPLE, name: str = "people.csv") -> int:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = imports.import_file(app.uow(), path, sessions.list_sessions(app.uow())[0].id)
    assert report.batch_id is not None
    return report.batch_id


def _emails(app: App, query: str) -> list[str]:
    """Matching emails among this test's people (the demo has Garcías of its own)."""
    found = [r.email for r in registrants.list_registrants(app.uow(), text=query)]
    return [email for email in found if email.endswith("@example.org")]


def _stored_text_is_current(app: App) -> None:
    """Every registrant's and speaker's search_text is the fold of its fields right now."""
    with app.engine.connect() as connection:
        for model, fields, folded in (
            (Registrant, REGISTRANT_SEARCHED, registrant_search_text),
            (Speaker, SPEAKER_SEARCHED, speaker_search_text),
        ):
            columns = [getattr(model, name) for name in fields]
            for row in connection.execute(select(model.search_text, *columns)):
                assert row[0] == folded(dict(zip(fields, row[1:], strict=True)))


def test_fold_drops_case_and_accents() -> None:
    assert fold("  María GARCÍA ") == "maria garcia"
    assert fold("Zoë Søren Łukasz Straße") == "zoe soren lukasz strasse"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("garcia", ["maria@example.org"]),
        ("GARCÍA", ["maria@example.org"]),
        ("zoe", ["zoe@example.org"]),
        ("Zoë bronte", ["zoe@example.org"]),
        ("orsted", ["zoe@example.org"]),
        ("malaga espana", ["maria@example.org"]),
        ("lukasz strasse", ["lukasz@example.org"]),
        ("100%_", ["lukasz@example.org"]),  # LIKE's wildcards are plain characters here
        ("%", ["lukasz@example.org"]),
        ("garcia zoe", []),
    ],
)
def test_registrant_search_is_the_same_on_every_engine(
    demo_app: App, tmp_path: Path, query: str, found: list[str]
) -> None:
    _import(demo_app, tmp_path)
    assert _emails(demo_app, query) == found
    everyone = registrants.list_registrants(demo_app.uow(), text=query)
    assert registrants.count_registrants(demo_app.uow(), text=query) == len(everyone)
    index = load_attendee_index(demo_app.uow(), 1)
    assert index is not None
    assert sorted(index.text["email"][p] for p in index.filter(query)) == sorted(
        r.email for r in everyone
    )


def test_search_text_follows_every_kind_of_write(demo_app: App, tmp_path: Path) -> None:
    batch = _import(demo_app, tmp_path)
    maria = registrants.find_by_email(demo_app.uow(), "maria@example.org")
    assert maria is not None
    registrants.update_registrant(
        demo_app.uow(),
        maria.id,
        RegistrantData(email=maria.email, first_name="Mária", last_name="Núñez"),
        maria.version,
    )
    assert _emails(demo_app, "nunez") == ["maria@example.org"]
    assert _emails(demo_app, "garcia") == []
    # A later file changes Zoë's organisation (a bulk update), then is undone.
    later = _import(
        demo_app, tmp_path, "Email,Organisation\nzoe@example.org,Þingvellir Trust\n", "two.csv"
    )
    assert _emails(demo_app, "thingvellir") == ["zoe@example.org"]
    imports.undo_import(demo_app.uow(), later)
    assert _emails(demo_app, "thingvellir") == []
    assert _emails(demo_app, "orsted") == ["zoe@example.org"]
    _stored_text_is_current(demo_app)
    # María and Zoë changed since the first import (an edit; a later import and its undo),
    # so undoing it keeps them, with their text; Łukasz, untouched since, goes.
    assert imports.undo_import(demo_app.uow(), batch) >= 2
    assert _emails(demo_app, "nunez") == ["maria@example.org"]
    assert _emails(demo_app, "orsted") == ["zoe@example.org"]
    assert _emails(demo_app, "lukasz") == []
    _stored_text_is_current(demo_app)


def test_speaker_search(demo_app: App) -> None:
    new = speakers.create_speaker(
        demo_app.uow(), SpeakerData(name="Zoë Ångström", organisation="Città Aperta")
    )
    assert [s.id for s in speakers.list_speakers(demo_app.uow(), text="zoe angstrom")] == [new]
    assert [s.id for s in speakers.list_speakers(demo_app.uow(), text="CITTA")] == [new]
    version = speakers.get_speaker(demo_app.uow(), new).version
    speakers.update_speaker(demo_app.uow(), new, SpeakerData(name="Zoë Ångström"), version)
    assert speakers.list_speakers(demo_app.uow(), text="citta") == []
    demo_speakers = speakers.list_speakers(demo_app.uow())
    assert len(speakers.list_speakers(demo_app.uow(), text="")) == len(demo_speakers)
    _stored_text_is_current(demo_app)


def test_old_databases_get_their_search_text_filled(tmp_path: Path) -> None:
    old = next(iter(sorted(FIXTURES.glob("*.sqlite"))))
    copy = tmp_path / old.name
    shutil.copy(old, copy)
    app = open_app(str(copy))
    with app.engine.connect() as connection:
        empty = connection.execute(
            text("SELECT count(*) FROM registrants WHERE search_text = ''")
        ).scalar()
    assert empty == 0
    _stored_text_is_current(app)
    app.close()
