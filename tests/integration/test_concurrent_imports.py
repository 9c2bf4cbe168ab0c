"""Two colleagues importing into one server database at once: both land, nothing is lost."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.bootstrap import open_app
from desktop_app.domain.import_rows import ImportReport
from desktop_app.services import imports, sessions, stats
from desktop_app.services.import_lock import ImportBusy, wait_for_other_imports


def _people(path: Path, start: int, stop: int) -> Path:
    rows = "".join(f"p{n}@example.org,Person {n},Org {n % 7}\n" for n in range(start, stop))
    path.write_text("Email,First Name,Organisation\n" + rows, encoding="utf-8")
    return path


def test_a_second_import_waits_for_the_first_then_both_land(
    pg_demo_url: str, tmp_path: Path
) -> None:
    first_app, second_app = open_app(pg_demo_url), open_app(pg_demo_url)
    session = sessions.list_sessions(first_app.uow())[0].id
    before = stats.stats(first_app.uow()).registrants
    # The files overlap: people 500..999 are in both.
    first_file = _people(tmp_path / "first.csv", 0, 1000)
    second_file = _people(tmp_path / "second.csv", 500, 1500)
    writing, release = threading.Event(), threading.Event()
    results: dict[str, ImportReport | BaseException] = {}

    def hold(done: int, total: int) -> bool:
        writing.set()
        assert release.wait(30), "the test never released the first import"
        return True

    def run(name: str, app_: object, path: Path, keep_going: object) -> None:
        try:
            results[name] = imports.import_file(
                app_.uow(),  # type: ignore[attr-defined]
                path,
                session,
                keep_going=keep_going,  # type: ignore[arg-type]
            )
        except BaseException as error:  # handed to the test thread
            results[name] = error

    first = threading.Thread(target=run, args=("first", first_app, first_file, hold))
    first.start()
    assert writing.wait(30)
    second = threading.Thread(target=run, args=("second", second_app, second_file, None))
    second.start()
    second.join(1.0)
    assert second.is_alive(), "the second import must wait while the first one writes"
    # Meanwhile a third colleague who will not wait long is told so, plainly.
    with second_app.uow() as uow, pytest.raises(ImportBusy, match="still running"):
        wait_for_other_imports(uow, seconds=0.2)
    release.set()
    first.join(60)
    second.join(60)
    reports = {name: result for name, result in results.items()}
    assert all(isinstance(r, ImportReport) for r in reports.values()), reports
    one, two = reports["first"], reports["second"]
    assert isinstance(one, ImportReport) and isinstance(two, ImportReport)
    assert one.registrants_created == 1000
    assert two.registrants_created == 500 and two.registrants_unchanged == 500
    assert stats.stats(first_app.uow()).registrants == before + 1500
    first_app.close()
    second_app.close()
