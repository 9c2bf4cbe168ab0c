"""Ten colleagues editing and importing at once for a minute lose nothing: the database
ends exactly as when the same work is done one piece after another.

Each writer (a thread; on the server each with its own copy of the app, as on its own
laptop) repeats its own list of work: add one minute to a random registration (read,
change, save with the version read; a save refused as stale is read again and redone),
and import a small file of 20 people, half of them also in other writers' files. After
WRITERS × SECONDS of that, the same work — each writer's first n pieces — is done
serially on a fresh copy, and the two databases are compared. Minutes added must equal
the edits done: a lost update would show as fewer.

Engines: SQLite (one copy of the app, its threads writing), and PostgreSQL on a
throw-away server (tests/pg_server.py). BENCH_WRITERS (10), BENCH_SECONDS (60),
BENCH_ENGINES ("sqlite,postgresql").
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from sqlalchemy import func, select  # noqa: E402

from desktop_app.bootstrap import App, open_app  # noqa: E402
from desktop_app.db.models import ImportBatch, Registrant, Registration  # noqa: E402
from desktop_app.domain.errors import StaleRecord, UserError  # noqa: E402
from desktop_app.domain.records import RegistrationData  # noqa: E402
from desktop_app.domain.rows import RegistrationRow  # noqa: E402
from desktop_app.services import demo, imports, registrants, sessions  # noqa: E402
from desktop_app.services.copy_db import copy_database  # noqa: E402

WRITERS = int(os.environ.get("BENCH_WRITERS", "10"))
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
FOLDER = Path(tempfile.mkdtemp(prefix="webinar-desk-writers-"))


@dataclasses.dataclass
class Tally:
    """What one writer did."""

    done: int = 0  # pieces of work completed, in its list's order
    edits: int = 0
    imports: int = 0
    stale: int = 0  # saves refused because a colleague saved first (then redone)
    waits: int = 0  # imports told to wait (then redone)


Piece = tuple[str, Any, Any]


def work_list(
    writer: int, registrations: list[tuple[int, int]], session_ids: list[int]
) -> list[Piece]:
    """The writer's pieces of work, the same list every run."""
    rng = random.Random(writer)
    pieces: list[Piece] = []
    for step in range(100_000):
        if step % 5 == 4:
            pieces.append(("import", step, session_ids[step % len(session_ids)]))
            continue
        pieces.append(("edit", rng.choice(registrations), None))
    return pieces


def import_file(writer: int, step: int) -> Path:
    path = FOLDER / f"w{writer}-{step}.csv"
    if not path.exists():
        own = [f"w{writer}-{step}-{i}@bench.example" for i in range(10)]
        shared = [f"shared-{step % 40}-{i}@bench.example" for i in range(10)]
        rows = "".join(f"{e},Person,Org {writer}\n" for e in own + shared)
        path.write_text("Email,First Name,Organisation\n" + rows, encoding="utf-8")
    return path


def do(app: App, writer: int, piece: Piece, tally: Tally) -> None:
    """One piece of work, redone until it lands (a stale save or a busy import is retried)."""
    while True:
        try:
            if piece[0] == "edit":
                row = _registration(app, *piece[1])
                data = RegistrationData(
                    registered_at=row.registered_at,
                    approval_status=row.approval_status,
                    source=row.source,
                    attended=row.attended,
                    minutes=row.minutes + 1,
                    first_join=row.first_join,
                    last_leave=row.last_leave,
                )
                registrants.update_registration(app.uow(), row.id, data, row.version)
                tally.edits += 1
            else:
                imports.import_file(app.uow(), import_file(writer, piece[1]), piece[2])
                tally.imports += 1
            return
        except StaleRecord:
            tally.stale += 1
        except UserError as error:
            if "try again" not in str(error):
                raise
            tally.waits += 1


def _registration(app: App, registrant_id: int, session_id: int) -> RegistrationRow:
    """The registration as it is now (with its version)."""
    found = registrants.list_registrations(app.uow(), registrant_id=registrant_id)
    return next(r for r in found if r.session_id == session_id)


def _edited(app: App) -> list[tuple[int, int]]:
    """(registrant, session) of the registrations the writers edit."""
    rows = registrants.list_registrations(app.uow())[:400]
    return [(r.registrant_id, r.session_id) for r in rows]


def snapshot(app: App) -> dict[str, int]:
    """The counts that must match: people, registrations, minutes, imports."""
    with app.engine.connect() as connection:
        count = lambda model: connection.scalar(select(func.count()).select_from(model))  # noqa: E731
        return {
            "registrants": count(Registrant),
            "registrations": count(Registration),
            "minutes": connection.scalar(select(func.sum(Registration.minutes))),
            "imports": count(ImportBatch),
        }


def run_concurrently(url: str, shared_app: bool) -> tuple[list[Tally], dict[str, int], float]:
    base = open_app(url)
    ids = _edited(base)
    session_ids = [s.id for s in sessions.list_sessions(base.uow())]
    apps = [base if shared_app else open_app(url) for _ in range(WRITERS)]
    tallies = [Tally() for _ in range(WRITERS)]
    stop = time.monotonic() + SECONDS
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            pieces = work_list(n, ids, session_ids)
            while time.monotonic() < stop:
                do(apps[n], n, pieces[tallies[n].done], tallies[n])
                tallies[n].done += 1
        except BaseException as error:
            failures.append(error)

    started = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        raise failures[0]
    result = snapshot(base)
    for app in {id(a): a for a in apps}.values():
        app.close()
    return tallies, result, seconds


def run_serially(url: str, tallies: list[Tally]) -> dict[str, int]:
    app = open_app(url)
    ids = _edited(app)
    session_ids = [s.id for s in sessions.list_sessions(app.uow())]
    for n, tally in enumerate(tallies):
        for piece in work_list(n, ids, session_ids)[: tally.done]:
            do(app, n, piece, Tally())
    result = snapshot(app)
    app.close()
    return result


def fresh_copies(make_empty: Callable[[], str], seed: App) -> tuple[str, str]:
    """Two databases holding the same demo series."""
    urls = []
    for _ in range(2):
        url = make_empty()
        target = open_app(url)
        copy_database(seed.engine, target.engine, "seed", "copy")
        target.close()
        urls.append(url)
    return urls[0], urls[1]


def report(
    engine: str, tallies: list[Tally], seconds: float, both: dict[str, dict[str, int]]
) -> bool:
    edits = sum(t.edits for t in tallies)
    print(
        f"\n{engine}: {WRITERS} writers for {seconds:.0f} s: {sum(t.done for t in tallies):,} "
        f"pieces of work ({edits:,} edits, {sum(t.imports for t in tallies):,} imports); "
        f"{sum(t.stale for t in tallies):,} saves refused as stale and redone, "
        f"{sum(t.waits for t in tallies):,} imports told to wait and redone"
    )
    print("| count | concurrent | serial | before |\n|---|---|---|---|")
    for key in both["concurrent"]:
        values = [both[run][key] for run in ("concurrent", "serial", "before")]
        print(f"| {key} | " + " | ".join(f"{v:,}" for v in values) + " |")
    lost = both["before"]["minutes"] + edits - both["concurrent"]["minutes"]
    same = both["concurrent"] == both["serial"]
    print(f"lost updates: {lost}; concurrent == serial: {same}")
    return same and lost == 0


def main() -> None:
    seed_path = FOLDER / "seed.sqlite"
    seed = open_app(str(seed_path))
    demo.load_demo(seed.uow())
    before = snapshot(seed)
    seed.close()  # the file is whole (its WAL folded in) before it is copied
    seed = open_app(str(seed_path))
    ok = True
    counter = iter(range(1000))

    def sqlite_file() -> str:
        path = FOLDER / f"db{next(counter)}.sqlite"
        shutil.copyfile(seed_path, path)
        return str(path)

    if "sqlite" in ENGINES:
        concurrent_url, serial_url = sqlite_file(), sqlite_file()
        tallies, result, seconds = run_concurrently(concurrent_url, shared_app=True)
        serial = run_serially(serial_url, tallies)
        runs = {"concurrent": result, "serial": serial, "before": before}
        ok &= report("SQLite", tallies, seconds, runs)
    if "postgresql" not in ENGINES:
        seed.close()
        sys.exit(0 if ok else 1)

    from tests.pg_server import PgServer

    server = PgServer()
    server.start()
    try:
        concurrent_url, serial_url = fresh_copies(
            lambda: server.url(server.create_database("template0")), seed
        )
        tallies, result, seconds = run_concurrently(concurrent_url, shared_app=False)
        serial = run_serially(serial_url, tallies)
        ok &= report(
            "PostgreSQL",
            tallies,
            seconds,
            {"concurrent": result, "serial": serial, "before": before},
        )
    finally:
        seed.close()
        server.stop()
        shutil.rmtree(FOLDER, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
