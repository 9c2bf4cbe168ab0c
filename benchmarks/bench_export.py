"""Times registrant exports (x 4 sessions) against bare writers of the same cells, with
peak memory.

Per size (10,000 and 100,000 registrants; 1,000,000 with --million), interleaved (or
all at once with --together), medians of --runs (3) runs, each in its own process so its
CPU time and peak memory (VmHWM) are its own; wall and CPU seconds, peak MiB and ratios
per size, then one Markdown table of every size:

- bare openpyxl and bare xlsxwriter: a plain script reads the same people and
  registrations with sqlite3 and writes the same cells to the same sheets (Summary, one
  sheet per session, All registrants; dates with a date format, nothing else styled):
  xlsxwriter in constant-memory mode, openpyxl write-only;
- app XLSX: exports.export_registrants with the "Everything" profile;
- bare csv.writer over the same rows (read the same way), and the app's CSV export.

A million registrants: `--million --together --runs 1` took about half an hour on the
shared 2-core machine (its database, built once and cached, 13 minutes and 2.6 GB).
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
PERSON = "first_name, last_name, email, organisation, job_title, city, country, sector, consent"
DATE_FORMAT = "yyyy-mm-dd hh:mm"


class Clock:
    """Wall and CPU time since it was made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "cpu": time.process_time() - self.cpu}


def _rows(db: str) -> tuple[list[int], Iterator[tuple[list[Any], list[bool]]]]:
    """Session ids, and per person (name order) the All-registrants cells and whether
    they registered for each session: what a bare script would write."""
    connection = sqlite3.connect(db)
    sessions = [r[0] for r in connection.execute("SELECT id FROM sessions ORDER BY starts_at")]
    zone = ZoneInfo(connection.execute("SELECT home_zone FROM series").fetchone()[0])
    slot = {s: n for n, s in enumerate(sessions)}
    registrations: dict[int, list[Any]] = {}
    for registrant, session, registered_at, attended, minutes in connection.execute(
        "SELECT registrant_id, session_id, registered_at, attended, minutes FROM registrations"
    ):
        local = (
            datetime.fromisoformat(registered_at).replace(tzinfo=UTC).astimezone(zone)
            if registered_at
            else None
        )
        found = registrations.setdefault(registrant, [None] * len(sessions))
        found[slot[session]] = (local.replace(tzinfo=None) if local else None, attended, minutes)

    def people() -> Iterator[tuple[list[Any], list[bool]]]:
        for row in connection.execute(
            f"SELECT id, {PERSON} FROM registrants ORDER BY last_name, first_name, email"
        ):
            cells = list(row[1:])
            cells[8] = cells[8].capitalize()
            marks = []
            for found in registrations.get(row[0], [None] * len(sessions)):
                if found:
                    cells += [
                        found[0],
                        "Yes",
                        "Yes" if found[1] else "No",
                        found[2] if found[1] else None,
                    ]
                else:
                    cells += [None, "No", "", None]
                marks.append(bool(found))
            yield cells, marks

    return sessions, people()


def _session_cells(cells: list[Any], slot: int) -> list[Any]:
    return cells[:9] + cells[9 + 4 * slot : 13 + 4 * slot]


def child_bare_xlsxwriter(db: str, out: str) -> dict[str, Any]:
    """The same cells to the same sheets with a bare xlsxwriter constant-memory loop."""
    import xlsxwriter

    clock = Clock()
    sessions, people = _rows(db)
    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    date = workbook.add_format({"num_format": DATE_FORMAT})
    summary = workbook.add_worksheet("Summary")
    per_session = [workbook.add_worksheet(f"Session {n}") for n in range(len(sessions))]
    everyone = workbook.add_worksheet("All registrants")
    for sheet, width in [(s, 13) for s in per_session] + [(everyone, 9 + 4 * len(sessions))]:
        for column in range(9, width, 4):
            sheet.set_column(column, column, 18, date)
        sheet.write_row(0, 0, [f"Heading {n}" for n in range(width)])
    rows = [0] * len(sessions)
    total = 0
    for cells, marks in people:
        total += 1
        everyone.write_row(total, 0, cells)
        for slot, registered in enumerate(marks):
            if registered:
                rows[slot] += 1
                per_session[slot].write_row(rows[slot], 0, _session_cells(cells, slot))
    summary.write_row(0, 0, ["People exported", total])
    workbook.close()
    return {**clock.read(), "people": total}


def child_bare_openpyxl(db: str, out: str) -> dict[str, Any]:
    """The same cells to the same sheets with bare openpyxl write-only."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    clock = Clock()
    sessions, people = _rows(db)
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet("Summary")
    per_session = [workbook.create_sheet(f"Session {n}") for n in range(len(sessions))]
    everyone = workbook.create_sheet("All registrants")
    for sheet, width in [(s, 13) for s in per_session] + [(everyone, 9 + 4 * len(sessions))]:
        sheet.append([f"Heading {n}" for n in range(width)])

    def dated(sheet: Any, cells: list[Any]) -> list[Any]:
        for n in range(9, len(cells), 4):
            if cells[n] is not None:
                cell = WriteOnlyCell(sheet, value=cells[n])
                cell.number_format = DATE_FORMAT
                cells[n] = cell
        return cells

    total = 0
    for cells, marks in people:
        total += 1
        for slot, registered in enumerate(marks):
            if registered:
                per_session[slot].append(dated(per_session[slot], _session_cells(cells, slot)))
        everyone.append(dated(everyone, cells))
    summary.append(["People exported", total])
    workbook.save(out)
    return {**clock.read(), "people": total}


def child_bare_csv(db: str, out: str) -> dict[str, Any]:
    """The All-registrants rows through a bare csv.writer loop (dates as text)."""
    import csv

    clock = Clock()
    _, people = _rows(db)
    total = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Heading"] * 25)
        for cells, _marks in people:
            total += 1
            for n in range(9, len(cells), 4):
                if cells[n] is not None:
                    cells[n] = cells[n].isoformat(" ", "minutes")
            writer.writerow(cells)
    return {**clock.read(), "people": total}


def _app(db: str, out: str) -> dict[str, Any]:
    from sqlalchemy.orm import configure_mappers

    from desktop_app.bootstrap import open_app
    from desktop_app.domain.export_profile import everything_profile
    from desktop_app.services import exports

    app = open_app(db)
    # The window has run ORM queries long before anyone exports; a fresh process pays
    # SQLAlchemy's one-time mapper set-up (~0.1 s) here, outside the export.
    configure_mappers()
    clock = Clock()
    plan = exports.export_registrants(app.uow(), 1, everything_profile(), Path(out))
    return {**clock.read(), "people": plan.people}


CHILDREN: dict[str, tuple[str, Callable[[str, str], dict[str, Any]]]] = {
    "openpyxl": (".xlsx", child_bare_openpyxl),
    "xlsxwriter": (".xlsx", child_bare_xlsxwriter),
    "app-xlsx": (".xlsx", _app),
    "csv": (".csv", child_bare_csv),
    "app-csv": (".csv", _app),
}


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM on Linux; ru_maxrss elsewhere).

    Linux's ru_maxrss also counts the memory image inherited at fork, so VmHWM is read
    where it exists."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def measure(kinds: list[str], db: str) -> dict[str, dict[str, Any]]:
    """Run each child in its own process, all at once; their figures by kind."""
    with tempfile.TemporaryDirectory() as folder:
        running = {
            kind: subprocess.Popen(
                [sys.executable, __file__, "--child", kind, db, f"{folder}/{kind}{suffix}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for kind in kinds
            for suffix in [CHILDREN[kind][0]]
        }
        figures = {}
        for kind, child in running.items():
            out, err = child.communicate()
            if child.returncode != 0:
                raise SystemExit(f"{kind} failed:\n{err}")
            figures[kind] = dict(json.loads(out.strip().splitlines()[-1]))
    return figures


LABELS = {
    "openpyxl": "bare openpyxl write-only, same cells",
    "xlsxwriter": "bare xlsxwriter constant memory, same",
    "app-xlsx": "app XLSX export",
    "csv": "bare csv.writer, same rows",
    "app-csv": "app CSV export",
}
FLOORS = {"app-xlsx": "xlsxwriter", "openpyxl": "xlsxwriter", "app-csv": "csv"}

Runs = dict[str, list[dict[str, Any]]]


def main() -> None:
    """Build the databases once, then print each measure and its ratios per size, and at
    the end one Markdown table of every size (for a closing note or the README)."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--million", action="store_true", help="also 1,000,000 registrants")
    options.add_argument("--runs", type=int, default=3, help="runs per measure (median)")
    options.add_argument("--sizes", type=int, nargs="*", help="registrant counts instead")
    options.add_argument("--only", nargs="*", choices=list(CHILDREN), help="these measures")
    options.add_argument(
        "--together",
        action="store_true",
        help="run a round's measures at the same time (each still in its own process, so "
        "its CPU time and peak memory are its own): a shared machine's load hits them "
        "alike, and a million-registrant round takes the longest one's time, not the sum",
    )
    args = options.parse_args()
    sys.path.insert(0, str(HERE))
    from big_database import big_database

    sizes = args.sizes or [10_000, 100_000] + ([1_000_000] if args.million else [])
    kinds = args.only or list(CHILDREN)
    table: dict[int, Runs] = {}
    for size in sizes:
        db = str(big_database(size))
        runs: Runs = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            # Interleaved (or together): a noisy minute hits every measure alike.
            rounds = [kinds] if args.together else [[kind] for kind in kinds]
            for group in rounds:
                for kind, figures in measure(group, db).items():
                    runs[kind].append(figures)
        _print_size(size, runs, args.together)
        table[size] = runs
    _print_markdown(table)


def _median(runs: Runs, kind: str, key: str) -> float:
    return float(statistics.median(r[key] for r in runs[kind]))


def _ratios(runs: Runs, kind: str) -> tuple[float, float] | None:
    """(wall, CPU) of kind over its floor, when both were measured."""
    floor = FLOORS.get(kind)
    if floor not in runs:
        return None
    return (
        _median(runs, kind, "seconds") / _median(runs, floor, "seconds"),
        _median(runs, kind, "cpu") / _median(runs, floor, "cpu"),
    )


def _print_size(size: int, runs: Runs, together: bool) -> None:
    how = "runs, measures at the same time" if together else "interleaved runs"
    print(f"{size:,} registrants x 4 sessions, medians of {len(next(iter(runs.values())))} {how}:")
    print(f"  {'measure':<40} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}  ratio (wall, CPU)")
    for kind in runs:
        wall, cpu = _median(runs, kind, "seconds"), _median(runs, kind, "cpu")
        ratios = _ratios(runs, kind)
        ratio = (
            f"{ratios[0]:5.2f}, {ratios[1]:5.2f} x {LABELS[FLOORS[kind]].split(',')[0]}"
            if ratios
            else ""
        )
        peak = _median(runs, kind, "peak")
        print(f"  {LABELS[kind]:<40} {wall:7.2f} {cpu:7.2f} {peak:9.0f}  {ratio}")
    sys.stdout.flush()


def _seconds(value: float) -> str:
    """Three significant figures, without an exponent (1,927 s, not 1.93e+03)."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def _print_markdown(table: dict[int, Runs]) -> None:
    """Every size side by side: wall / CPU s and peak MiB per measure, then the ratios."""
    sizes = list(table)
    kinds = list(dict.fromkeys(kind for runs in table.values() for kind in runs))
    print()
    print("| export, registrants x 4 sessions | " + " | ".join(f"{s:,}" for s in sizes) + " |")
    print("|---" * (len(sizes) + 1) + "|")
    for kind in kinds:
        cells = []
        for size in sizes:
            runs = table[size]
            cells.append(
                f"{_seconds(_median(runs, kind, 'seconds'))} / "
                f"{_seconds(_median(runs, kind, 'cpu'))} s, "
                f"{_median(runs, kind, 'peak'):,.0f} MiB"
                if kind in runs
                else ""
            )
        print(f"| {LABELS[kind]} | " + " | ".join(cells) + " |")
        if all(_ratios(table[size], kind) for size in sizes):
            floor = LABELS[FLOORS[kind]].split(",")[0]
            cells = []
            for size in sizes:
                wall, cpu = _ratios(table[size], kind) or (0.0, 0.0)
                cells.append(f"{wall:.2f} / {cpu:.2f}")
            print(f"| {LABELS[kind]} ÷ {floor} (wall / CPU) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        figures = CHILDREN[sys.argv[2]][1](sys.argv[3], sys.argv[4])
        print(json.dumps({**figures, "peak": peak_mib()}))
    else:
        main()
