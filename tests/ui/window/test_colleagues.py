"""A window keeps up with what colleagues save, without losing what is being typed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.mail_kinds import MailAddress, MailKind
from desktop_app.domain.records import SpeakerData
from desktop_app.domain.row_data import session_data
from desktop_app.services import sessions, speakers
from desktop_app.services.mail_drafts import DraftRequest, write_drafts
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


@pytest.fixture
def colleague(demo_app: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """A second copy of the app on the same database, saving as Maria."""
    monkeypatch.setenv("WEBINAR_DESK_USER", "Maria")
    if demo_app.lock is not None:
        # A SQLite file has one writing copy at a time: ours lets go of it (it only reads
        # here, like a copy opened read-only), so the colleague's copy is the writer.
        demo_app.lock.release()
    other = open_app(demo_app.url)
    assert not other.read_only
    monkeypatch.delenv("WEBINAR_DESK_USER")
    yield other
    other.close()


def _rename_session(app: App, index: int, title: str) -> None:
    """The colleague changes a session's title, every other field as it was."""
    row = sessions.list_sessions(app.uow())[index]
    data = replace(session_data(row), title=title)
    sessions.update_session(app.uow(), row.id, data, row.version)


def test_a_colleagues_save_shows_up_and_typing_is_kept(
    demo_app: App, colleague: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    # The user is typing a new title for a speaker and has not applied it yet.
    speakers_tab = window.tab(SpeakersTab)
    speakers_tab.view.selectRow(0)
    editor = speakers_tab.editor
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "Half-typed name")
    _rename_session(colleague, 1, "Procurement, Revisited")
    other = speakers.list_speakers(colleague.uow())[1]
    speakers.update_speaker(
        colleague.uow(), other.id, SpeakerData(name="Renamed by Maria"), other.version
    )
    with qtbot.waitSignal(window.watcher.changed, timeout=10_000) as seen:
        window.watcher.poll()
    assert seen.args[0].by == ("Maria",)
    assert window.tab(SessionsTab).model.index(1, 1).data() == "Procurement, Revisited"
    names = [speakers_tab.model.index(r, 0).data() for r in range(speakers_tab.model.rowCount())]
    assert "Renamed by Maria" in names
    assert editor.name_edit.text() == "Half-typed name"  # unsaved typing survives
    assert "Maria" in window.statusBar().currentMessage()
    # The window's own saves do not come back as news.
    speakers_tab.editor.apply()
    with (
        qtbot.assertNotEmitted(window.watcher.changed),
        qtbot.waitSignal(window.watcher.looked, timeout=10_000),
    ):
        window.watcher.poll()


def test_a_colleagues_mail_drafts_show_under_the_sessions(
    demo_app: App, colleague: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    tab.select_session(2)
    assert tab.mail_panel.label.text() == "Mail: none drafted for this session yet."
    sender = MailAddress("", "maria@ocp.example")
    write_drafts(colleague.uow(), DraftRequest(MailKind.THANKS, 2, sender), tmp_path / "t")
    with qtbot.waitSignal(window.watcher.changed, timeout=10_000):
        window.watcher.poll()
    assert tab.mail_panel.label.text().startswith("Mail: Thank you and recording drafted ")
