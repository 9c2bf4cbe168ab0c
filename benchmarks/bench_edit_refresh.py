"""Times one edit at 100,000 registrants: from the call through `Edits` (set one person's
consent; change one person's first name) until the Attendees table shows the new value and
has repainted, as a ratio to its floor (the same change made by the service alone)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
TIMEOUT_MS = 60_000


def main() -> None:
    """Open the big database in the window, then time consent and name edits."""
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from big_database import big_database

    db = str(big_database(PEOPLE))

    from dataclasses import replace

    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.bootstrap import open_app
    from desktop_app.domain.enums import Consent, label
    from desktop_app.services import registrants
    from ui.app import make_qt_app
    from ui.edits import registrant_data
    from ui.window.main_window import MainWindow

    qt_app = make_qt_app(sys.argv[:1])
    app = open_app(db)
    window = MainWindow(app)
    window.resize(1280, 760)
    window.show()
    # The window's tabs by type (after issue 9), or by attribute (before it).
    if hasattr(window, "tab"):
        from ui.tabs.attendees_tab import AttendeesTab

        tab = window.tab(AttendeesTab)
    else:
        tab = window.attendees_tab
    window.tabs.setCurrentWidget(tab)
    model = tab.model
    loop = QEventLoop()
    # The index loads on a worker thread: wait in a plain event loop for the full table.
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)

    def wait_until(done: Callable[[], bool]) -> bool:
        """Run the event loop until done() holds after a model signal (or the deadline)."""

        def check(*_args: object) -> None:
            if done():
                loop.quit()

        model.modelReset.connect(check)
        model.dataChanged.connect(check)
        model.layoutChanged.connect(check)
        deadline.start(TIMEOUT_MS)
        if not done():
            loop.exec()
        deadline.stop()
        model.modelReset.disconnect(check)
        model.dataChanged.disconnect(check)
        model.layoutChanged.disconnect(check)
        return done()

    assert wait_until(lambda: model.rowCount() >= PEOPLE), "the attendee table did not load"
    qt_app.processEvents()
    person = model.id_at(0)
    consent_column, name_column = 5, 1

    def shown(column: int, text: str) -> Callable[[], bool]:
        """True once the person's cell in column reads text (the row may have moved)."""
        row_hint = [0]

        def check() -> bool:
            row = row_hint[0]
            if not (row < model.rowCount() and model.id_at(row) == person):
                ids = model.ids()
                if person not in ids:
                    return False
                row = row_hint[0] = ids.index(person)
            return bool(model.index(row, column).data() == text)

        return check

    def timed(edit: Callable[[], None], done: Callable[[], bool]) -> float:
        started = time.perf_counter()
        edit()
        assert wait_until(done), "the edit never showed"
        tab.view.viewport().repaint()  # the table paints the new value
        return time.perf_counter() - started

    other = model.id_at(1)  # the floors write to someone else, behind the window's back
    consent_times, name_times, floor_consent, floor_name = [], [], [], []
    for run in range(RUNS):
        current = registrants.get_registrant(app.uow(), person).consent
        consent = Consent.NO if current != Consent.NO.value else Consent.YES
        consent_times.append(
            timed(
                lambda c=consent: window.edits.set_consent([person], c),
                shown(consent_column, label(consent)),
            )
        )
        row = registrants.get_registrant(app.uow(), person)
        first = f"Bench{run}"
        name_times.append(
            timed(
                lambda r=row, f=first: window.edits.update_registrant(
                    r, replace(registrant_data(r), first_name=f)
                ),
                shown(name_column, first),
            )
        )
        started = time.perf_counter()
        registrants.set_consent(app.uow(), [other], consent, "benchmark")
        floor_consent.append(time.perf_counter() - started)
        row = registrants.get_registrant(app.uow(), other)
        started = time.perf_counter()
        registrants.update_registrant(
            app.uow(), other, replace(registrant_data(row), first_name=f"Floor{run}"), row.version
        )
        floor_name.append(time.perf_counter() - started)
    window.close()
    app.close()

    def ms(values: list[float]) -> str:
        worst = max(values) * 1000
        return f"median {statistics.median(values) * 1000:8.1f} ms, worst {worst:8.1f} ms"

    print(f"registrants: {PEOPLE:,}, runs: {RUNS}")
    for name, values, floor in (
        ("set one person's consent", consent_times, floor_consent),
        ("edit one person's name  ", name_times, floor_name),
    ):
        print(f"{name}: edit to table shown {ms(values)}")
        print(
            f"  floor, the service call alone:   {ms(floor)}; ratio "
            f"{statistics.median(values) / statistics.median(floor):.1f}"
        )


if __name__ == "__main__":
    main()
