"""Run-of-show clock times, daylight-saving days, zones east and west, the default script."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.domain import timezones
from desktop_app.domain.run_of_show import (
    Segment,
    Speaker,
    default_script,
    schedule,
)
from desktop_app.domain.timezones import clocks

START = timezones.local_to_utc(datetime(2021, 8, 18, 10, 0), "America/Los_Angeles")


def test_clock_times_follow_the_durations() -> None:
    plan = schedule(
        START,
        [
            Segment("Green room", 20, before_start=True),
            Segment("Welcome", 5),
            Segment("Panel", 40),
            Segment("Q&A", 15),
        ],
        60,
    )
    zones = ["America/Los_Angeles", "America/New_York"]
    starts = [clocks(t.start, zones) for t in plan.segments]
    assert starts == [
        "09:40 PT / 12:40 ET",
        "10:00 PT / 13:00 ET",
        "10:05 PT / 13:05 ET",
        "10:45 PT / 13:45 ET",
    ]
    assert plan.difference == 0 and plan.verdict() == "Fits the session exactly"
    assert plan.call_time == START.replace(minute=40, hour=16)


def test_overrun_and_gap_are_said_plainly() -> None:
    assert schedule(START, [Segment("Long", 70)], 60).verdict() == "Runs 10 minutes over"
    assert schedule(START, [Segment("Short", 50)], 60).verdict() == "Leaves a 10-minute gap"
    assert schedule(START, [Segment("Short", 52)], 60).verdict() == "Leaves an 8-minute gap"
    assert schedule(START, [Segment("Short", 49)], 60).verdict() == "Leaves an 11-minute gap"
    assert schedule(START, [Segment("Long", 61)], 60).verdict() == "Runs 1 minute over"
    with_after_hours = schedule(START, [Segment("Main", 60), Segment("After Hours", 30)], 60, 30)
    assert with_after_hours.difference == 0


def test_a_session_across_the_autumn_change() -> None:
    # 7 Nov 2021, 01:30 PDT; an hour later clocks in Los Angeles say 01:30 PST again.
    start = timezones.local_to_utc(datetime(2021, 11, 7, 1, 30), "America/Los_Angeles")
    plan = schedule(start, [Segment("First hour", 60), Segment("Second", 30)], 90)
    la = [timezones.utc_to_local(t.start, "America/Los_Angeles") for t in plan.segments]
    assert [f"{t:%H:%M %Z}" for t in la] == ["01:30 PDT", "01:30 PST"]
    assert (plan.segments[-1].end - start).total_seconds() == 90 * 60


def test_zones_east_and_west() -> None:
    plan = schedule(datetime(2021, 8, 18, 17, 0, tzinfo=UTC), [Segment("Talk", 30)], 30)
    assert (
        clocks(plan.segments[0].start, ["Asia/Kolkata", "Pacific/Honolulu"])
        == "22:30 IST / 07:00 HT"
    )


def test_default_script_introduces_every_speaker_and_fits() -> None:
    speakers = [
        Speaker("Ann Lee", "Director", "City of X", "moderator"),
        Speaker("Bo Chen", "Analyst", "Nava PBC", "panelist"),
        Speaker("Cy Diaz", "", "OCP", "panelist"),
    ]
    script = default_script(60, speakers, 30, "Sascha Haselmayer", "Wed 1 Sep 2021")
    titles = [s.title for s in script]
    assert titles[:2] == ["Green room and tech check", "Doors open"]
    assert "Introduce Bo Chen" in titles and "Introduce Cy Diaz" in titles
    assert "Introduce Ann Lee" not in titles  # the moderator introduces, is not introduced
    intro = next(s for s in script if s.title == "Introduce Bo Chen")
    assert intro.owner == "Ann Lee" and intro.notes == "Bo Chen, Analyst, Nava PBC"
    assert script[-1].title == "After Hours" and script[-1].owner == "Sascha Haselmayer"
    assert "Wed 1 Sep 2021" in script[-2].notes
    assert schedule(START, script, 60, 30).difference == 0
