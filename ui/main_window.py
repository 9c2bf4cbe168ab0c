"""The main window: series picker, the three tabs, menus and a status bar with counts."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.services import demo, series, stats
from ui.tabs.attendees_tab import AttendeesTab
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab


class MainWindow(QMainWindow):
    """Shows one series at a time in three tabs: Sessions, Speakers, Attendees."""

    def __init__(self, app: App) -> None:
        super().__init__()
        self._app = app
        self.setWindowTitle("Webinar Desk")
        self.setMinimumSize(720, 480)

        self.series_picker = QComboBox()
        self.series_picker.setMinimumContentsLength(30)
        self.series_picker.setAccessibleName("Series")
        self.series_picker.currentIndexChanged.connect(self._series_changed)
        toolbar = QToolBar("Series")
        toolbar.setObjectName("seriesToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel("Series: "))
        toolbar.addWidget(self.series_picker)
        self.addToolBar(toolbar)

        self.sessions_tab = SessionsTab(app)
        self.speakers_tab = SpeakersTab(app)
        self.attendees_tab = AttendeesTab(app)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.sessions_tab, "&Sessions")
        self.tabs.addTab(self.speakers_tab, "S&peakers")
        self.tabs.addTab(self.attendees_tab, "&Attendees")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self._restore_geometry()
        self.reload_series()

    # Building ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        """File and Help menus with standard shortcuts."""
        file_menu = self.menuBar().addMenu("&File")
        self.load_demo_action = QAction("Load &demo series", self)
        self.load_demo_action.triggered.connect(self.load_demo)
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Webinar Desk", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _empty_page(self) -> QWidget:
        """What a new database shows: an offer to load the demo series."""
        heading = QLabel("No webinar series yet")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        # Explicit line breaks: a word-wrapped label in a centred layout gets too little height.
        text = QLabel("Try Webinar Desk with the demo series “Procurement with a Purpose”:\n"
                      "four sessions, thirteen speakers and a few hundred registrants.")
        self.demo_button = QPushButton("Load the demo series")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.load_demo)
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setSpacing(12)
        card_layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # Behaviour -----------------------------------------------------------------------

    def reload_series(self) -> None:
        """Refill the series picker, keeping the selected series when it still exists."""
        previous = self.current_series_id()
        rows = series.list_series(self._app.uow())
        self.series_picker.blockSignals(True)
        self.series_picker.clear()
        for row in rows:
            self.series_picker.addItem(row.title, row.id)
        found = self.series_picker.findData(previous) if previous is not None else -1
        self.series_picker.setCurrentIndex(found if found >= 0 else (0 if rows else -1))
        self.series_picker.blockSignals(False)
        self.pages.setCurrentIndex(1 if rows else 0)
        self._series_changed()

    def current_series_id(self) -> int | None:
        """Id of the series being shown, if any."""
        value = self.series_picker.currentData()
        return int(value) if value is not None else None

    def _series_changed(self) -> None:
        """Show the chosen series in every tab and update the counts."""
        series_id = self.current_series_id()
        self.sessions_tab.refresh(series_id)
        self.speakers_tab.refresh(series_id)
        self.attendees_tab.refresh(series_id)
        if series_id is None:
            self.counts_label.clear()
            return
        counts = stats.stats(self._app.uow())
        self.counts_label.setText(
            f"{self.sessions_tab.model.rowCount()} sessions · "
            f"{self.speakers_tab.model.rowCount()} speakers · "
            f"{self.attendees_tab.model.total():,} registrants in this series · "
            f"{counts.registrants:,} in all")

    def load_demo(self) -> None:
        """Add the demo series and show it."""
        try:
            result = demo.load_demo(self._app.uow())
        except UserError as error:
            QMessageBox.warning(self, "Demo series", str(error))
            return
        self.reload_series()
        found = self.series_picker.findData(result.series_id)
        if found >= 0:
            self.series_picker.setCurrentIndex(found)
        self.statusBar().showMessage("Demo series loaded.", 5000)

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "About Webinar Desk",
                          f"Webinar Desk {__version__}\n\nPlan webinar series, their speakers "
                          f"and attendees, offline.\n\nDatabase: {self._app.url}", parent=self)
        box.open()

    # Window state ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 720)
        self.tabs.setCurrentIndex(int(settings.value("mainWindow/tab", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/tab", self.tabs.currentIndex())
        super().closeEvent(event)
