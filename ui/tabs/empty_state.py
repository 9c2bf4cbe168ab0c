"""What an empty list says instead: what to do next, with a button that starts it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ui.icons import icon


class EmptyState(QWidget):
    """A heading, a sentence and one button, centred."""

    def __init__(
        self,
        heading: str,
        text: str,
        button_text: str,
        on_click: Callable[[], object],
        icon_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(heading)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setMaximumWidth(440)
        self.button = QPushButton(icon(icon_name), button_text) if icon_name else QPushButton()
        if not icon_name:
            self.button.setText(button_text)
        self.button.clicked.connect(on_click)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.heading, self.text, self.button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class ListOrEmpty(QStackedWidget):
    """A list, or in its place what to do when it has nothing in it."""

    def __init__(self, view: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view, self.empty = view, empty
        self.addWidget(view)
        self.addWidget(empty)

    def show_empty(self, empty: bool) -> None:
        """Show the empty state (True) or the list."""
        self.setCurrentWidget(self.empty if empty else self.view)

    def is_empty_shown(self) -> bool:
        """True while the empty state stands in for the list."""
        return self.currentWidget() is self.empty
