"""Kills a 100,000-row import with SIGKILL at random moments and checks what it left.

Each trial copies a demo database, starts the import in a child process (the same service
the CLI and the window call), kills it after a random delay, then checks the file with
PRAGMA integrity_check and for all-or-nothing: either the import is absent (the database as
it was) or complete (its batch, every registration and its undo log). The child reports
the phase it is in, so the figures say where each kill landed.

    .venv/bin/python benchmarks/crash_import.py            # 36 kills
    CRASH_TRIALS=60 .venv/bin/python benchmarks/crash_import.py
"""

from __future__ import annotations

import collections
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from import_files import zoom_report  # benchmarks/ is on the path when run as a script

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
TRIALS = int(os.environ.get("CRASH_TRIALS", "36"))
SESSION = 2


def child(db: str, report: str) -> None:
    """The import, announcing each phase on stdout as it starts (run in the child)."""
    from desktop_app.bootstrap import open_app
    from desktop_app.services import import_writer, imports
    from desktop_app.services.uow import UnitOfWork

    def say(phase: str) -> None:
        print(phase, flush=True)

    def announce(owner: Any, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            say(phase)
            return original(*args, **kwargs)

        setattr(owner, name, wrapped)

    announce(imports, "read_table", "read")
    announce(imports, "parse_table", "parse")
    announce(UnitOfWork, "backup", "backup")
    announce(import_writer.ImportWriter, "plan", "plan")
    announce(import_writer.ImportWriter, "write", "write")
    announce(UnitOfWork, "commit", "commit")
    say("open")
    app = open_app(db)
    result = imports.import_file(app.uow(), Path(report), SESSION)
    say("done")
    app.close()
    print(json.dumps({"created": result.registrants_created}), flush=True)


def counts(db: Path) -> dict[str, Any]:
    """What the all-or-nothing check compares, read with plain sqlite3."""
    with sqlite3.connect(db) as connection:
        one = connection.execute
        batch = one("SELECT id, registrants_created, undo_log FROM import_batches").fetchall()
        result = {
            "integrity": [r[0] for r in one("PRAGMA integrity_check")],
            "registrants": one("SELECT count(*) FROM registrants").fetchone()[0],
            "registrations": one(
                "SELECT count(*) FROM registrations WHERE session_id = ?", (SESSION,)
            ).fetchone()[0],
            "batches": len(batch),
            "undo_created": len(json.loads(batch[0][2])["created_registrants"]) if batch else 0,
            "batch_created": batch[0][1] if batch else 0,
        }
    connection.close()
    return result


def run_child(db: Path, report: Path, delay: float | None) -> list[tuple[str, float]]:
    """Run the child; kill it after delay seconds (None: let it finish). Returns each phase
    it announced with when it started (seconds after it said "open")."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", str(db), str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"  # the clock starts here
    started = time.perf_counter()
    phases = [("open", 0.0)]

    def listen() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if not line.startswith("{"):
                phases.append((line.strip(), time.perf_counter() - started))

    listener = threading.Thread(target=listen)
    listener.start()
    if delay is not None:
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=600)
    listener.join()
    process.stdout.close()
    if delay is None and process.returncode != 0:
        raise SystemExit("the calibration import failed")
    return phases


def main() -> None:
    """Calibrate once, then kill TRIALS imports and print what each kill left."""
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    report = zoom_report(ROWS)
    folder = Path(tempfile.mkdtemp(prefix="webinar-desk-crash-"))
    base = folder / "base.sqlite"
    subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--db", str(base), "demo"],
        check=True,
        capture_output=True,
    )
    before = counts(base)
    calibration = folder / "calibration.sqlite"
    shutil.copy(base, calibration)
    timeline = run_child(calibration, report, None)
    total = timeline[-1][1]
    writing = next(t for phase, t in timeline if phase == "write")
    committing = next(t for phase, t in timeline if phase == "commit")
    after = counts(calibration)
    print(
        f"import of {ROWS:,} rows runs {total:.1f} s ("
        + ", ".join(f"{phase} at {t:.1f} s" for phase, t in timeline)
        + f"); complete, it adds {after['batch_created']:,} registrants"
    )
    rng = random.Random(12)
    outcomes: collections.Counter[tuple[str, str]] = collections.Counter()
    failures = []
    for trial in range(TRIALS):
        db = folder / f"trial-{trial}.sqlite"
        shutil.copy(base, db)
        shutil.rmtree(folder / "backups", ignore_errors=True)
        # A third of the kills anywhere in the run, a third while it writes, and a third
        # around the commit (the moment a half-finished import would show, if ever).
        delay = (
            rng.uniform(0, total * 1.05),
            rng.uniform(writing, total),
            rng.uniform(committing - 0.3, total + 0.1),
        )[trial % 3]
        phase = run_child(db, report, delay)[-1][0]
        found = counts(db)
        sound = found["integrity"] == ["ok"]
        absent = {k: found[k] for k in ("registrants", "registrations", "batches")} == {
            k: before[k] for k in ("registrants", "registrations", "batches")
        }
        complete = (
            found["batches"] == 1
            and found["registrations"] == after["registrations"]
            and found["registrants"] == after["registrants"]
            and found["undo_created"] == found["batch_created"] == after["batch_created"]
        )
        outcome = "absent" if absent else "complete" if complete else "PARTIAL"
        if not sound or outcome == "PARTIAL":
            failures.append((trial, phase, found))
        outcomes[(phase, outcome if sound else "DAMAGED")] += 1
        print(
            f"kill {trial + 1:2}: after {delay:5.2f} s in '{phase}': {outcome}, "
            f"integrity_check {'ok' if sound else found['integrity'][:1]}"
        )
        db.unlink()
        for suffix in ("-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    print(f"\n{TRIALS} kills; by phase and outcome:")
    for (phase, outcome), n in sorted(outcomes.items()):
        print(f"  {phase:<8} {outcome:<9} {n}")
    print(f"integrity_check ok and all-or-nothing held in {TRIALS - len(failures)} of {TRIALS}")
    shutil.rmtree(folder, ignore_errors=True)
    if failures:
        raise SystemExit(f"FAILED: {failures}")


if __name__ == "__main__":
    main()
