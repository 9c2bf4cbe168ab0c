"""The `webinar-desk` command, run as a user would run it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("webinar-desk", path=str(Path(sys.executable).parent))


def run(*args: str, db: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    command = [SCRIPT or "webinar-desk", *(["--db", str(db)] if db else []), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_console_script_is_installed() -> None:
    assert SCRIPT is not None


def test_demo_then_stats_json(db_path: Path) -> None:
    first = run("demo", db=db_path)
    assert first.returncode == 0, first.stderr
    assert "4 sessions, 13 speakers" in first.stdout
    counts = json.loads(run("stats", "--json", db=db_path).stdout)
    assert {k: counts[k] for k in ("series", "sessions", "speakers")} == {
        "series": 1,
        "sessions": 4,
        "speakers": 13,
    }
    assert counts["registrants"] > 200 and counts["registrations"] >= counts["registrants"]
    assert 0 < counts["attended"] <= counts["registrations"]
    assert run("demo", "--json", db=db_path).returncode == 0
    assert json.loads(run("stats", "--json", db=db_path).stdout) == counts


def test_demo_if_empty_leaves_a_used_database_alone(db_path: Path) -> None:
    assert json.loads(run("demo", "--if-empty", "--json", db=db_path).stdout)["loaded"]
    assert not json.loads(run("demo", "--if-empty", "--json", db=db_path).stdout)["loaded"]


def test_sessions_and_speakers_text_and_json(db_path: Path) -> None:
    run("demo", db=db_path)
    listed = json.loads(run("sessions", "--json", db=db_path).stdout)
    assert [s["start"] for s in listed][:1] == ["Wed 4 Aug 2021 · 10:00 PT / 13:00 ET"]
    assert listed[0]["series"] == "Procurement with a Purpose"
    text = run("sessions", db=db_path).stdout
    assert "The Supplier’s City" in text and "Wed 1 Sep 2021" in text
    people = json.loads(run("speakers", "--json", "--series", "1", db=db_path).stdout)
    assert len(people) == 13 and {"name", "title", "organisation"} <= set(people[0])
    assert "Beth Blauer" in run("speakers", db=db_path).stdout


def test_the_environment_variable_names_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("WEBINAR_DESK_DB", str(target))
    assert run("demo").returncode == 0
    assert json.loads(run("stats", "--json", db=target).stdout)["sessions"] == 4


@pytest.mark.parametrize("setup", ["garbage", "directory", "bad-url"])
def test_user_mistakes_get_one_plain_line(tmp_path: Path, setup: str) -> None:
    target = tmp_path / "x.sqlite"
    if setup == "garbage":
        target.write_bytes(b"\x00not sqlite" * 50)
    elif setup == "directory":
        target.mkdir()
    result = run("stats", db=target if setup != "bad-url" else "nonsense://x")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("webinar-desk: error:")


def test_missing_demo_seed_is_a_plain_error(db_path: Path, tmp_path: Path) -> None:
    result = run("demo", "--seed", str(tmp_path / "nope.txt"), db=db_path)
    assert result.returncode == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run("fly")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_headless_core_entry_point_refuses_to_open_a_window(db_path: Path) -> None:
    from desktop_app import cli

    assert cli.main(["--db", str(db_path)]) == 2


def test_no_display_is_a_plain_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = run(db=db_path)
    assert result.returncode == 1 and "no display" in result.stderr
    assert "Traceback" not in result.stderr
