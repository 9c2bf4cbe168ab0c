"""Times importing a generated Zoom attendee report against two floors, with peak memory.

Per size (10,000 and 100,000 rows; 1,000,000 with --million), interleaved, medians of
--runs (3) runs, each in its own process so peak memory (VmHWM) is its own:

- bare floor: the csv module and sqlite3 executemany into two bare tables;
- real-schema floor: the csv module, then the same people and registrations inserted with
  sqlite3 executemany into the app's real (migrated) tables with their indexes and foreign
  keys, the same columns the app fills (search text included), ids read back, no parsing
  or checks; its insert part alone is the write floor;
- app: imports.import_file (read, parse, merge, plan, write);
- app write side: the file read and parsed once, then imports.import_parsed timed alone
  (parsing is the parsers' business, measured by the line above).

Also: XLSX reading with openpyxl against python-calamine.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # run as a script: its neighbours import

from import_files import xlsx_reading, zoom_report  # noqa: E402


def _people(path: Path) -> tuple[dict[str, list[str]], dict[str, int]]:
    """The csv module's rows, one per email (first row wins), and minutes summed."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Attendee Details") + 2
    people: dict[str, list[str]] = {}
    minutes: dict[str, int] = {}
    for row in rows[start:]:
        people.setdefault(row[3], row)
        minutes[row[3]] = minutes.get(row[3], 0) + (int(row[8]) if row[8] != "--" else 0)
    return people, minutes


class Clock:
    """Wall and CPU time since it was made (the build machine is shared: CPU time shows
    the work, wall time adds the waits for the disk and for other processes)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}seconds": time.perf_counter() - self.wall,
            f"{prefix}cpu": time.process_time() - self.cpu,
        }


def child_bare(path: Path, db: Path) -> dict[str, float]:
    """csv module parse + sqlite3 executemany of the same people and registrations."""
    clock = Clock()
    people, minutes = _people(path)
    connection = sqlite3.connect(db)
    connection.execute(
        "CREATE TABLE registrants (id INTEGER PRIMARY KEY, email TEXT UNIQUE, "
        "first_name TEXT, last_name TEXT, country TEXT)"
    )
    connection.execute(
        "CREATE TABLE registrations (id INTEGER PRIMARY KEY, registrant_id "
        "INTEGER, session_id INTEGER, attended INTEGER, minutes INTEGER)"
    )
    with connection:
        connection.executemany(
            "INSERT INTO registrants (email, first_name, last_name, country) VALUES (?, ?, ?, ?)",
            [(e, r[1], r[2], r[9]) for e, r in people.items()],
        )
        ids = dict(connection.execute("SELECT email, id FROM registrants"))
        connection.executemany(
            "INSERT INTO registrations (registrant_id, session_id, "
            "attended, minutes) VALUES (?, 1, ?, ?)",
            [(ids[e], minutes[e] > 0, minutes[e]) for e in people],
        )
    connection.close()
    return {**clock.read(), "people": len(people)}


def _fresh_app_database(db: Path) -> None:
    """A migrated database holding the demo series without registrants."""
    from desktop_app.bootstrap import open_app
    from desktop_app.services import demo

    app = open_app(str(db))
    demo.load_demo(app.uow(), people=0)
    app.close()


def child_real(path: Path, db: Path) -> dict[str, float]:
    """The same rows into the app's real tables (indexes, foreign keys), no checks."""
    _fresh_app_database(db)
    clock = Clock()
    people, minutes = _people(path)
    write_clock = Clock()
    now = f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S.%f}"
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    with connection:
        cursor = connection.execute(
            "INSERT INTO import_batches (file_name, sha256, detected_format, session_id, "
            "imported_at, rows_total, registrants_created, registrants_updated, "
            "registrations_created, rows_skipped, undo_log) "
            "VALUES (?, '', 'zoom-attendees', 1, ?, 0, 0, 0, 0, 0, '{}')",
            (path.name, now),
        )
        batch = cursor.lastrowid
        connection.executemany(
            "INSERT INTO registrants (email, first_name, last_name, organisation, job_title, "
            "city, country, sector, consent, consent_at, consent_source, created_at, "
            "updated_at, search_text) "
            "VALUES (?, ?, ?, '', '', '', ?, '', 'unknown', NULL, '', ?, ?, ?)",
            # The same row the app writes, its search text too (folded the cheapest way).
            [
                (e, r[1], r[2], r[9], now, now, f"{r[2]} {r[1]} {e} {r[9]}".lower())
                for e, r in people.items()
            ],
        )
        ids = dict(connection.execute("SELECT email, id FROM registrants"))
        connection.executemany(
            "INSERT INTO registrations (registrant_id, session_id, registered_at, "
            "approval_status, source, attended, first_join, last_leave, minutes, "
            "import_batch_id) VALUES (?, 1, ?, 'approved', ?, ?, ?, ?, ?, ?)",
            [
                (
                    ids[e],
                    "2020-03-27 17:00:00.000000",
                    "Zoom attendee report: x.csv",
                    minutes[e] > 0,
                    "2020-03-28 16:00:00.000000",
                    "2020-03-28 16:30:00.000000",
                    minutes[e],
                    batch,
                )
                for e in people
            ],
        )
    connection.close()
    return {**clock.read(), **write_clock.read("write_"), "people": len(people)}


def child_app(path: Path, db: Path) -> dict[str, float]:
    """The app's whole import of the file (read, parse, merge, plan, write)."""
    from desktop_app.bootstrap import open_app
    from desktop_app.services import imports

    _fresh_app_database(db)
    app = open_app(str(db))
    clock = Clock()
    report = imports.import_file(app.uow(), path, 1)
    figures = clock.read()
    app.close()
    return {**figures, "people": report.registrants_created}


def child_write(path: Path, db: Path) -> dict[str, float]:
    """The file read and parsed once, then only import_parsed timed."""
    from desktop_app.bootstrap import open_app
    from desktop_app.io.formats import parse_table
    from desktop_app.io.table_reader import read_table
    from desktop_app.services import imports

    _fresh_app_database(db)
    app = open_app(str(db))
    table = read_table(path)
    parsed = parse_table(table)
    digest = table.sha256
    del table
    parsed_peak = peak_mib()
    clock = Clock()
    report = imports.import_parsed(app.uow(), parsed, digest, 1)
    figures = clock.read()
    app.close()
    return {**figures, "people": report.registrants_created, "parsed_mib": parsed_peak}


CHILDREN = {"bare": child_bare, "real": child_real, "app": child_app, "write": child_write}


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM on Linux; ru_maxrss elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def measure(kind: str, path: Path) -> dict[str, Any]:
    """Run one child in its own process and folder; its figures."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(path), str(Path(folder) / "x.sqlite")],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{result.stderr}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _print_size(size: int, runs: dict[str, list[dict[str, Any]]]) -> None:
    """One size's table: median wall and CPU seconds, peak MiB, ratios to the floors.

    A ratio is the median of each round's own ratio (a round runs every measure back to
    back, so a noisy minute weighs on app and floor alike), then the ratio of the best
    runs (noise only ever adds time).
    """

    def median(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[kind])

    def ratios(kind: str, floor: tuple[str, str], key: str) -> tuple[float, float]:
        mine, theirs = runs[kind], runs[floor[0]]
        paired = [a[key] / b[f"{floor[1]}{key}"] for a, b in zip(mine, theirs, strict=True)]
        best = min(r[key] for r in mine) / min(r[f"{floor[1]}{key}"] for r in theirs)
        return statistics.median(paired), best

    people = int(runs["app"][0]["people"])
    print(
        f"Zoom attendee report, {size:,} rows ({people:,} people), "
        f"medians of {len(runs['app'])} interleaved runs:"
    )
    print(
        f"  {'measure':<44} {'wall s':>7} {'CPU s':>7} {'MiB':>6}  "
        "ratio wall, CPU (median of rounds; best runs)"
    )
    lines = [
        ("bare floor (csv + sqlite3, two bare tables)", "bare", "", None),
        ("real-schema floor (csv + sqlite3, app tables)", "real", "", None),
        ("app import (read, parse, merge, plan, write)", "app", "", ("real", "")),
        ("  real-schema insert floor (no csv)", "real", "write_", None),
        ("  app write side (import_parsed)", "write", "", ("real", "write_")),
    ]
    for label, kind, prefix, floor in lines:
        wall, cpu = median(kind, f"{prefix}seconds"), median(kind, f"{prefix}cpu")
        memory = f"{median(kind, 'peak'):6.0f}" if not prefix else "      "
        ratio = ""
        if floor is not None:
            (wall_ratio, wall_best), (cpu_ratio, cpu_best) = (
                ratios(kind, floor, "seconds"),
                ratios(kind, floor, "cpu"),
            )
            ratio = f"{wall_ratio:5.2f}, {cpu_ratio:5.2f}; {wall_best:5.2f}, {cpu_best:5.2f}"
        print(f"  {label:<44} {wall:7.2f} {cpu:7.2f} {memory}  {ratio}")
    bare = median("bare", "seconds")
    print(f"  app / bare floor: {median('app', 'seconds') / bare:.2f} (wall)")
    print(f"  parsed file alone, before import_parsed: {median('write', 'parsed_mib'):.0f} MiB")


def main() -> None:
    """Print, per size, each measure's median time and peak memory and the ratios."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--million", action="store_true", help="also 1,000,000 rows")
    options.add_argument("--runs", type=int, default=3, help="runs per measure (median)")
    options.add_argument("--sizes", type=int, nargs="*", help="row counts instead of the usual")
    options.add_argument("--no-xlsx", action="store_true", help="skip the XLSX reading part")
    args = options.parse_args()
    sizes = args.sizes or [10_000, 100_000] + ([1_000_000] if args.million else [])
    for size in sizes:
        path = zoom_report(size)
        runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in CHILDREN}
        for _ in range(args.runs):
            for kind in CHILDREN:  # interleaved: a noisy minute hits every measure alike
                runs[kind].append(measure(kind, path))
        _print_size(size, runs)
    if not args.no_xlsx:
        xlsx_reading(sizes[0] if len(sizes) == 1 else 100_000)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        figures = CHILDREN[sys.argv[2]](Path(sys.argv[3]), Path(sys.argv[4]))
        print(json.dumps({**figures, "peak": peak_mib()}))
    else:
        main()
