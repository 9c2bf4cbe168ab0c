"""SQLite and a PostgreSQL server side by side at 100,000 registrants: the attendee index
load, an import of a 100,000-row Zoom report, and an export (CSV, and XLSX once).

The server is a throw-away one on a Unix socket (tests/pg_server.py), or the one named by
BENCH_PG_URL (an empty database there: it is filled by copy-db). Each measure runs on the
two engines in turn, REPEAT times, and prints medians and the server/SQLite ratio.
Sizes: BENCH_PEOPLE registrants (100,000), BENCH_ROWS report rows (100,000).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
sys.path[:0] = [str(HERE), str(HERE.parent)]

from big_database import big_database  # noqa: E402
from import_files import zoom_report  # noqa: E402

from desktop_app.bootstrap import App, open_app  # noqa: E402
from desktop_app.domain.export_profile import everything_profile  # noqa: E402
from desktop_app.services import exports, imports, sessions  # noqa: E402
from desktop_app.services.attendee_index import load_attendee_index  # noqa: E402
from desktop_app.services.copy_db import copy_database  # noqa: E402


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def index_load(app: App) -> float:
    def load() -> None:
        index = load_attendee_index(app.uow(), 1)
        assert index is not None and len(index) >= PEOPLE

    return timed(load)


def import_and_undo(app: App, report: Path) -> float:
    """Import the report into the last session (timed), then undo it (not timed)."""
    session = sessions.list_sessions(app.uow())[-1].id
    outcome: dict[str, int | None] = {}

    def run() -> None:
        outcome["batch"] = imports.import_file(app.uow(), report, session).batch_id

    seconds = timed(run)
    assert outcome["batch"] is not None
    imports.undo_import(app.uow(), outcome["batch"])
    return seconds


def export(app: App, suffix: str) -> float:
    target = Path(tempfile.gettempdir()) / f"webinar-desk-bench-server-export{suffix}"
    seconds = timed(lambda: exports.export_registrants(app.uow(), 1, everything_profile(), target))
    target.unlink()
    return seconds


def main() -> None:
    laptop = open_app(str(big_database(PEOPLE)))
    server_process = None
    url = os.environ.get("BENCH_PG_URL")
    if url is None:
        from tests.pg_server import PgServer

        server_process = PgServer()
        server_process.start()
        url = server_process.url(server_process.create_database("template0"))
    try:
        server = open_app(url)
        copied = copy_database(laptop.engine, server.engine, "laptop", "server")
        print(
            f"copy-db laptop -> server: {copied.rows:,} rows in {copied.seconds:.1f} s "
            f"({copied.rows / copied.seconds:,.0f} rows/s)"
        )
        report = zoom_report(ROWS)
        measures: list[tuple[str, Callable[[App], float], int]] = [
            (f"attendee index load ({PEOPLE:,} registrants)", index_load, REPEAT),
            (f"import a {ROWS:,}-row Zoom report", lambda a: import_and_undo(a, report), REPEAT),
            (f"export {PEOPLE:,} × 4 sessions to CSV", lambda a: export(a, ".csv"), REPEAT),
            (f"export {PEOPLE:,} × 4 sessions to XLSX", lambda a: export(a, ".xlsx"), 1),
        ]
        print("\n| measure | SQLite | PostgreSQL | server / SQLite |\n|---|---|---|---|")
        for name, measure, repeat in measures:
            lite: list[float] = []
            pg: list[float] = []
            for _ in range(repeat):  # interleaved, so both see the same machine load
                lite.append(measure(laptop))
                pg.append(measure(server))
            a, b = statistics.median(lite), statistics.median(pg)
            print(f"| {name} | {a:.2f} s | {b:.2f} s | {b / a:.2f} |", flush=True)
        server.close()
    finally:
        laptop.close()
        if server_process is not None:
            server_process.stop()


if __name__ == "__main__":
    main()
