"""What the window's command modules may ask of the window (so that they need not import it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.bootstrap import App
    from ui.edits import Edits
    from ui.tabs.base import TabPage
    from ui.window.status import WindowStatus

T = TypeVar("T", bound="TabPage")


class Shell(Protocol):
    """The main window as its commands see it."""

    app: App | None  # None until the database is open
    status: WindowStatus  # messages, the busy indicator and counts

    @property
    def edits(self) -> Edits:
        """The undoable edits on the open database."""
        ...

    def widget(self) -> QWidget:
        """The parent of the commands' dialogs."""
        ...

    def save_pending_edits(self) -> bool:
        """Save unsaved form edits; False when one is refused (it is shown)."""
        ...

    def show_series(self, series_id: int | None) -> None:
        """Show a series in every tab (None: the offer of the demo series)."""
        ...

    def tab(self, kind: type[T]) -> T:
        """The page of a kind of tab."""
        ...

    def current_tab(self) -> TabPage | None:
        """The page being shown, once the database is open."""
        ...

    def select_tab(self, page: TabPage) -> None:
        """Bring a page to the front."""
        ...

    def show_tab_at(self, index: int) -> None:
        """Bring the tab at a position of the tab list to the front."""
        ...

    def request_database(self, app: App) -> None:
        """Show another database, opened already, in place of this one."""
        ...
