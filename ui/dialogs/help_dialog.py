"""Help › Quick guide and Help › Keyboard shortcuts: a page of text in a small window."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE_HTML = """
<h3>Webinar Desk in five minutes</h3>
<p><b>1. A series.</b> File › New series… names it and sets its home time zone (where
start times are typed) and the zones your audience reads them in. Edit › Preferences…
sets what new series start with.</p>
<p><b>2. Sessions.</b> On the Sessions tab, <i>New session</i> adds one; edit it on the
right and press <i>Apply</i> (a “•” on the tab means unsaved changes). Add speakers in the
list below the form.</p>
<p><b>3. Speakers.</b> The Speakers tab holds everyone who speaks, with bio, headshot and
the sessions they are in.</p>
<p><b>4. Registrations and attendance.</b> <i>Import</i> on the toolbar (or drop a file on
the window) reads Zoom, Eventbrite, Google Forms or any spreadsheet with an email column.
The preview shows what will change before anything does; File › Import history… undoes a
whole import.</p>
<p><b>5. Attendees.</b> Filter by name, session, attendance and consent; select people to
set consent, merge two addresses of one person, or delete. “Not in any series” in the
session filter shows people whose series are gone. Right-click a column heading to choose
the columns.</p>
<p><b>6. Share.</b> <i>Export</i> writes a spreadsheet for a partner (only people who
consented, by default). <i>Print run of show</i> gives the producer's sheet for the
session selected on the Sessions tab.</p>
<p><b>Undo.</b> Every change can be undone with Edit › Undo, even a deletion.</p>
<p><b>The demo.</b> File › Remove the demo series takes the demo away with all its
made-up people.</p>
"""


def shortcuts_html(shortcuts: list[tuple[str, str]]) -> str:
    """A table of keys and the commands they run."""
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{escape(keys)}</b></td>"
        f"<td>{escape(command)}</td></tr>"
        for keys, command in shortcuts
    )
    return f"<h3>Keyboard shortcuts</h3><table cellspacing='4'>{rows}</table>"


class HelpDialog(QDialog):
    """A page of help text with a Close button (not modal: it can stay open beside)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # offline: no link leads anywhere
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 480)
