"""Calendar files: golden files, two parsers, UTC times, folding, DST, invitations."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain import timezones
from desktop_app.domain.calendar_events import Method, session_event, speaker_events
from desktop_app.domain.mail_kinds import MailAddress
from desktop_app.domain.session_facts import SessionFacts
from desktop_app.io.ics_writer import Invitations, calendar_bytes, write_ics
from tests.integration.ics_checks import check_ics

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
STAMP = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
ORGANIZER = MailAddress("Zoë Staff", "zoe@example.org")


def facts(number: int, start: datetime, **changes: object) -> SessionFacts:
    """A session of a made-up series with a fixed UID."""
    base = SessionFacts(
        id=number,
        uid=f"5f0d7a3c-0000-4000-8000-{number:012d}",
        sequence=0,
        series_id=1,
        series_title="Procurement with a Purpose",
        organiser="OCP",
        home_zone="America/Los_Angeles",
        display_zones=("America/New_York", "Europe/Berlin"),
        title=f"Deep dive {number}: buying for outcomes, not for inputs — über Einkauf",
        subtitle="How cities write contracts that reward results",
        description="A conversation with practitioners.\nQuestions welcome; bring yours.",
        start=start,
        duration_minutes=60,
        platform="Zoom",
        join_url=f"https://example.org/j/{number}?pwd=a,b;c",
        registration_url="",
        recording_url="",
        status="scheduled",
        after_hours_minutes=30,
        after_hours_host_id=9,
        after_hours_host_name="Host Person",
        tech_check=(start - timedelta(minutes=30), start),
        speaker_ids=(4,),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def weekly(first: datetime, count: int) -> list[SessionFacts]:
    """Sessions a week apart at the same wall time in Los Angeles."""
    local = first.astimezone(ZoneInfo("America/Los_Angeles")).replace(tzinfo=None)
    return [
        facts(n + 1, timezones.local_to_utc(local + timedelta(weeks=n), "America/Los_Angeles"))
        for n in range(count)
    ]


def test_one_session_matches_its_golden_file(tmp_path: Path) -> None:
    target = tmp_path / "session.ics"
    write_ics(target, [session_event(facts(1, datetime(2021, 8, 4, 17, tzinfo=UTC)))], STAMP)
    written = target.read_bytes()
    check_ics(written)
    assert written == (GOLDEN / "one-session.ics").read_bytes()


def test_a_series_matches_its_golden_file(tmp_path: Path) -> None:
    target = tmp_path / "series.ics"
    series = weekly(datetime(2021, 10, 20, 17, tzinfo=UTC), 5)
    write_ics(target, [session_event(f) for f in series], STAMP)
    written = target.read_bytes()
    check_ics(written)
    assert written == (GOLDEN / "series.ics").read_bytes()


def test_times_are_utc_and_keep_the_wall_clock_across_the_dst_change() -> None:
    # Daylight saving ends in Los Angeles on 7 Nov 2021: 17:00 UTC before, 18:00 after.
    series = weekly(datetime(2021, 10, 20, 17, tzinfo=UTC), 5)
    calendar = check_ics(calendar_bytes([session_event(f) for f in series], stamp=STAMP))
    starts = [e.decoded("dtstart") for e in calendar.walk("VEVENT")]
    assert all(s.tzinfo is not None and s.utcoffset() == timedelta(0) for s in starts)
    assert [s.hour for s in starts] == [17, 17, 17, 18, 18]
    pacific = [s.astimezone(ZoneInfo("America/Los_Angeles")) for s in starts]
    assert {(p.hour, p.minute) for p in pacific} == {(10, 0)}
    raw = calendar_bytes([session_event(series[3])], stamp=STAMP)
    assert b"DTSTART:20211110T180000Z\r\n" in raw and b"VTIMEZONE" not in raw


def test_long_lines_are_folded_and_unfold_to_the_text() -> None:
    event = session_event(facts(1, datetime(2021, 8, 4, 17, tzinfo=UTC)))
    raw = calendar_bytes([event], stamp=STAMP)
    assert b"\r\n " in raw  # at least one folded line
    calendar = check_ics(raw)
    (parsed,) = calendar.walk("VEVENT")
    assert str(parsed["summary"]) == event.summary
    assert str(parsed["description"]) == event.description
    assert str(parsed["location"]) == event.location


def test_a_request_names_organizer_and_attendee_and_a_cancel_keeps_the_uid() -> None:
    session = facts(2, datetime(2021, 8, 11, 17, tzinfo=UTC), sequence=4)
    attendee = MailAddress("Ngozi Adeyemi", "ngozi@example.org")
    request = check_ics(
        calendar_bytes(
            [session_event(session)],
            Method.REQUEST,
            organizer=ORGANIZER,
            attendee=attendee,
            stamp=STAMP,
        )
    )
    assert str(request["method"]) == "REQUEST"
    (event,) = request.walk("VEVENT")
    assert str(event["organizer"]) == "mailto:zoe@example.org"
    assert event["organizer"].params["CN"] == "Zoë Staff"
    assert str(event["attendee"]) == "mailto:ngozi@example.org"
    assert event["attendee"].params["RSVP"] == "FALSE"
    cancelled = replace(session, status="cancelled", sequence=5)
    cancel = check_ics(
        calendar_bytes(
            [session_event(cancelled)],
            Method.CANCEL,
            organizer=ORGANIZER,
            attendee=attendee,
            stamp=STAMP,
        )
    )
    (gone,) = cancel.walk("VEVENT")
    assert str(cancel["method"]) == "CANCEL" and str(gone["status"]) == "CANCELLED"
    assert str(gone["uid"]) == str(event["uid"]) and gone["sequence"] > event["sequence"]


def test_an_invitation_without_organizer_is_refused() -> None:
    event = session_event(facts(1, datetime(2021, 8, 4, 17, tzinfo=UTC)))
    with pytest.raises(ValueError, match="organizer"):
        calendar_bytes([event], Method.REQUEST)


@pytest.mark.parametrize(
    "attendee",
    [
        MailAddress("Ngozi Adeyemi", "ngozi@example.org"),
        MailAddress('Zoë O\'Brien, "PhD"; Ltd', "zoe.obrien@example.org"),
        MailAddress("", "x@example.org"),
        MailAddress("李小龍 " * 10, "long.address.for.folding@subdomain.example.org"),
    ],
)
@pytest.mark.parametrize("speaker", [False, True])
def test_invitations_equal_writing_each_calendar_whole(
    attendee: MailAddress, speaker: bool
) -> None:
    session = facts(3, datetime(2021, 8, 18, 17, tzinfo=UTC))
    events = speaker_events(session, 9) if speaker else [session_event(session)]
    for event in events:
        fast = Invitations(
            event, Method.REQUEST, ORGANIZER, attendee_answers=speaker, stamp=STAMP
        ).for_attendee(attendee)
        whole = calendar_bytes(
            [event],
            Method.REQUEST,
            organizer=ORGANIZER,
            attendee=attendee,
            attendee_answers=speaker,
            stamp=STAMP,
        )
        assert fast == whole
        (parsed,) = check_ics(fast).walk("VEVENT")
        assert str(parsed["attendee"]) == f"mailto:{attendee.email}"
        assert parsed["attendee"].params.get("CN", "") == attendee.name
