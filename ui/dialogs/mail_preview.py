"""The first recipients' drafts as they will look: who, the subject, and the HTML part shown
the way a mail program shows it (dark text on white, whatever the desktop's colours)."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.mail_kinds import KINDS
from desktop_app.services.mail_drafts import DraftPlan, SampleDraft
from ui.editors.forms import PROBLEM_COLOUR

WARNING_COLOUR = "#b26a00"  # amber, readable on light and dark palettes


def attachments_text(plan: DraftPlan) -> str:
    """What each draft carries besides its text, in words."""
    info, facts = KINDS[plan.kind], plan.facts
    parts = []
    if info.calendar:
        what = "a calendar cancellation" if facts.cancelled else "a calendar invitation"
        speakers = plan.recipients and plan.recipients[0].speaker_id is not None
        if speakers and not facts.cancelled and (facts.tech_check or facts.after_hours):
            holds = ["the tech check"] if facts.tech_check else []
            holds.append("the session")
            if facts.after_hours and facts.after_hours_host_id is not None:
                holds.append("the After Hours for its host")
            what = "calendar invitations for " + _listed(holds)
        parts.append(what)
    if info.run_of_show:
        parts.append("the run of show as a PDF")
    return "Attached: " + " and ".join(parts) + "." if parts else "No attachments."


def warnings_html(plan: DraftPlan) -> str:
    """The placeholders left empty for some recipients, and who is left out, as HTML."""
    lines = []
    for warning in plan.warnings:
        lines.append(f"<li style='color:{WARNING_COLOUR}'>{html.escape(warning)}</li>")
    for reason in plan.left_out:
        lines.append(f"<li>Left out: {html.escape(reason)}</li>")
    if not lines:
        return ""
    advice = (
        "<p style='margin-top:0'>Fill in what is missing on the session, or change the "
        "template; the drafts can be written either way.</p>"
        if plan.warnings
        else ""
    )
    return f"<ul style='margin:0'>{''.join(lines)}</ul>{advice}"


def _listed(items: list[str]) -> str:
    """'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class MailPreview(QWidget):
    """One sample draft at a time, chosen from the first few recipients."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._samples: tuple[SampleDraft, ...] = ()
        self.sample_combo = QComboBox()
        self.sample_combo.setAccessibleName("Preview of the draft to")
        self.sample_combo.currentIndexChanged.connect(self._show_sample)
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.subject_label.setObjectName("previewSubject")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # a preview: nothing opens, nothing goes online
        self.browser.setAccessibleName("Draft as the recipient sees it")
        paper = self.browser.palette()
        paper.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        paper.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        self.browser.setPalette(paper)
        self.attachments_label = QLabel()
        self.attachments_label.setWordWrap(True)
        to_row = QHBoxLayout()
        to_label = QLabel("Pre&view for")
        to_label.setBuddy(self.sample_combo)
        to_row.addWidget(to_label)
        to_row.addWidget(self.sample_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(to_row)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.attachments_label)

    def show_plan(self, plan: DraftPlan) -> None:
        """Show the plan's sample drafts (the first recipient's at first)."""
        shown = self.sample_combo.currentIndex()
        self._samples = plan.samples
        self.sample_combo.blockSignals(True)
        self.sample_combo.clear()
        for number, sample in enumerate(plan.samples, 1):
            self.sample_combo.addItem(f"{number}. {sample.to}")
        self.sample_combo.setCurrentIndex(shown if 0 <= shown < len(plan.samples) else 0)
        self.sample_combo.blockSignals(False)
        self.sample_combo.setEnabled(bool(plan.samples))
        self.attachments_label.setText(attachments_text(plan))
        self._show_sample()

    def show_problem(self, text: str) -> None:
        """No preview: say why instead."""
        self._samples = ()
        self.sample_combo.clear()
        self.sample_combo.setEnabled(False)
        self.subject_label.clear()
        self.attachments_label.clear()
        self.browser.setHtml(
            f"<p style='color:{PROBLEM_COLOUR}'>{html.escape(text[:1].upper() + text[1:])}</p>"
        )

    def _show_sample(self) -> None:
        index = self.sample_combo.currentIndex()
        if not 0 <= index < len(self._samples):
            self.subject_label.setText("")
            self.browser.setHtml("<p>No one in this group gets a draft.</p>")
            return
        sample = self._samples[index]
        self.subject_label.setText(f"<b>Subject:</b> {html.escape(sample.subject)}")
        self.browser.setHtml(sample.html)

    def sample_html(self) -> str:
        """The HTML part shown now ('' when none)."""
        index = self.sample_combo.currentIndex()
        return self._samples[index].html if 0 <= index < len(self._samples) else ""
