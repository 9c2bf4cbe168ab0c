"""The run-of-show editor's way out: paper, print preview, print, and export to PDF, HTML or
XLSX, always of what is shown (saved or not)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet
from desktop_app.reports.run_of_show_html import render
from ui import folders
from ui.dialogs.sizing import fit_size
from ui.printing import html_to_pdf, page_layout, print_html

PREVIEW_SIZE = (1000, 720)  # a page at fit-width stays readable; shrunk to the screen


class SheetOutput(QWidget):
    """Paper choice and the Preview, Print and Export buttons of one run of show."""

    exported = Signal(str)  # the file written
    refused = Signal(str)  # why an export could not be written

    def __init__(self, sheet: Callable[[], RunOfShowSheet], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sheet = sheet
        self.page_combo = QComboBox()
        self.page_combo.addItems(["A4", "Letter"])
        self.page_combo.setAccessibleName("Paper")
        self.landscape_check = QCheckBox("Landscape")
        self.preview_button = QPushButton("Print pre&view…")
        self.print_button = QPushButton("&Print…")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.export_button = QPushButton("E&xport…")
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_sheet)
        self.export_button.clicked.connect(self.choose_export)
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.printer: QPrinter | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Paper"))
        row.addWidget(self.page_combo)
        row.addWidget(self.landscape_check)
        row.addStretch(1)
        for button in (self.preview_button, self.print_button, self.export_button):
            row.addWidget(button)

    def sheet_html(self) -> str:
        """The printable sheet of what is shown."""
        return render(self._sheet())

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            page_layout(self.page_combo.currentText(), self.landscape_check.isChecked())
        )
        return printer

    def print_preview(self) -> None:
        """Show the printed pages."""
        # The dialog does not own its printer: keep it alive as long as the dialog.
        self.printer = self._printer()
        preview = QPrintPreviewDialog(self.printer, self)
        html = self.sheet_html()
        preview.paintRequested.connect(lambda device: print_html(html, device))
        self.preview_dialog = preview
        fit_size(preview, *PREVIEW_SIZE)
        preview.open()
        # Qt opens it fitting a whole page, too small to read on a laptop: fit the width,
        # through the dialog's own action so its toolbar shows the choice.
        fit_width = preview.findChild(QAction, "fitWidthAction")
        if fit_width is not None:
            fit_width.trigger()

    def print_sheet(self) -> None:
        """Choose a printer, then print."""
        self.printer = printer = self._printer()
        dialog = QPrintDialog(printer, self)
        html = self.sheet_html()
        dialog.accepted.connect(lambda: print_html(html, printer))
        self.print_dialog = dialog
        # QPrintDialog.open() wants a receiver and a slot; QDialog's open() shows it as is.
        QDialog.open(dialog)

    def choose_export(self) -> None:
        """Save the sheet as PDF, HTML or XLSX."""
        name = f"{self._sheet().session.title} - run of show.pdf".replace("/", "-")
        dialog = folders.file_dialog(
            self,
            folders.RUN_OF_SHOW,
            "Export run of show",
            name,
            "PDF (*.pdf);;Web page (*.html);;Excel workbook (*.xlsx)",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, target: Path) -> None:
        """Write the shown run of show to target (PDF, HTML or XLSX by its suffix)."""
        from desktop_app.services.run_of_show_export import write_sheet

        page, landscape = self.page_combo.currentText(), self.landscape_check.isChecked()
        try:
            write_sheet(self._sheet(), target, page, landscape, pdf_renderer=html_to_pdf)
        except UserError as error:
            self.refused.emit(str(error))
            return
        self.exported.emit(str(target))
