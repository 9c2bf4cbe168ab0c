"""Several people on one server: who changed what, and a dropped connection that leaves
nothing half-saved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.bootstrap import App, open_app
from desktop_app.db.models import Speaker
from desktop_app.domain.errors import StaleRecord, UserError
from desktop_app.domain.records import SpeakerData
from desktop_app.services import imports, sessions, speakers, stats
from desktop_app.services.common import changed_by
from tests.integration.test_imports import dump
from tests.pg_server import PgServer


@pytest.fixture
def me(pg_demo_url: str) -> Iterator[App]:
    """This copy of the app on the team's server database (demo series loaded)."""
    mine = open_app(pg_demo_url)
    yield mine
    mine.close()


@pytest.fixture
def maria(me: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """Maria's copy of the app, on her own laptop, on the same database."""
    monkeypatch.setenv("WEBINAR_DESK_USER", "Maria")
    theirs = open_app(me.url)
    monkeypatch.delenv("WEBINAR_DESK_USER")
    yield theirs
    theirs.close()


def test_who_changed_a_record_last_and_when(me: App, maria: App) -> None:
    """What a save refused because a colleague saved first names (record versions)."""
    first, second = speakers.list_speakers(me.uow())[:2]
    speakers.update_speaker(
        maria.uow(), first.id, SpeakerData(name="Maria's spelling"), first.version
    )
    with me.uow() as uow:
        said = changed_by(uow.session.get_one(Speaker, first.id))
        untouched = changed_by(uow.session.get_one(Speaker, second.id))
    assert re.fullmatch(r"Maria at \d\d:\d\d", said)
    assert untouched and not untouched.startswith("Maria")  # whoever loaded the demo


def test_a_save_over_a_colleagues_change_is_refused_and_names_them(me: App, maria: App) -> None:
    """Two copies of the app on the server: the later save of the same version is refused."""
    mine = speakers.list_speakers(me.uow())[0]
    speakers.update_speaker(maria.uow(), mine.id, SpeakerData("Maria's", "Director"), mine.version)
    with pytest.raises(StaleRecord) as refused:
        speakers.update_speaker(me.uow(), mine.id, SpeakerData("Mine"), mine.version)
    assert re.fullmatch(
        r"this speaker was changed by Maria at \d\d:\d\d — reload to see the change "
        r"\(nothing was saved\)",
        str(refused.value),
    )
    assert speakers.get_speaker(me.uow(), mine.id).name == "Maria's"


def test_a_dropped_connection_mid_import_saves_nothing_and_says_so(
    me: App, pg_server: PgServer, tmp_path: Path
) -> None:
    before = dump(me)
    rows = "".join(f"p{n}@example.org,Person {n}\n" for n in range(3000))
    path = tmp_path / "big.csv"
    path.write_text("Email,First Name\n" + rows, encoding="utf-8")
    session = sessions.list_sessions(me.uow())[0].id

    def network_drops(done: int, total: int) -> bool:
        if done:  # the import is writing: cut its connection as a dead network would
            database = me.engine.url.database
            with pg_server.admin() as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (database,),
                )
        return True

    with pytest.raises(UserError) as refused:
        imports.import_file(me.uow(), path, session, keep_going=network_drops)
    message = str(refused.value)
    assert "nothing was saved" in message and "\n" not in message
    assert "connection" in message or "shut down" in message
    # The next save reconnects by itself; nothing of the broken import is there.
    assert dump(me) == before
    assert stats.stats(me.uow()).registrants == len(before["registrants"])
    with me.engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
