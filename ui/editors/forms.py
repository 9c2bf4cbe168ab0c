"""Form helpers: field problems shown beside the field, and change tracking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError, ValidationError

# A red readable on both light and dark palettes.
PROBLEM_COLOUR = "#d32f2f"
INVALID_STYLE = f"border: 1px solid {PROBLEM_COLOUR};"
# Amber, readable on light and dark palettes: a form holding edits not saved yet.
UNSAVED_COLOUR = "#b26a00"


class FieldProblems:
    """Shows a plain explanation under each field the services refused, and problems that
    belong to no field in `message` (to be placed under the form)."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.message.setWordWrap(True)
        self.message.hide()

    def wrap(self, name: str, widget: QWidget) -> QWidget:
        """A container holding the widget and its (hidden) problem label."""
        label = QLabel()
        label.setObjectName(f"problem_{name}")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        label.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(label)
        self._fields[name] = (widget, label)
        return box

    def show(self, problems: dict[str, str]) -> None:
        """Mark the fields named in problems; the rest go in the message under the form."""
        self.clear()
        unplaced = []
        for name, text in problems.items():
            if name in self._fields:
                self.mark(name, text)
            else:
                unplaced.append(f"{name}: {text}")
        if unplaced:
            self.say("\n".join(unplaced))

    def mark(self, name: str, text: str) -> None:
        """Mark one field, leaving the others as they are (a check made while typing)."""
        widget, label = self._fields[name]
        widget.setStyleSheet(INVALID_STYLE)
        widget.setToolTip(text)
        label.setText(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        label.show()

    def unmark(self, name: str) -> None:
        """Take the mark off one field."""
        widget, label = self._fields[name]
        widget.setStyleSheet("")
        widget.setToolTip("")
        label.hide()

    def say(self, text: str) -> None:
        """A problem with the whole record (e.g. a conflict), under the form."""
        self.message.setText(text)
        self.message.show()

    def clear(self) -> None:
        """Remove every mark."""
        for widget, label in self._fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
            label.hide()
        self.message.hide()

    def text_of(self, name: str) -> str:
        """The problem shown for a field ('' when none)."""
        widget_label = self._fields.get(name)
        return widget_label[1].text() if widget_label and not widget_label[1].isHidden() else ""


def attempt(problems: FieldProblems, save: Callable[[], object]) -> bool:
    """Run save(); if the services refuse, show why on the form and return False."""
    try:
        save()
    except ValidationError as error:
        problems.show(error.problems)
        return False
    except UserError as error:
        problems.say(str(error))
        return False
    return True


def save_form(problems: FieldProblems, tracker: ChangeTracker, save: Callable[[], object]) -> bool:
    """Run save(); on refusal mark the form (still edited) and return False."""
    # Clean before saving: the save refreshes the views, which then reload the form.
    tracker.reset()
    if attempt(problems, save):
        return True
    tracker.touch()
    return False


class ChangeTracker(QObject):
    """Emits dirty_changed when any watched field is edited, until reset()."""

    dirty_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._paused = False

    def watch(self, *widgets: QWidget) -> None:
        """Track edits in these widgets."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.touch)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.touch)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.touch)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.touch)
            elif isinstance(widget, QDateTimeEdit | QAbstractSpinBox):
                widget.editingFinished.connect(self.touch)
                if isinstance(widget, QDateTimeEdit):
                    widget.dateTimeChanged.connect(self.touch)
                else:
                    widget.valueChanged.connect(self.touch)  # type: ignore[attr-defined]

    @property
    def dirty(self) -> bool:
        """True when something was edited since the last reset."""
        return self._dirty

    def touch(self) -> None:
        """Mark as edited (ignored while loading values)."""
        if not self._paused and not self._dirty:
            self._dirty = True
            self.dirty_changed.emit(True)

    def pause(self, paused: bool) -> None:
        """Ignore changes while a form is being filled programmatically."""
        self._paused = paused

    def reset(self) -> None:
        """Mark as saved."""
        if self._dirty:
            self._dirty = False
            self.dirty_changed.emit(False)


class ApplyRevertButtons(QWidget):
    """Apply and Revert for an editor form, enabled only while it holds unsaved edits, with
    "Unsaved changes" beside them while it does (the tab's title carries a mark too)."""

    def __init__(
        self,
        tracker: ChangeTracker,
        apply: Callable[[], object],
        revert: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.unsaved_label = QLabel("● Unsaved changes")
        self.unsaved_label.setObjectName("unsavedMark")
        self.unsaved_label.setStyleSheet(f"color: {UNSAVED_COLOUR}; font-weight: bold;")
        self.box = QDialogButtonBox()
        self.apply_button = QPushButton("&Apply")
        self.revert_button = QPushButton("Re&vert")
        self.box.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.box.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.apply_button.clicked.connect(apply)
        self.revert_button.clicked.connect(revert)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unsaved_label)
        layout.addWidget(self.box, 1)
        tracker.dirty_changed.connect(self._enable)
        self._enable(tracker.dirty)

    def _enable(self, dirty: bool) -> None:
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        # Hidden text keeps its room, so the buttons do not jump when the mark appears.
        self.unsaved_label.setText("● Unsaved changes" if dirty else "")
