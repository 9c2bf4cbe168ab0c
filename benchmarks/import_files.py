"""The generated files the import benchmarks read: a Zoom attendee report of any size,
and XLSX reading with openpyxl against python-calamine."""

from __future__ import annotations

import csv
import random
import tempfile
import time
from pathlib import Path

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
