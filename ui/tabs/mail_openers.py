"""Opening the mail, mail-history and calendar dialogs from a tab: the Sessions and Speakers
tabs (and the window's menu, through them) open them the same way."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop_app.domain.rows import SessionRow, SpeakerRow
from desktop_app.services import series, session_facts, sessions, speakers
from ui.changes import MAIL, change

if TYPE_CHECKING:
    from ui.dialogs.calendar_dialog import CalendarDialog
    from ui.dialogs.mail_dialog import MailDialog
    from ui.dialogs.mail_history import MailHistoryDialog
    from ui.edits import Edits
    from ui.tabs.base import TabPage


def open_mail(
    tab: TabPage,
    edits: Edits,
    series_id: int,
    session_id: int | None,
    speaker: SpeakerRow | None = None,
) -> MailDialog | None:
    """The Mail dialog on a session of the series (or on a speaker's sessions in it)."""
    from ui.dialogs.mail_dialog import MailDialog

    app = edits.app
    rows = sessions.list_sessions(app.uow(), series_id)
    if speaker is not None:
        theirs = set(session_facts.speaker_session_ids(app.uow(), speaker.id))
        rows = [row for row in rows if row.id in theirs]
        if not rows:
            tab.status_message.emit(
                f"{speaker.name} has no part in a session of this series yet: add them to one "
                "first (the mail is about a session)."
            )
            return None
        if session_id not in theirs:
            session_id = next_session(rows)
    dialog = MailDialog(app, series_id, rows, session_id, speaker, tab)
    dialog.written.connect(lambda written: edits.announce(change(MAIL, session=[written])))
    dialog.open()
    return dialog


def next_session(rows: list[SessionRow]) -> int:
    """The first session still to come, else the last one."""
    now = datetime.now(UTC)
    return next((row.id for row in rows if row.starts_at >= now), rows[-1].id)


def open_history(tab: TabPage, edits: Edits, session: SessionRow) -> MailHistoryDialog:
    """The mail history of a session."""
    from ui.dialogs.mail_history import MailHistoryDialog

    app = edits.app
    zone = series.get_series(app.uow(), session.series_id).home_zone
    dialog = MailHistoryDialog(app, session.id, session.title, zone, tab)
    dialog.open()
    return dialog


def open_calendar(
    tab: TabPage,
    edits: Edits,
    series_id: int,
    session_id: int | None = None,
    speaker_id: int | None = None,
) -> CalendarDialog:
    """The calendar-file dialog on a series, with a session or a speaker chosen."""
    from ui.dialogs.calendar_dialog import CalendarDialog

    app = edits.app
    title = series.get_series(app.uow(), series_id).title
    dialog = CalendarDialog(
        app,
        (series_id, title),
        sessions.list_sessions(app.uow(), series_id),
        speakers.list_speakers(app.uow(), series_id),
        session_id,
        speaker_id,
        tab,
    )
    dialog.saved.connect(lambda path: tab.status_message.emit(f"Calendar saved to {path}."))
    dialog.open()
    return dialog
