"""Times importing a generated 100,000-row Zoom attendee report against a floor (the csv
module and sqlite3 executemany in one transaction), and XLSX reading with openpyxl
against python-calamine."""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
HEADER = [
    "Attended",
    "First Name",
    "Last Name",
    "Email",
    "Registration Time",
    "Approval Status",
    "Join Time",
    "Leave Time",
    "Time in Session (minutes)",
    "Country/Region Name",
]


def zoom_report(rows: int) -> Path:
    """A Zoom attendee report (2020 layout) with `rows` attendee rows, re-joins included."""
    path = Path(tempfile.gettempdir()) / f"webinar-desk-zoom-{rows}.csv"
    if path.exists():
        return path
    rng = random.Random(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        handle.write('Attendee Report,\nReport Generated:,"Apr 09, 2020 8:50 PM"\n')
        handle.write("Host Details,\n")
        writer.writerow(
            [
                "Attended",
                "User Name",
                "Email",
                "Join Time",
                "Leave Time",
                "Time in Session (minutes)",
                "Country/Region Name",
            ]
        )
        writer.writerow(
            [
                "Yes",
                "host",
                "host@ocp.example",
                "Mar 28, 2020 08:07:27",
                "Mar 28, 2020 17:14:45",
                "548",
                "United States of America",
            ]
        )
        handle.write("Attendee Details,\n")
        writer.writerow(HEADER)
        person = 0
        written = 0
        while written < rows:
            person += 1
            email = f"person{person}@bench.example"
            for visit in range(rng.choice([1, 1, 1, 2, 3])):
                if written >= rows:
                    break
                came = rng.random() < 0.9
                registration = ["Mar 27, 2020 10:00:00", "approved"] if visit == 0 else ["NA", "NA"]
                times = (
                    ["Mar 28, 2020 09:00:00", "Mar 28, 2020 09:30:00", "30", "Kenya"]
                    if came
                    else ["--", "--", "--", "--"]
                )
                writer.writerow(
                    [
                        "Yes" if came else "No",
                        f"First{person}",
                        f"Last{person}",
                        email,
                        *registration,
                        *times,
                    ]
                )
                written += 1
    return path


def floor(path: Path, db: Path) -> float:
    """csv module parse + sqlite3 executemany of the same people and registrations."""
    started = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Attendee Details") + 2
    people: dict[str, list[str]] = {}
    minutes: dict[str, int] = {}
    for row in rows[start:]:
        people.setdefault(row[3], row)
        minutes[row[3]] = minutes.get(row[3], 0) + (int(row[8]) if row[8] != "--" else 0)
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
    return time.perf_counter() - started


def app_import(path: Path, db: Path) -> tuple[float, int]:
    """The app's import of the same file into a fresh database."""
    from desktop_app.bootstrap import open_app
    from desktop_app.services import demo, imports

    app = open_app(str(db))
    demo.load_demo(app.uow(), people=0)
    started = time.perf_counter()
    report = imports.import_file(app.uow(), path, 1)
    elapsed = time.perf_counter() - started
    app.close()
    return elapsed, report.registrants_created


def xlsx_reading(rows: int) -> None:
    """openpyxl read-only against python-calamine on the same workbook."""
    from openpyxl import Workbook, load_workbook

    path = Path(tempfile.gettempdir()) / f"webinar-desk-bench-{rows}.xlsx"
    if not path.exists():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(HEADER)
        for n in range(rows):
            sheet.append(
                [
                    "Yes",
                    f"First{n}",
                    f"Last{n}",
                    f"p{n}@bench.example",
                    "Mar 27, 2020 10:00:00",
                    "approved",
                    "Mar 28, 2020 09:00:00",
                    "Mar 28, 2020 09:30:00",
                    30,
                    "Kenya",
                ]
            )
        workbook.save(path)
    started = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    openpyxl_seconds = time.perf_counter() - started
    print(f"XLSX, {rows:,} rows: openpyxl read-only {openpyxl_seconds:.2f} s ({count:,} rows)")
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        print("  python-calamine is not installed; pip install python-calamine to compare")
        return
    started = time.perf_counter()
    calamine = CalamineWorkbook.from_path(str(path))
    count = len(calamine.get_sheet_by_index(0).to_python())
    calamine_seconds = time.perf_counter() - started
    print(
        f"  python-calamine {calamine_seconds:.2f} s ({count:,} rows); openpyxl / calamine "
        f"= {openpyxl_seconds / calamine_seconds:.1f}"
    )


def main() -> None:
    """Print the import's time against the floor, and the XLSX readers' times."""
    path = zoom_report(ROWS)
    with tempfile.TemporaryDirectory() as folder:
        floor_seconds = floor(path, Path(folder) / "floor.sqlite")
        app_seconds, people = app_import(path, Path(folder) / "app.sqlite")
    print(f"Zoom attendee report, {ROWS:,} rows ({people:,} people):")
    print(
        f"  app import {app_seconds:.2f} s; floor (csv + sqlite3 executemany) "
        f"{floor_seconds:.2f} s; ratio {app_seconds / floor_seconds:.1f}"
    )
    xlsx_reading(ROWS)


if __name__ == "__main__":
    sys.exit(main())
