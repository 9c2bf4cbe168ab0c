"""Closing the main window with a form holding edits asks Save / Discard / Cancel, as every
dialog does: never saved silently, never lost without asking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.dialogs.unsaved import UnsavedQuestion, ask_unsaved


class UnsavedOnClose:
    """Asks once per attempt to close; the answer then closes the window (or does not)."""

    def __init__(self, window: QWidget, unsaved: Callable[[], list[str]]) -> None:
        self._window, self._unsaved = window, unsaved  # unsaved(): titles of dirty tabs
        self._answer = ""  # "save" or "discard" while the window closes on that answer
        self.question: UnsavedQuestion | None = None

    @property
    def discarded(self) -> bool:
        """True while the window closes on Discard (the forms' edits are not saved)."""
        return self._answer == "discard"

    def may_close(self) -> bool:
        """True when the window may close now; otherwise the question is open and its
        answer closes the window again (Cancel leaves it open with the edits)."""
        unsaved = self._unsaved()
        if not unsaved or self._answer:
            return True
        if self.question is None or not self.question.isVisible():
            subject = " and ".join(f"the {title} form" for title in unsaved)
            self.question = ask_unsaved(
                self._window,
                subject,
                lambda: self._close_on("save"),
                lambda: self._close_on("discard"),
            )
        return False

    def _close_on(self, answer: str) -> None:
        self._answer = answer
        self._window.close()
        self._answer = ""  # a refused save keeps the window: the next close asks again
