"""The change feed: each window learns what colleagues changed since it last looked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete

from desktop_app.bootstrap import App, open_app
from desktop_app.db.models import ChangeLog
from desktop_app.domain.errors import Conflict
from desktop_app.domain.records import RegistrantData, SpeakerData
from desktop_app.services import changes, imports, registrants, sessions, speakers


@pytest.fixture
def colleague(demo_app: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """A second copy of the app on the same database, saving as another person."""
    monkeypatch.setenv("WEBINAR_DESK_USER", "Maria at the front desk")
    if demo_app.lock is not None:
        # A SQLite file has one writing copy at a time: ours lets go of it (it only reads
        # here, like a copy opened read-only), so the colleague's copy is the writer.
        demo_app.lock.release()
    other = open_app(demo_app.url)
    assert not other.read_only
    monkeypatch.delenv("WEBINAR_DESK_USER")
    yield other
    other.close()


def test_a_colleagues_save_is_seen_with_who_made_it(demo_app: App, colleague: App) -> None:
    seen = changes.latest(demo_app.uow())
    assert not changes.changes_since(demo_app.uow(), seen)
    speaker = speakers.list_speakers(colleague.uow())[0]
    speakers.update_speaker(
        colleague.uow(), speaker.id, SpeakerData(name="Ada Lovelace"), speaker.version
    )
    news = changes.changes_since(demo_app.uow(), seen)
    assert news.counter == seen + 1
    assert news.tables == {"speakers": frozenset({speaker.id})}
    assert news.by == ("Maria at the front desk",)
    assert news.record_changed("speakers", speaker.id)
    assert not news.record_changed("speakers", speaker.id + 1000)
    assert news.touches("session_speakers") and not news.touches("registrants")
    last = changes.last_change(demo_app.uow(), "speakers", speaker.id)
    assert last is not None and last.changed_by == "Maria at the front desk"
    # The colleague's own window does not reload for its own save.
    assert not changes.changes_since(colleague.uow(), seen)
    assert changes.changes_since(demo_app.uow(), news.counter).counter == news.counter


def test_only_saves_move_the_counter(demo_app: App, colleague: App) -> None:
    seen = changes.latest(demo_app.uow())
    registrants.list_registrants(colleague.uow(), text="a")
    with pytest.raises(Conflict):
        taken = registrants.list_registrants(colleague.uow(), limit=1)[0].email
        registrants.create_registrant(colleague.uow(), RegistrantData(email=taken))
    assert changes.latest(demo_app.uow()) == seen
    new = registrants.create_registrant(colleague.uow(), RegistrantData(email="n@example.org"))
    news = changes.changes_since(demo_app.uow(), seen)
    assert news.counter == seen + 1 and news.tables == {"registrants": frozenset({new})}


def test_an_import_and_its_undo_are_seen(demo_app: App, colleague: App, tmp_path: Path) -> None:
    seen = changes.latest(demo_app.uow())
    path = tmp_path / "people.csv"
    path.write_text("Email,Organisation\nnew@example.org,New\n", encoding="utf-8")
    session = sessions.list_sessions(colleague.uow())[0].id
    batch = imports.import_file(colleague.uow(), path, session).batch_id
    news = changes.changes_since(demo_app.uow(), seen)
    assert news.tables["registrants"] is None and news.tables["registrations"] is None
    assert news.touches("import_batches")
    assert batch is not None
    imports.undo_import(colleague.uow(), batch)
    later = changes.changes_since(demo_app.uow(), news.counter)
    assert later.counter == news.counter + 1 and later.touches("registrants")


def test_a_window_too_far_behind_reloads_everything(demo_app: App, colleague: App) -> None:
    seen = changes.latest(demo_app.uow())
    for n in range(3):
        registrants.create_registrant(colleague.uow(), RegistrantData(email=f"p{n}@example.org"))
    with colleague.uow() as uow:
        uow.session.execute(delete(ChangeLog).where(ChangeLog.counter <= seen + 1))
        uow.commit()
    news = changes.changes_since(demo_app.uow(), seen)
    assert news.everything and news.counter == seen + 3
