"""Mail drafts for a session, written through the service and read back."""

from __future__ import annotations

import mailbox
import subprocess
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.mail_kinds import (
    Audience,
    ConsentRule,
    MailKind,
    RecipientFilter,
)
from desktop_app.domain.mail_templates import MailTemplate
from desktop_app.domain.row_data import session_data
from desktop_app.services import draft_batches, mail_templates, sessions
from desktop_app.services.mail_drafts import (
    DraftRequest,
    DraftsCancelled,
    plan_drafts,
    write_drafts,
)
from tests.integration.ics_checks import check_ics
from tests.integration.mail_world import SENDER, World, make_world


@pytest.fixture
def world(app: App) -> World:
    return make_world(app)


def read_folder(folder: Path) -> dict[str, EmailMessage]:
    """Every .eml in a folder, parsed, by the address it is to."""
    found: dict[str, EmailMessage] = {}
    for path in sorted(folder.glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        assert message.defects == []
        found[message["To"].addresses[0].addr_spec] = message
    return found


def calendars(message: EmailMessage) -> list[tuple[str, Calendar]]:
    """The calendar attachments of a draft: (method parameter, parsed calendar)."""
    found = []
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        if part.get_content_type() == "text/calendar":
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            found.append((str(part.get_param("method")), check_ics(data)))
    return found


def test_reminders_go_to_registered_people_whose_consent_allows(
    app: App, world: World, tmp_path: Path
) -> None:
    folder = tmp_path / "reminders"
    report = write_drafts(
        app.uow(), DraftRequest(MailKind.REMINDER, world.session_id, SENDER), folder
    )
    drafts = read_folder(folder)
    # Rolf said no to contact, Dee's registration was denied.
    assert sorted(drafts) == ["chen@chicago.example", "ngozi@example.org", "zoe.obrien@example.org"]
    assert report.drafts == 3 and report.label == "Reminder (day before)"
    assert report.left_out == ("1 registrant whose consent to be contacted is “no”",)
    assert not any(b"rolf@example.org" in p.read_bytes() for p in folder.iterdir())
    ngozi = drafts["ngozi@example.org"]
    assert str(ngozi["Subject"]) == "Tomorrow: No More Status Quo Contracting"
    assert ngozi["X-Unsent"] == "1" and "Date" not in ngozi and "Message-ID" not in ngozi
    assert str(ngozi["From"]) == "Zoë Staff <zoe@example.org>"
    text = ngozi.get_body(("plain",))
    html = ngozi.get_body(("html",))
    assert text is not None and html is not None
    assert "Dear Ngozi," in text.get_content()
    assert "Wed 2 Sep 2026, 18:00 WAT" in text.get_content()  # her own zone (Lagos)
    assert "https://example.org/j/123?pwd=abc" in html.get_content()
    chen = drafts["chen@chicago.example"].get_body(("plain",))
    assert chen is not None and "Wed 2 Sep 2026, 12:00 CT" in chen.get_content()
    zoe = drafts["zoe.obrien@example.org"]
    assert zoe["To"].addresses[0].display_name == "Zoë O'Brien"
    ((method, calendar),) = calendars(ngozi)
    assert method == "REQUEST" and str(calendar["method"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["attendee"]) == "mailto:ngozi@example.org"
    assert str(event["organizer"]) == "mailto:zoe@example.org"
    assert str(event["uid"]) == _uid(app, world.session_id)
    box = mailbox.mbox(report.mbox)
    try:
        assert sorted(m["To"].split("<")[-1].rstrip(">") for m in box) == sorted(drafts)
    finally:
        box.close()
    (batch,) = draft_batches.list_batches(app.uow(), world.session_id)
    assert batch.kind == "reminder" and batch.recipient_count == 3
    assert batch.describe("America/Los_Angeles").startswith("Reminder (day before) drafted ")
    assert batch.describe().endswith("for 3 people")
    assert sorted(draft_batches.batch_recipients(app.uow(), batch.id)) == sorted(drafts)


def _uid(app: App, session_id: int) -> str:
    from desktop_app.services.session_facts import load_facts

    return load_facts(app.uow(), session_id).uid


@pytest.mark.parametrize(
    ("kind", "chosen", "expected"),
    [
        (MailKind.THANKS, None, ["ngozi@example.org"]),
        (MailKind.MISSED, None, ["chen@chicago.example", "zoe.obrien@example.org"]),
        (
            MailKind.CONFIRMATION,
            RecipientFilter(Audience.REGISTERED, ConsentRule.YES_ONLY),
            ["chen@chicago.example", "ngozi@example.org"],
        ),
        (
            MailKind.REMINDER,
            RecipientFilter(Audience.REGISTERED, organisations=("chicago",)),
            ["chen@chicago.example"],
        ),
        (
            MailKind.CHANGE,
            RecipientFilter(Audience.REGISTERED, email_domains=("example.org",)),
            ["ngozi@example.org", "zoe.obrien@example.org"],
        ),
    ],
)
def test_recipients_are_chosen_like_an_export_profile(
    app: App,
    world: World,
    tmp_path: Path,
    kind: MailKind,
    chosen: RecipientFilter | None,
    expected: list[str],
) -> None:
    folder = tmp_path / kind.value
    write_drafts(app.uow(), DraftRequest(kind, world.session_id, SENDER, recipients=chosen), folder)
    drafts = read_folder(folder)
    assert sorted(drafts) == expected
    for message in drafts.values():
        has_calendar = bool(calendars(message))
        assert has_calendar == (kind not in (MailKind.THANKS, MailKind.MISSED))
    if kind in (MailKind.THANKS, MailKind.MISSED):
        body = next(iter(drafts.values())).get_body(("plain",))
        assert body is not None and "https://example.org/recording/123" in body.get_content()


def render_pdf(html: str, target: Path, page: str, landscape: bool) -> None:
    """The desktop app's PDF renderer (Qt), as the command line hands it in."""
    from ui.printing import html_to_pdf

    html_to_pdf(html, target, page, landscape)


def test_speaker_briefings_carry_their_holds_and_the_run_of_show(
    app: App, world: World, tmp_path: Path, qapp: object
) -> None:
    # qapp: the Qt renderer needs an application; pytest-qt's is the one all tests share.
    folder = tmp_path / "briefing"
    report = write_drafts(
        app.uow(),
        DraftRequest(MailKind.SPEAKER_BRIEFING, world.session_id, SENDER),
        folder,
        pdf_renderer=render_pdf,
    )
    assert report.left_out == ("Cy Silent has no email address",)
    drafts = read_folder(folder)
    assert sorted(drafts) == ["ana@example.org", "ben@example.org", "hanna@example.org"]
    ana = drafts["ana@example.org"]
    summaries = [str(c.walk("VEVENT")[0]["summary"]) for _, c in calendars(ana)]
    assert summaries == [
        "Tech check: No More Status Quo Contracting",
        "No More Status Quo Contracting",
    ]
    (_, ana_calendar) = calendars(ana)[0]
    assert ana_calendar.walk("VEVENT")[0]["attendee"].params["RSVP"] == "TRUE"
    hanna = [str(c.walk("VEVENT")[0]["summary"]) for _, c in calendars(drafts["hanna@example.org"])]
    assert hanna == [
        "No More Status Quo Contracting",
        "After Hours: No More Status Quo Contracting",
    ]
    text = ana.get_body(("plain",))
    assert text is not None and "Dear Ana Luíza," in text.get_content()
    (pdf,) = [p for p in ana.iter_attachments() if p.get_content_type() == "application/pdf"]
    data = pdf.get_payload(decode=True)
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    pdf_path = tmp_path / "run-of-show.pdf"
    pdf_path.write_bytes(data)
    words = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "No More Status Quo Contracting" in words and "Ben Okafor" in words


def test_without_a_pdf_renderer_the_briefing_says_so(
    app: App, world: World, tmp_path: Path
) -> None:
    report = write_drafts(
        app.uow(),
        DraftRequest(MailKind.SPEAKER_BRIEFING, world.session_id, SENDER),
        tmp_path / "b",
    )
    assert any("run-of-show PDF was not attached" in note for note in report.notes)


def test_a_moved_then_cancelled_session_updates_then_cancels_with_the_same_uid(
    app: App, world: World, tmp_path: Path
) -> None:
    before = sessions.get_session(app.uow(), world.session_id)
    uid = _uid(app, world.session_id)
    from tests.integration.test_calendar_sequence import sequence_of

    data = session_data(before)
    assert sequence_of(app, world.session_id) == 0
    moved = replace(data, start=data.start.replace(hour=18))
    sessions.update_session(
        app.uow(),
        world.session_id,
        moved,
        sessions.get_session(app.uow(), world.session_id).version,
    )
    write_drafts(app.uow(), DraftRequest(MailKind.CHANGE, world.session_id, SENDER), tmp_path / "m")
    changed = read_folder(tmp_path / "m")["ngozi@example.org"]
    assert str(changed["subject"]).startswith("Changed: ")
    ((method, update),) = calendars(changed)
    (event,) = update.walk("VEVENT")
    assert method == "REQUEST" and str(event["uid"]) == uid and event["sequence"] == 1
    assert event.decoded("dtstart").hour == 18
    sessions.update_session(
        app.uow(),
        world.session_id,
        replace(moved, status="cancelled"),
        sessions.get_session(app.uow(), world.session_id).version,
    )
    with pytest.raises(UserError, match="cancelled; write the change notice"):
        write_drafts(
            app.uow(), DraftRequest(MailKind.REMINDER, world.session_id, SENDER), tmp_path / "r"
        )
    assert not (tmp_path / "r").exists()
    write_drafts(app.uow(), DraftRequest(MailKind.CHANGE, world.session_id, SENDER), tmp_path / "c")
    cancelled = read_folder(tmp_path / "c")["ngozi@example.org"]
    assert str(cancelled["subject"]).startswith("Cancelled: ")
    text = cancelled.get_body(("plain",))
    assert text is not None and "is cancelled and will not take place" in text.get_content()
    ((method, cancel),) = calendars(cancelled)
    (gone,) = cancel.walk("VEVENT")
    assert method == "CANCEL" and str(cancel["method"]) == "CANCEL"
    assert str(gone["uid"]) == uid and gone["sequence"] == 2
    assert str(gone["status"]) == "CANCELLED"
    assert len(draft_batches.list_batches(app.uow(), world.session_id)) == 2


def test_cancelling_midway_writes_and_records_nothing(
    app: App, world: World, tmp_path: Path
) -> None:
    asked: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        asked.append((done, total))
        return False

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DraftsCancelled):
        write_drafts(
            app.uow(),
            DraftRequest(MailKind.REMINDER, world.session_id, SENDER),
            out / "drafts",
            keep_going=keep_going,
        )
    assert asked == [(0, 3)]
    assert list(out.iterdir()) == []
    assert draft_batches.list_batches(app.uow(), world.session_id) == []


def test_refusals_change_nothing(app: App, world: World, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    full = tmp_path / "full"
    full.mkdir(parents=True)
    (full / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="not empty"):
        write_drafts(app.uow(), DraftRequest(MailKind.REMINDER, world.session_id, SENDER), full)
    with pytest.raises(ValidationError, match="not an email address"):
        write_drafts(
            app.uow(),
            DraftRequest(MailKind.REMINDER, world.session_id, replace(SENDER, email="nope")),
            tmp_path / "a",
        )
    nobody = RecipientFilter(Audience.REGISTERED, organisations=("nobody",))
    with pytest.raises(UserError, match="no one to write to"):
        write_drafts(
            app.uow(),
            DraftRequest(MailKind.REMINDER, world.session_id, SENDER, recipients=nobody),
            tmp_path / "b",
        )
    assert (full / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]
    assert draft_batches.list_batches(app.uow(), world.session_id) == []


def test_a_series_template_overrides_the_builtin_and_named_ones_are_chosen(
    app: App, world: World, tmp_path: Path
) -> None:
    mine = MailTemplate(
        "Reminder (day before)", MailKind.REMINDER, "See you, {first_name}!", "Hi {first_name}."
    )
    mail_templates.save_template(app.uow(), world.series_id, mine)
    request = DraftRequest(MailKind.REMINDER, world.session_id, SENDER)
    plan = plan_drafts(app.uow(), request)
    assert [s.subject for s in plan.samples][:2] == ["See you, Ngozi!", "See you, Zoë!"]
    short = MailTemplate("Short", MailKind.REMINDER, "Soon: {session_title}", "{recording_link}")
    mail_templates.save_template(app.uow(), world.series_id, short)
    plan = plan_drafts(app.uow(), replace(request, template_name="short"))
    assert plan.template.name == "Short"
    assert plan.warnings == ()  # the recording link is set
    edited = replace(short, body="Hi {first_name}, {registration_link}")
    trial = plan_drafts(app.uow(), request, template=edited)
    assert trial.warnings == ("{registration_link} is empty for all 3 recipients",)
    with pytest.raises(UserError, match="no mail template named 'Nope'"):
        plan_drafts(app.uow(), replace(request, template_name="Nope"))
    names = [t.name for t in mail_templates.list_templates(app.uow(), world.series_id)]
    assert names.count("Reminder (day before)") == 1 and "Short" in names
    mail_templates.delete_template(app.uow(), world.series_id, "Reminder (day before)")
    builtin = mail_templates.get_template(app.uow(), world.series_id, MailKind.REMINDER)
    assert builtin.builtin
