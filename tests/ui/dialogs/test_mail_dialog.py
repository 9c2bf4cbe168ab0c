"""Mail… on a session and on a speaker: the choices, the preview, the warnings, and drafts
written on a worker with progress and Cancel, read back as real .eml files."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop_app.bootstrap import App
from desktop_app.domain.mail_kinds import MailKind
from desktop_app.services import draft_batches, speakers
from desktop_app.services.preferences import load_preferences
from tests.integration.ics_checks import check_ics
from tests.ui.conftest import OpenedFolders
from ui.dialogs.mail_choices import kind_key
from ui.dialogs.mail_dialog import MailDialog, draft_folder_in
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
SENDER = "mia.okafor@ocp.example"


def settled(qtbot: QtBot, dialog: MailDialog) -> None:
    """Wait until the summary and preview show what was typed and chosen."""
    dialog.choices.flush_typing()
    if dialog.planner.pending:
        with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
            pass


def session_mail(window: MainWindow, qtbot: QtBot) -> MailDialog:
    """The Mail dialog opened from the panel under the session list, sender typed in."""
    tab = window.tab(SessionsTab)
    qtbot.mouseClick(tab.mail_panel.mail_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.choices.from_email_edit, SENDER)
    settled(qtbot, dialog)
    return dialog


def choose_kind(qtbot: QtBot, dialog: MailDialog, kind: MailKind, when: str = "") -> None:
    combo = dialog.choices.kind_combo
    combo.setCurrentIndex(combo.findData(kind_key(kind, when)))
    settled(qtbot, dialog)


def consenting(app: App, session_id: int, attended: bool | None = None) -> set[str]:
    """Addresses registered for a session whose consent is not 'no', read by plain SQL."""
    query = (
        "SELECT r.email FROM registrants r JOIN registrations g ON g.registrant_id = r.id "
        "WHERE g.session_id = :session AND r.consent != 'no' "
        "AND g.approval_status NOT IN ('denied', 'cancelled')"
    )
    values: dict[str, object] = {"session": session_id}
    if attended is not None:
        query += " AND g.attended = :attended"
        values["attended"] = attended
    with app.engine.connect() as connection:
        return {row[0] for row in connection.execute(text(query), values)}


def read_drafts(folder: Path) -> dict[str, EmailMessage]:
    """Every .eml of a folder by the address it is to."""
    found = {}
    for path in folder.glob("*.eml"):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage) and message.defects == []
        found[message["To"].addresses[0].addr_spec] = message
    return found


def test_a_session_reminder_is_previewed_warned_about_and_written(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    assert tab.mail_panel.label.text() == "Mail: none drafted for this session yet."
    qtbot.mouseClick(tab.mail_panel.mail_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_dialog
    assert dialog is not None
    # No sender in Preferences yet: said at the field, nothing can be written.
    assert "email address" in dialog.choices.problems.text_of("sender")
    assert not dialog.write_button.isEnabled()
    qtbot.keyClicks(dialog.choices.from_email_edit, SENDER)
    settled(qtbot, dialog)
    assert dialog.choices.label() == "Reminder (day before)"  # a session's usual first mail
    expected = consenting(demo_app, 1)
    assert f"{len(expected)} drafts" in dialog.summary.text()
    assert "{join_link} is empty for all" in dialog.summary.text()  # the demo has no links
    assert "whose consent to be contacted is “no”" in dialog.summary.text()
    assert dialog.preview.sample_combo.count() == 5
    assert "Tomorrow: No More Status Quo Contracting" in dialog.preview.subject_label.text()
    shown = dialog.preview.browser.toPlainText()
    assert shown.startswith("Dear ") and "is tomorrow" in shown
    dialog.preview.sample_combo.setCurrentIndex(1)
    assert dialog.preview.browser.toPlainText() != shown  # another recipient's draft
    assert dialog.preview.attachments_label.text() == "Attached: a calendar invitation."

    folder = tmp_path / "reminders"
    with qtbot.waitSignal(dialog.written, timeout=30_000) as written:
        dialog.write_to(folder)
    assert written.args == [1]
    drafts = read_drafts(folder)
    assert set(drafts) == expected
    assert len(list(folder.glob("*.mbox"))) == 1
    first = next(iter(drafts.values()))
    assert first["X-Unsent"] == "1" and first["From"].addresses[0].addr_spec == SENDER
    (invite,) = [p for p in first.iter_attachments() if p.get_content_type() == "text/calendar"]
    data = invite.get_payload(decode=True)
    assert isinstance(data, bytes)
    check_ics(data)
    assert f"Wrote {len(expected)} drafts to {folder}" in dialog.result_label.text()
    assert dialog.open_folder_button.isVisible() and not dialog.progress.isVisible()
    # The session says so, and the sender is remembered for next time.
    assert tab.mail_panel.label.text().startswith(
        f"Mail: Reminder (day before) drafted {_today(demo_app)} for {len(expected)} people"
    )
    assert load_preferences().staff_email == SENDER
    (batch,) = draft_batches.list_batches(demo_app.uow(), 1)
    assert batch.kind == "reminder" and batch.recipient_count == len(expected)


def _today(app: App) -> str:
    """Today's date as the panel writes it, in the demo's home zone."""
    from datetime import UTC, datetime

    from desktop_app.domain import timezones

    local = timezones.utc_to_local(datetime.now(UTC), "America/Los_Angeles")
    return f"{local:%a} {local.day} {local:%b %Y}"


def test_each_kind_goes_to_its_usual_people_and_the_filters_narrow_them(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    dialog = session_mail(window, qtbot)
    choose_kind(qtbot, dialog, MailKind.THANKS)
    assert dialog.choices.audience_combo.currentData() == "attended"
    assert f"{len(consenting(demo_app, 1, attended=True))} drafts" in dialog.summary.text()
    assert "{recording_link} is empty" in dialog.summary.text()
    choose_kind(qtbot, dialog, MailKind.MISSED)
    assert dialog.choices.audience_combo.currentData() == "absent"
    assert f"{len(consenting(demo_app, 1, attended=False))} drafts" in dialog.summary.text()
    choose_kind(qtbot, dialog, MailKind.INVITATION)
    assert dialog.choices.audience_combo.currentData() == "speakers"
    assert not dialog.choices.consent_combo.isEnabled()  # speakers are not filtered so
    assert "3 drafts" in dialog.summary.text()  # the kickoff's three panelists
    assert dialog.preview.attachments_label.text() == (
        "Attached: calendar invitations for the tech check and the session."  # no After Hours
    )
    choose_kind(qtbot, dialog, MailKind.REMINDER, "hour-before")
    assert dialog.choices.template_name() == "Reminder (hour before)"
    everyone = len(consenting(demo_app, 1))
    dialog.choices.consent_combo.setCurrentIndex(dialog.choices.consent_combo.findData("yes"))
    settled(qtbot, dialog)
    only_yes = dialog.plan
    assert only_yes is not None and 0 < len(only_yes.recipients) < everyone
    qtbot.keyClicks(dialog.choices.organisations_edit, "no such organisation")
    settled(qtbot, dialog)
    assert "No one in this group gets a draft" in dialog.summary.text()
    assert not dialog.write_button.isEnabled()


def test_cancel_writes_and_records_nothing(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    dialog = session_mail(window, qtbot)
    place = tmp_path / "out"
    place.mkdir()
    folder = place / "never"
    with qtbot.waitSignal(dialog.task_finished, timeout=30_000):
        dialog.write_to(folder)
        assert dialog.cancel_button.isVisible() and dialog.progress.isVisible()
        assert not dialog.choices.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "<b>Cancelled; no draft was written.</b>"
    assert list(place.iterdir()) == []  # no folder, no half-written one
    assert draft_batches.list_batches(demo_app.uow(), 1) == []
    assert dialog.write_button.isEnabled() and not dialog.cancel_button.isVisible()


def test_a_folder_with_files_gets_a_new_folder_for_the_drafts(tmp_path: Path) -> None:
    assert draft_folder_in(tmp_path, "Reminder - Kickoff") == tmp_path  # empty: used as is
    (tmp_path / "notes.txt").write_text("mine")
    assert draft_folder_in(tmp_path, "Reminder: Kickoff") == tmp_path / "Reminder- Kickoff"
    (tmp_path / "Reminder- Kickoff").mkdir()
    assert draft_folder_in(tmp_path, "Reminder: Kickoff") == tmp_path / "Reminder- Kickoff 2"


def test_a_speaker_briefing_from_the_speakers_tab_attaches_the_run_of_show(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.show_tab_at(1)
    tab = window.tab(SpeakersTab)
    paula = next(s for s in speakers.list_speakers(demo_app.uow(), 1) if s.name == "Paula Daniels")
    tab.select_speaker(paula.id)
    qtbot.mouseClick(tab.mail_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_dialog
    assert dialog is not None
    assert dialog.choices.speaker_label.text() == f"Paula Daniels <{paula.email}>"
    assert dialog.choices.label() == "Speaker invitation"  # a speaker's usual first mail
    assert not dialog.choices.consent_combo.isVisible()
    qtbot.keyClicks(dialog.choices.from_email_edit, SENDER)
    settled(qtbot, dialog)
    assert "<b>1 draft</b>" in dialog.summary.text()
    choose_kind(qtbot, dialog, MailKind.SPEAKER_BRIEFING)
    assert "the run of show as a PDF" in dialog.preview.attachments_label.text()
    folder = tmp_path / "briefing"
    with qtbot.waitSignal(dialog.written, timeout=30_000):
        dialog.write_to(folder)
    (draft,) = read_drafts(folder).values()
    assert draft["To"].addresses[0].display_name == "Paula Daniels"
    (pdf,) = [p for p in draft.iter_attachments() if p.get_content_type() == "application/pdf"]
    data = pdf.get_payload(decode=True)
    assert isinstance(data, bytes)
    (tmp_path / "ros.pdf").write_bytes(data)
    words = subprocess.run(
        ["pdftotext", str(tmp_path / "ros.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "No More Status Quo Contracting" in words and "Paula Daniels" in words
    assert "not attached" not in dialog.result_label.text()


def test_a_speaker_without_a_session_in_the_series_is_told_why_not(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    window.show_tab_at(1)
    tab = window.tab(SpeakersTab)
    tab.new_speaker()
    with qtbot.waitSignal(tab.status_message) as said:
        qtbot.mouseClick(tab.mail_button, Qt.MouseButton.LeftButton)
    assert "has no part in a session of this series yet" in said.args[0]
    assert getattr(tab, "mail_dialog", None) is None


def test_a_cancelled_session_offers_the_change_notice_with_its_cancellation(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    tab.select_session(4)
    tab.editor.status_combo.setCurrentIndex(tab.editor.status_combo.findData("cancelled"))
    tab.editor.apply()
    dialog = session_mail(window, qtbot)
    assert dialog.choices.label() == "Change notice"
    assert dialog.preview.attachments_label.text() == "Attached: a calendar cancellation."
    # Its wording says cancelled, not changed (the built-in cancellation notice is chosen).
    assert dialog.choices.template_name() == "Cancellation notice"
    assert "Subject:</b> Cancelled: " in dialog.preview.subject_label.text()
    choose_kind(qtbot, dialog, MailKind.REMINDER, "day-before")
    assert "is cancelled; write the change notice instead" in dialog.summary.text()
    assert not dialog.write_button.isEnabled()


def test_write_drafts_asks_for_a_folder_and_open_folder_shows_it(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path, opened_folders: OpenedFolders
) -> None:
    window = make_window(demo_app)
    dialog = session_mail(window, qtbot)
    place = tmp_path / "mail"
    place.mkdir()
    (place / "older batch.txt").write_text("not empty")
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.setDirectory(str(tmp_path))
    chooser.selectFile(str(place))
    with qtbot.waitSignal(dialog.written, timeout=30_000):
        chooser.accept()
    made = place / "Reminder (day before) - No More Status Quo Contracting"
    assert dialog.report is not None and dialog.report.folder == made
    assert len(list(made.glob("*.eml"))) == dialog.report.drafts
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened_folders.paths == [str(made)]
