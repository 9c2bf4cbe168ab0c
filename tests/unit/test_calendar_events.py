"""Calendar entries of a session: UIDs, when SEQUENCE moves, and a speaker's holds."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.calendar_events import (
    Method,
    Part,
    method_for,
    needs_new_sequence,
    part_uid,
    session_event,
    speaker_events,
)
from desktop_app.domain.session_facts import SessionFacts

START = datetime(2021, 8, 4, 17, 0, tzinfo=UTC)
FACTS = SessionFacts(
    id=1,
    uid="8d3c3f6e-2b1f-4a53-9a55-1b8f8f7b2c10",
    sequence=3,
    series_id=1,
    series_title="Procurement with a Purpose",
    organiser="OCP",
    home_zone="America/Los_Angeles",
    display_zones=("America/New_York",),
    title="No More Status Quo Contracting",
    subtitle="A shared vision",
    description="About procurement.",
    start=START,
    duration_minutes=60,
    platform="Zoom",
    join_url="https://example.org/j/1",
    registration_url="",
    recording_url="",
    status="scheduled",
    after_hours_minutes=30,
    after_hours_host_id=9,
    after_hours_host_name="Host Person",
    tech_check=(START - timedelta(minutes=30), START),
    speaker_names=("Ann", "Bo"),
    speaker_ids=(4, 5),
)


@pytest.mark.parametrize(
    ("changed", "old", "new", "bump"),
    [
        ({"title"}, "scheduled", "scheduled", True),
        ({"starts_at"}, "draft", "draft", True),
        ({"duration_minutes"}, "draft", "draft", True),
        ({"join_url"}, "draft", "draft", True),
        ({"after_hours_minutes"}, "draft", "draft", True),
        ({"description", "subtitle"}, "draft", "draft", False),
        (set(), "draft", "scheduled", False),
        (set(), "scheduled", "cancelled", True),
        (set(), "cancelled", "scheduled", True),
    ],
)
def test_what_makes_calendars_update(changed: set[str], old: str, new: str, bump: bool) -> None:
    assert needs_new_sequence(changed, old, new) is bump


def test_derived_uids_are_stable_distinct_uuids() -> None:
    uids = {part: part_uid(FACTS.uid, part) for part in Part}
    assert uids[Part.SESSION] == FACTS.uid
    assert len(set(uids.values())) == 3
    assert all(uuid.UUID(u) for u in uids.values())
    assert part_uid(FACTS.uid, Part.TECH_CHECK) == uids[Part.TECH_CHECK]


def test_the_session_event_says_when_and_how_to_join() -> None:
    event = session_event(FACTS)
    assert (event.uid, event.sequence, event.start, event.end) == (
        FACTS.uid,
        3,
        START,
        START + timedelta(hours=1),
    )
    assert event.location == event.url == "https://example.org/j/1"
    assert "Join: https://example.org/j/1" in event.description
    assert "Wed 4 Aug 2021 · 10:00 PT / 13:00 ET" in event.description
    assert method_for(FACTS) == Method.REQUEST


def test_a_cancelled_session_is_a_cancellation_with_the_same_uid() -> None:
    cancelled = replace(FACTS, status="cancelled")
    event = session_event(cancelled)
    assert event.cancelled and event.uid == FACTS.uid
    assert method_for(cancelled) == Method.CANCEL


def test_a_speaker_gets_tech_check_and_session_the_host_also_after_hours() -> None:
    assert [e.part for e in speaker_events(FACTS, 4)] == [Part.TECH_CHECK, Part.SESSION]
    host = speaker_events(FACTS, 9)
    assert [e.part for e in host] == [Part.SESSION, Part.AFTER_HOURS]
    assert host[1].start == START + timedelta(hours=1)
    assert host[1].end == START + timedelta(minutes=90)
    assert speaker_events(FACTS, 77) == []
