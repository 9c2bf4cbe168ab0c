"""Times the window on 100,000 registrants: launch to first paint, a filter keystroke and a
column sort, each as a ratio to its floor (a bare window with the same three tabs; a plain
Python loop over the same rows)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
KEYSTROKES = ["m", "ma", "mar", "mari", "maria", "maria ", "maria g", "maria ga"]


def child_bare(started: float) -> None:
    """A window with three empty tabs: the floor for launch time."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    qt_app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Sessions", "Speakers", "Attendees"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    _report_first_paint(qt_app, window, started)


def child_app(started: float, db: str) -> None:
    """The real app's window on the big database."""
    from ui.app import make_qt_app, open_main_window

    qt_app = make_qt_app(sys.argv[:1])
    window = open_main_window(db)
    assert window is not None
    _report_first_paint(qt_app, window, started)


def _report_first_paint(qt_app: object, window: object, started: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
                self.done = True
                print(f"{time.time() - started:.4f}", flush=True)
                QTimer.singleShot(0, qt_app.quit)  # type: ignore[attr-defined]
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    qt_app.exec()  # type: ignore[attr-defined]


def launch_seconds(kind: str, db: str, runs: int = 5) -> float:
    """Median wall time from starting a Python process to its window's first paint.

    As an installed app starts: with its modules' bytecode cached (a first, uncounted
    launch writes it; PYTHONDONTWRITEBYTECODE, set on some build machines, would have
    every launch compile the app's sources while PySide6's own come compiled).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for run in range(runs + 1):
        started = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, db, str(started)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        if run:
            times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def in_process(db: str) -> tuple[list[float], list[float], list[float], list[float]]:
    """Filter and sort timings in the app, and the same work as plain Python loops."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from desktop_app.bootstrap import open_app
    from desktop_app.db.models import Registrant
    from ui.app import make_qt_app
    from ui.tabs.attendees_tab import AttendeesTab
    from ui.window.main_window import MainWindow

    qt_app = make_qt_app(sys.argv[:1])
    app = open_app(db)
    window = MainWindow(app)
    window.show()
    tab = window.tab(AttendeesTab)
    window.tabs.setCurrentWidget(tab)
    while tab.model.rowCount() < PEOPLE:  # the index loads on a worker thread
        qt_app.processEvents()
        time.sleep(0.01)
    qt_app.processEvents()

    filter_times = []
    for text in KEYSTROKES:
        started = time.perf_counter()
        tab.filter_edit.setText(text)
        tab.apply_filter()
        qt_app.processEvents()  # includes repainting the table
        filter_times.append(time.perf_counter() - started)
    tab.filter_edit.setText("")
    tab.apply_filter()

    sort_times = []
    for column, order in (
        (2, Qt.SortOrder.DescendingOrder),
        (3, Qt.SortOrder.AscendingOrder),
        (8, Qt.SortOrder.DescendingOrder),
        (4, Qt.SortOrder.AscendingOrder),
    ):
        started = time.perf_counter()
        tab.view.sortByColumn(column, order)
        qt_app.processEvents()
        sort_times.append(time.perf_counter() - started)

    with app.uow() as uow:
        rows = list(
            uow.session.execute(
                select(
                    Registrant.id,
                    Registrant.last_name,
                    Registrant.first_name,
                    Registrant.email,
                    Registrant.organisation,
                    Registrant.country,
                    Registrant.job_title,
                    Registrant.consent,
                )
            ).tuples()
        )
    floor_filter = []
    for text in KEYSTROKES:
        started = time.perf_counter()
        words = text.casefold().split()
        _ = [r for r in rows if all(any(w in str(v).casefold() for v in r[1:7]) for w in words)]
        floor_filter.append(time.perf_counter() - started)
    floor_sort = []
    for column in (3, 4, 1, 5):
        started = time.perf_counter()
        sorted(rows, key=lambda r, c=column: r[c])
        floor_sort.append(time.perf_counter() - started)
    window.close()
    app.close()
    return filter_times, floor_filter, sort_times, floor_sort


def index_load(db: str, runs: int = 5) -> tuple[list[float], list[float], list[float], list[float]]:
    """Loading the series' attendee index, and its floor (sqlite3 reading the same rows
    into plain tuples: the registrants of the series with the columns the index holds, and
    their registrations), interleaved; wall and CPU seconds of each (CPU says more than
    wall on a shared machine)."""
    import sqlite3

    from desktop_app.bootstrap import open_app
    from desktop_app.services.attendee_index import load_attendee_index

    app = open_app(db)
    loads, floors, load_cpu, floor_cpu = [], [], [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        load_attendee_index(app.uow(), 1)
        loads.append(time.perf_counter() - started)
        load_cpu.append(time.process_time() - cpu)
        started, cpu = time.perf_counter(), time.process_time()
        connection = sqlite3.connect(db)
        sessions = [r[0] for r in connection.execute("SELECT id FROM sessions")]
        marks = ", ".join("?" * len(sessions))
        connection.execute(
            "SELECT registrant_id, session_id, attended, minutes FROM registrations "
            f"WHERE session_id IN ({marks})",
            sessions,
        ).fetchall()
        connection.execute(
            "SELECT id, last_name, first_name, email, organisation, country, job_title, "
            "consent, search_text FROM registrants WHERE EXISTS (SELECT 1 FROM "
            f"registrations WHERE registrant_id = registrants.id AND session_id IN ({marks}))",
            sessions,
        ).fetchall()
        connection.close()
        floors.append(time.perf_counter() - started)
        floor_cpu.append(time.process_time() - cpu)
    app.close()
    return loads, floors, load_cpu, floor_cpu


def ms(values: list[float]) -> str:
    """Median and worst, in milliseconds."""
    return f"median {statistics.median(values) * 1000:7.1f} ms, worst {max(values) * 1000:7.1f} ms"


def main() -> None:
    """Build (or reuse) the big database and print every measure with its ratio."""
    sys.path.insert(0, str(HERE))
    from big_database import big_database

    db = str(big_database(PEOPLE))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bare = launch_seconds("bare", db)
    real = launch_seconds("app", db)
    print(f"registrants: {PEOPLE:,}")
    print(
        f"launch to first painted window: app {real * 1000:6.0f} ms, bare three-tab window "
        f"{bare * 1000:6.0f} ms, ratio {real / bare:.2f} (goal < 2)"
    )
    loads, floor_loads, load_cpu, floor_cpu = index_load(db)
    print(f"attendee index load: app {ms(loads)}  (goal <= 1 s)")
    print(
        f"  floor, sqlite3 reading the same rows: {ms(floor_loads)}; ratio "
        f"{statistics.median(loads) / statistics.median(floor_loads):.2f}"
    )
    print(
        f"  CPU: app {ms(load_cpu)}, floor {ms(floor_cpu)}; ratio "
        f"{statistics.median(load_cpu) / statistics.median(floor_cpu):.2f}"
    )
    filters, floor_filters, sorts, floor_sorts = in_process(db)
    print(f"filter keystroke:  app {ms(filters)}  (goal < 50 ms)")
    print(
        f"  floor, Python loop over the rows: {ms(floor_filters)}; ratio "
        f"{statistics.median(filters) / statistics.median(floor_filters):.2f}"
    )
    print(f"sort a column:     app {ms(sorts)}")
    print(
        f"  floor, sorted() over the rows:    {ms(floor_sorts)}; ratio "
        f"{statistics.median(sorts) / statistics.median(floor_sorts):.2f}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, database, start = sys.argv[2], sys.argv[3], float(sys.argv[4])
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        child_bare(start) if kind == "bare" else child_app(start, database)
    else:
        main()
