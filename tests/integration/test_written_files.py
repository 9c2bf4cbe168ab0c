"""Files the app writes: checked before they replace the old one, private or shared as they
should be, and no temporary file outlives a killed write."""

from __future__ import annotations

import dataclasses
import fcntl
import os
import resource
import signal
import stat
import subprocess
from pathlib import Path

import pytest

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.export_profile import EVERYTHING
from desktop_app.io.atomic import PREFIX, atomic_path, remove_leftovers
from desktop_app.io.written_checks import check_pdf, check_workbook
from desktop_app.services import export_profiles, exports, run_of_show, series
from desktop_app.services.backups import backup_database
from tests.integration.test_cli import SCRIPT


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def export(app: App, target: Path) -> None:
    series_id = series.list_series(app.uow())[0].id
    profile = export_profiles.get_profile(app.uow(), EVERYTHING)
    exports.export_registrants(app.uow(), series_id, profile, target)


# The database file's own mode: a server keeps its files itself.
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_private_data_is_private_and_exports_are_shared(demo_app: App, tmp_path: Path) -> None:
    assert demo_app.path is not None
    assert mode(demo_app.path) == 0o600
    old_mask = os.umask(0o022)
    try:
        export(demo_app, tmp_path / "partners.xlsx")
        backup_database(demo_app.path, tmp_path / "backup.sqlite")
    finally:
        os.umask(old_mask)
    assert mode(tmp_path / "partners.xlsx") == 0o644  # meant to be shared: the usual mode
    assert mode(tmp_path / "backup.sqlite") == 0o600


def test_the_data_folder_and_an_old_database_become_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.bootstrap import open_app

    data = tmp_path / "data" / "WebinarDesk"
    data.mkdir(parents=True, mode=0o755)
    database = data / "webinar-desk.sqlite"
    app = open_app(str(database))
    app.close()
    os.chmod(database, 0o644)  # as the first version left it
    app = open_app(None)  # the default place, under $XDG_DATA_HOME (see conftest)
    app.close()
    assert mode(database) == 0o600 and mode(data) == 0o700
    other = tmp_path / "chosen"
    other.mkdir(mode=0o755)
    open_app(str(other / "x.sqlite")).close()
    assert mode(other) == 0o755 and mode(other / "x.sqlite") == 0o600  # the user's folder


def test_leftovers_of_killed_writes_are_removed_but_not_writes_in_progress(
    demo_app: App, tmp_path: Path
) -> None:
    leftover = tmp_path / f"{PREFIX}partners.xlsx.k1ll3d.part"
    leftover.write_text("ana.lima@example.org,Ana,Lima")
    busy = tmp_path / f"{PREFIX}other.xlsx.busy.part"
    busy.write_text("being written")
    unrelated = tmp_path / ".partners.xlsx.part"
    unrelated.write_text("not ours")
    with busy.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # another export, still running
        export(demo_app, tmp_path / "partners.xlsx")
        assert not leftover.exists() and busy.exists() and unrelated.exists()
    assert remove_leftovers(tmp_path) == 1 and not busy.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(PREFIX)] == []


def test_a_write_that_fails_its_check_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the old, good one")
    cut_short = b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1"
    incomplete = r"cannot write report\.pdf: the PDF came out incomplete"
    with pytest.raises(UserError, match=incomplete), atomic_path(target, verify=check_pdf) as out:
        out.write_bytes(cut_short)
    assert target.read_bytes() == b"%PDF-1.4 the old, good one"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    book = tmp_path / "book.xlsx"
    with (
        pytest.raises(UserError, match="workbook came out incomplete"),
        atomic_path(book, verify=check_workbook) as out,
    ):
        out.write_bytes(b"PK\x03\x04 and then nothing")
    assert not (tmp_path / "book.xlsx").exists()


def _small_disk() -> None:
    """In the child: files may grow to 64 KB, as on a nearly full disk (EFBIG, not a kill)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_pdf_cut_short_by_a_full_disk_is_an_error_and_the_old_one_stays(
    demo_app: App, tmp_path: Path
) -> None:
    session_id = 1
    segments = run_of_show.default_segments(demo_app.uow(), session_id)
    notes = "Check the slides, the captions and the recording. " * 12
    many = [
        dataclasses.replace(segments[0], title=f"Part {n}", notes=notes, duration_minutes=1)
        for n in range(60)
    ]
    run_of_show.save_segments(demo_app.uow(), session_id, many, None)
    demo_app.close()
    out = tmp_path / "show.pdf"
    command = [SCRIPT or "webinar-desk", "--db", demo_app.url, "run-of-show", "1"]
    whole = subprocess.run([*command, str(out)], capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0, whole.stderr
    assert out.stat().st_size > 64 * 1024  # too big for the small disk below
    good = out.read_bytes()
    cut = subprocess.run(
        [*command, str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_small_disk,
    )
    assert cut.returncode == 1 and cut.stdout == ""
    assert cut.stderr.count("\n") == 1 and "came out incomplete" in cut.stderr
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_log_is_private_after_rotating_too(tmp_path: Path) -> None:
    import logging.handlers

    from desktop_app import app_log

    path = app_log.configure(tmp_path / "logs")
    try:
        assert path is not None
        logging.getLogger("desktop_app.test").warning("first")
        assert mode(path) == 0o600
        handler = logging.getLogger().handlers[-1]
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("desktop_app.test").warning("second")
        assert mode(path) == 0o600 and mode(path.with_name(path.name + ".1")) == 0o600
    finally:
        app_log.stop()
