"""`webinar-desk calendar` and `webinar-desk mail`, run as a user would run them."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from desktop_app.bootstrap import open_app
from tests.integration.ics_checks import check_ics
from tests.integration.mail_world import make_world
from tests.integration.test_cli import run


@pytest.fixture
def world_db(db_path: Path) -> Path:
    app = open_app(str(db_path))
    make_world(app)
    app.close()
    return db_path


def test_calendar_of_a_session_a_series_and_a_speaker(world_db: Path, tmp_path: Path) -> None:
    for option, value, events in (
        ("--session", "1", 1),
        ("--series", "1", 1),
        ("--speaker", "1", 2),
    ):
        out = tmp_path / f"{option[2:]}.ics"
        done = run("calendar", option, value, str(out), "--json", db=world_db)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["events"] == events
        calendar = check_ics(out.read_bytes())
        assert str(calendar["method"]) == "PUBLISH"
        assert len(calendar.walk("VEVENT")) == events


def test_calendar_mistakes_get_one_line(world_db: Path, tmp_path: Path) -> None:
    for args, says in (
        (["--session", "9", str(tmp_path / "x.ics")], "no session with id 9"),
        (["--session", "1", str(tmp_path / "x.txt")], "written as .ics"),
        (["--session", "1", str(tmp_path / "missing" / "x.ics")], "does not exist"),
    ):
        done = run("calendar", *args, db=world_db)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert says in line


def test_mail_writes_drafts_and_history_remembers(world_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "reminders"
    done = run(
        "mail",
        "reminder",
        "--session",
        "1",
        str(out),
        "--when",
        "hour-before",
        "--from-name",
        "Zoë Staff",
        "--from-email",
        "zoe@example.org",
        db=world_db,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote 3 reminder (hour before) drafts" in done.stdout
    assert "Left out: 1 registrant whose consent to be contacted is “no”" in done.stdout
    drafts = sorted(out.glob("*.eml"))
    assert len(drafts) == 3 and len(list(out.glob("*.mbox"))) == 1
    first = message_from_bytes(drafts[0].read_bytes(), policy=policy.default)
    assert str(first["Subject"]) == "Starting in one hour: No More Status Quo Contracting"
    history = run("mail-history", "--session", "1", db=world_db)
    assert "Reminder (hour before) drafted" in history.stdout and "for 3 people" in history.stdout
    listed = json.loads(run("mail-history", "--session", "1", "--json", db=world_db).stdout)
    assert listed[0]["recipients"] == 3 and listed[0]["when"] == "hour-before"


def test_a_speaker_briefing_from_the_command_line_attaches_the_pdf(
    world_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "briefing"
    done = run(
        "mail",
        "speaker-briefing",
        "--session",
        "1",
        str(out),
        "--speaker",
        "2",
        "--from-email",
        "zoe@example.org",
        "--json",
        db=world_db,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["drafts"] == 1
    (draft,) = out.glob("*.eml")
    message = message_from_bytes(draft.read_bytes(), policy=policy.default)
    kinds = [p.get_content_type() for p in message.iter_attachments()]
    assert kinds == ["text/calendar", "text/calendar", "application/pdf"]


def test_dry_run_shows_the_first_draft_and_writes_nothing(world_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "thanks"
    done = run(
        "mail",
        "thanks",
        "--session",
        "1",
        str(out),
        "--dry-run",
        "--from-email",
        "z@example.org",
        db=world_db,
    )
    assert done.returncode == 0, done.stderr
    assert "Would write 1 drafts" in done.stdout and "Dear Ngozi," in done.stdout
    assert "Warning: {sender_name} is empty for the one recipient" in done.stdout
    assert not out.exists()
    assert "No drafts written yet" in run("mail-history", "--session", "1", db=world_db).stdout


def test_mail_mistakes_get_one_line_and_change_nothing(world_db: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.eml").write_text("keep")
    for args, says in (
        (["reminder", "--session", "1", str(tmp_path / "a")], "--from-email"),
        (["reminder", "--session", "1", str(full), "--from-email", "z@example.org"], "not empty"),
        (
            [
                "reminder",
                "--session",
                "1",
                str(tmp_path / "b"),
                "--from-email",
                "z@example.org",
                "--template",
                "Nope",
            ],
            "no mail template named 'Nope'",
        ),
        (
            ["reminder", "--session", "7", str(tmp_path / "c"), "--from-email", "z@example.org"],
            "no session with id 7",
        ),
    ):
        done = run("mail", *args, db=world_db)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert says in line and line.startswith("webinar-desk: error:")
    assert (full / "x.eml").read_text() == "keep"
    assert not any((tmp_path / name).exists() for name in ("a", "b", "c"))
    assert not list(tmp_path.glob(".*.part"))


def test_templates_are_listed(world_db: Path) -> None:
    listed = json.loads(run("mail-templates", "--series", "1", "--json", db=world_db).stdout)
    assert {t["kind"] for t in listed} >= {"invitation", "reminder", "speaker-briefing"}
    assert all(t["builtin"] for t in listed)


def test_the_sender_comes_from_preferences_unless_given(
    world_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.domain.preferences import Preferences
    from desktop_app.services.preferences import CONFIG_ENV, save_preferences

    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    save_preferences(
        Preferences(staff_name="Zoë Staff", staff_email="zoe@example.org"), tmp_path / "config"
    )
    out = tmp_path / "thanks"
    done = run("mail", "thanks", "--session", "1", str(out), db=world_db)
    assert done.returncode == 0, done.stderr
    (draft,) = out.glob("*.eml")
    message = message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert str(message["From"]) == "Zoë Staff <zoe@example.org>"
    given = tmp_path / "given"
    done = run(
        "mail",
        "thanks",
        "--session",
        "1",
        str(given),
        "--from-email",
        "a@example.org",
        db=world_db,
    )
    assert done.returncode == 0, done.stderr
    (draft,) = given.glob("*.eml")
    assert str(message_from_bytes(draft.read_bytes(), policy=policy.default)["From"]) == (
        "a@example.org"
    )
