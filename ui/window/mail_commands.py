"""File › Mail drafts… and File › Calendar file…: they act on the speaker shown on the
Speakers tab, else on the session selected on the Sessions tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.window.shell import Shell


class MailCommands(QObject):
    """Opens the mail and calendar dialogs for what the user is looking at."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell

    def mail(self) -> None:
        """Mail drafts to the speaker in front, else about the selected session."""
        from ui.tabs.sessions_tab import SessionsTab
        from ui.tabs.speakers_tab import SpeakersTab

        current = self._shell.current_tab()
        if isinstance(current, SpeakersTab) and current.selected() is not None:
            current.open_mail()
            return
        tab = self._shell.tab(SessionsTab)
        if tab.selected() is None:
            self._shell.status.show_status("Add a session first: mail is about a session.")
            return
        tab.open_mail()

    def calendar(self) -> None:
        """A calendar file of the speaker in front, else of the selected session or series."""
        from ui.tabs.sessions_tab import SessionsTab
        from ui.tabs.speakers_tab import SpeakersTab

        current = self._shell.current_tab()
        if isinstance(current, SpeakersTab) and current.selected() is not None:
            current.open_calendar()
        else:
            self._shell.tab(SessionsTab).open_calendar()
