"""Times exporting registrants (× 4 sessions) to XLSX, with peak memory, as ratios to the
floor: the same rows written unstyled with openpyxl's write-only mode in a bare script.
Sizes: 10,000 and 100,000 registrants (and 1,000,000 with BENCH_MILLION=1)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child_app(db: str, out: str) -> None:
    """Export with the app's service; print seconds and peak RSS."""
    from desktop_app.bootstrap import open_app
    from desktop_app.domain.export_profile import everything_profile
    from desktop_app.services import exports

    app = open_app(db)
    started = time.perf_counter()
    plan = exports.export_registrants(app.uow(), 1, everything_profile(), Path(out))
    report(time.perf_counter() - started, plan.people)


def child_floor(db: str, out: str) -> None:
    """The same people and per-session cells, unstyled, openpyxl write-only, one sheet."""
    import sqlite3

    from openpyxl import Workbook

    started = time.perf_counter()
    connection = sqlite3.connect(db)
    sessions = [row[0] for row in connection.execute("SELECT id FROM sessions ORDER BY starts_at")]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("All registrants")
    people = 0
    registrations: dict[int, dict[int, tuple[object, ...]]] = {}
    for registrant_id, session_id, registered_at, attended, minutes in connection.execute(
        "SELECT registrant_id, session_id, registered_at, attended, minutes FROM registrations"
    ):
        registrations.setdefault(registrant_id, {})[session_id] = (registered_at, attended, minutes)
    for row in connection.execute(
        "SELECT id, first_name, last_name, email, organisation, job_title, city, country,"
        " sector, consent FROM registrants ORDER BY last_name, first_name, email"
    ):
        cells = list(row[1:])
        for session_id in sessions:
            found = registrations.get(row[0], {}).get(session_id)
            cells += (
                [found[0], "Yes", "Yes" if found[1] else "No", found[2]]
                if found
                else [None, "No", "", None]
            )
        sheet.append(cells)
        people += 1
    workbook.save(out)
    report(time.perf_counter() - started, people)


def peak_kib() -> float:
    """This process's peak resident memory since it started its program.

    Linux's ru_maxrss also counts the memory image inherited at fork (a parent that just
    built a million-row database would show through), so VmHWM is read where it exists.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def report(seconds: float, people: int) -> None:
    """Print one JSON line: time, people and this process's peak memory."""
    print(json.dumps({"seconds": seconds, "people": people, "peak_mib": peak_kib() / 1024}))


def measure(kind: str, db: str) -> dict[str, float]:
    """Run one child process and read its figures."""
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "out.xlsx")
        result = subprocess.run(
            [sys.executable, __file__, "--child", kind, db, out],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the databases once, then print app and floor figures per size."""
    sys.path.insert(0, str(HERE))
    from big_database import big_database

    sizes = [10_000, 100_000] + ([1_000_000] if os.environ.get("BENCH_MILLION") else [])
    print("registrants  app s   floor s  time ratio  app MiB  floor MiB  memory ratio")
    for size in sizes:
        db = str(big_database(size))
        app, floor = measure("app", db), measure("floor", db)
        print(
            f"{size:>11,}  {app['seconds']:6.1f}  {floor['seconds']:7.1f}  "
            f"{app['seconds'] / floor['seconds']:10.2f}  {app['peak_mib']:7.0f}  "
            f"{floor['peak_mib']:9.0f}  {app['peak_mib'] / floor['peak_mib']:12.2f}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        (child_app if sys.argv[2] == "app" else child_floor)(sys.argv[3], sys.argv[4])
    else:
        main()
