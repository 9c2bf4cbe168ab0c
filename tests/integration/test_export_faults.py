"""Exports under real faults: a killed export leaves no personal data once the next one
ran; a write that fails (file size limit, as on a full disk) is one line on stderr."""

from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.export_profile import everything_profile
from desktop_app.io.workspace import PREFIX, clear_leftovers
from desktop_app.services import demo, exports, run_of_show, sessions
from tests.integration.test_cli import SCRIPT

# Run in a child process: export, and once 1,000 people are written say so and wait.
CHILD = """
import sys
from pathlib import Path
from desktop_app.bootstrap import open_app
from desktop_app.domain.export_profile import everything_profile
from desktop_app.services import exports

def keep_going(done, total):
    if done >= 1000:
        print("writing", flush=True)
        sys.stdin.readline()  # never answered: the parent kills us here
    return True

app = open_app(sys.argv[1])
exports.export_registrants(
    app.uow(), 1, everything_profile(), Path(sys.argv[2]), keep_going=keep_going
)
"""


@pytest.fixture
def crowded_app(app: App) -> App:
    """The demo series with 2,500 registrants: an export that takes a moment."""
    demo.load_demo(app.uow(), people=2500)
    return app


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_killed_export_leaves_nothing_after_the_next_one(
    crowded_app: App, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"partner{suffix}"
    system_temp = tmp_path / "system-temp"  # the child's /tmp: nothing may land there
    system_temp.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, crowded_app.url, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(system_temp)},
    )
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stdin is not None
    child.stdin.close()
    child.stdout.close()
    [left] = list(out.iterdir())  # the killed export's private folder, nothing else
    assert left.name.startswith(PREFIX) and left.is_dir()
    assert os.stat(left).st_mode & 0o077 == 0  # private to the user
    assert not target.exists()
    assert list(system_temp.iterdir()) == []
    exports.export_registrants(crowded_app.uow(), 1, everything_profile(), target)
    assert [p.name for p in out.iterdir()] == [target.name]
    if suffix == ".xlsx":
        assert load_workbook(target, read_only=True).sheetnames[-1] == "All registrants"


def test_leftovers_of_running_exports_are_kept(tmp_path: Path) -> None:
    mine = tmp_path / f"{PREFIX}{os.getpid()}-abc.tmp"
    mine.mkdir()
    gone = tmp_path / f"{PREFIX}999999999-abc.tmp"  # no such process
    gone.mkdir()
    (gone / "sheet").write_text("personal data")
    old_part = tmp_path / ".partner.csv.abcd1234.part"
    old_part.write_text("personal data")
    os.utime(old_part, (1, 1))
    fresh_part = tmp_path / ".run.pdf.abcd1234.part"
    fresh_part.write_text("being written")
    assert sorted(clear_leftovers(tmp_path)) == sorted([gone, old_part])
    assert mine.exists() and fresh_part.exists()


def _limit_file_size() -> None:
    """In the child: files may not grow past 64 KiB, and going past fails the write
    (EFBIG) instead of killing the process, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_failed_write_is_one_line(crowded_app: App, tmp_path: Path, suffix: str) -> None:
    crowded_app.close()
    target = tmp_path / "out" / f"partner{suffix}"
    target.parent.mkdir()
    result = subprocess.run(
        [
            SCRIPT or "webinar-desk",
            "--db",
            crowded_app.url,
            "export",
            "registrants",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("webinar-desk: error: cannot write") and "File too large" in lines[0]
    assert list(target.parent.iterdir()) == []


WRITE_SHEET = """
import pickle, sys
from pathlib import Path
from desktop_app.io.run_of_show_xlsx import write_xlsx
sheet = pickle.loads(Path(sys.argv[1]).read_bytes())
try:
    write_xlsx(sheet, Path(sys.argv[2]))
except OSError as error:
    print(f"refused: {error.strerror}", file=sys.stderr)
    sys.exit(1)
"""


def test_a_run_of_show_spreadsheet_on_a_full_disk_fails_quietly(
    demo_app: App, tmp_path: Path
) -> None:
    """The failed save leaves no half-open zip whose finaliser prints a traceback."""
    session = sessions.list_sessions(demo_app.uow())[0]
    sheet = run_of_show.load_sheet(demo_app.uow(), session.id)
    pickled = tmp_path / "sheet.pickle"
    pickled.write_bytes(pickle.dumps(sheet))
    target = tmp_path / "out" / "run-of-show.xlsx"
    target.parent.mkdir()

    def small_files() -> None:  # the sheet is ~10 KiB: it cannot be written in 4 KiB
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4 * 1024, 4 * 1024))

    result = subprocess.run(
        [sys.executable, "-c", WRITE_SHEET, str(pickled), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=small_files,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("refused: "), result.stderr
    assert list(target.parent.iterdir()) == []
