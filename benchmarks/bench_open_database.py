"""Times opening a demo database and listing its sessions against a bare sqlite3 floor."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.bootstrap import open_app
from desktop_app.services import demo, sessions, stats

REPEATS = 15


def best(seconds: list[float]) -> str:
    """Median and best of a list of timings, in milliseconds."""
    return f"median {statistics.median(seconds) * 1000:7.1f} ms, best {min(seconds) * 1000:7.1f} ms"


def main() -> None:
    """Print the app's cost and the floor's for opening and reading a demo database."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        app = open_app(str(path))
        demo.load_demo(app.uow())
        app.close()

        app_times, floor_times = [], []
        for _ in range(REPEATS):
            started = time.perf_counter()
            app = open_app(str(path))  # checks the schema version, runs no migration
            sessions.list_sessions(app.uow())
            stats.stats(app.uow())
            app.close()
            app_times.append(time.perf_counter() - started)

            started = time.perf_counter()
            connection = sqlite3.connect(path)
            connection.execute(
                "SELECT s.*, count(r.id), sum(r.attended) FROM sessions s LEFT "
                "JOIN registrations r ON r.session_id = s.id GROUP BY s.id"
            ).fetchall()
            for table in ("series", "sessions", "speakers", "registrants", "registrations"):
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            connection.close()
            floor_times.append(time.perf_counter() - started)

    print(f"open + list sessions + stats (app):  {best(app_times)}")
    print(f"same queries with bare sqlite3:      {best(floor_times)}")
    print(
        f"ratio (median app / median floor):   "
        f"{statistics.median(app_times) / statistics.median(floor_times):.1f}x"
    )


if __name__ == "__main__":
    main()
