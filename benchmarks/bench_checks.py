"""What finding damage and keeping backups cost at 100,000 registrants, against floors.

The floor of any check is reading the file once; a backup's floor is copying its bytes.
Opening is timed three ways: after a clean close (no check), as the day's first open (the
daily backup, verified), and after a crash (quick_check).

    .venv/bin/python benchmarks/bench_checks.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from big_database import big_database

from desktop_app.bootstrap import open_app
from desktop_app.db.sqlite_file import integrity_check, quick_check
from desktop_app.services import backup_set

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
REPEATS = 5


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    """Print median times of the checks and the backup next to their floors."""
    source = big_database(PEOPLE)
    folder = Path(tempfile.mkdtemp(prefix="webinar-desk-checks-"))
    path = folder / "big.sqlite"
    shutil.copy(source, path)
    open_app(str(path)).close()  # migrate once, outside the timings
    shutil.rmtree(backup_set.folder_of(path), ignore_errors=True)
    size = path.stat().st_size
    results: dict[str, list[float]] = {}

    def measure(name: str, action: Callable[[], object]) -> None:
        results.setdefault(name, []).append(timed(action))

    app = open_app(str(path))
    for _ in range(REPEATS):
        measure("read the file once (floor)", path.read_bytes)
        measure("quick_check", lambda: quick_check(app.engine))
        measure("integrity_check", lambda: integrity_check(app.engine))
        measure("copy the file (floor)", lambda: shutil.copyfile(path, folder / "copy.sqlite"))
        measure("backup + verify", lambda: backup_set.take_backup(path, "before-import"))
    app.close()
    shutil.rmtree(backup_set.folder_of(path), ignore_errors=True)
    lock = path.with_name(path.name + ".lock")

    def open_close() -> None:
        open_app(str(path)).close()

    open_close()
    for _ in range(REPEATS):
        measure("open after a clean close", open_close)
        shutil.rmtree(backup_set.folder_of(path), ignore_errors=True)
        measure("open, the day's first (backup)", open_close)
        lock.write_text('{"pid": 1, "host": "crashed", "since": null}')  # as a kill leaves it
        measure("open after a crash (quick_check)", open_close)
    print(f"{PEOPLE:,} registrants, a {size / 2**20:.0f} MiB file:")
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, seconds in medians.items():
        print(f"  {name:<34} {seconds * 1000:8.0f} ms")
    read = medians["read the file once (floor)"]
    print(f"quick_check / reading the file:  {medians['quick_check'] / read:.1f}")
    print(f"integrity_check / reading:       {medians['integrity_check'] / read:.1f}")
    print(
        f"backup + verify / copying:       "
        f"{medians['backup + verify'] / medians['copy the file (floor)']:.1f}"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
