"""Which session a report belongs to: its date in the home zone first, then its title."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.bootstrap import App
from desktop_app.domain.records import SessionData
from desktop_app.services import series, session_match, sessions
from desktop_app.services.session_match import Candidate, propose, title_likeness

PT = "America/Los_Angeles"


def candidates() -> list[Candidate]:
    return [
        Candidate(1, "No More Status Quo Contracting", datetime(2021, 8, 4, 17, tzinfo=UTC)),
        Candidate(2, "Procurement for the People", datetime(2021, 8, 18, 17, tzinfo=UTC)),
        Candidate(3, "The Supplier’s City", datetime(2026, 9, 2, 17, tzinfo=UTC)),
        Candidate(4, "Evening repeat", datetime(2026, 9, 3, 2, tzinfo=UTC)),  # 2 Sep, 19:00 PT
    ]


def test_the_same_date_wins_over_the_title() -> None:
    found = propose(candidates(), PT, "Procurement for the People", datetime(2026, 9, 2, 10))
    assert (found.session_id, found.reason) == (3, "same date")


def test_on_a_date_with_two_sessions_the_title_decides() -> None:
    found = propose(candidates(), PT, "Evening Repeat!", datetime(2026, 9, 2, 18, 55))
    assert (found.session_id, found.reason) == (4, "same date and title")
    # Without a title, the nearer start time decides.
    assert propose(candidates(), PT, "", datetime(2026, 9, 2, 10, 5)).session_id == 3


def test_an_offset_in_the_file_is_read_in_the_home_zone() -> None:
    # 01:30 UTC on 3 Sep is 18:30 on 2 Sep in Pacific time: the evening session's date.
    found = propose(candidates(), PT, "", datetime(2026, 9, 3, 1, 30, tzinfo=UTC))
    assert found.session_id == 4 and str(found.report_day) == "2026-09-02"


def test_a_title_alone_proposes_only_when_alike() -> None:
    found = propose(candidates(), PT, "OCP: Procurement for the people", datetime(2030, 1, 1))
    assert (found.session_id, found.reason) == (2, "same title")
    assert propose(candidates(), PT, "Budget clinic", datetime(2030, 1, 1)).session_id is None
    assert propose([], PT, "Anything", None).session_id is None


def test_title_likeness() -> None:
    assert title_likeness("Kickoff", "kickoff") == 1.0
    assert title_likeness("Series: Procurement for the People", "Procurement for the people") >= 0.9
    assert title_likeness("Budget clinic", "The Supplier’s City") < 0.5
    assert title_likeness("", "Anything") == 0.0


def test_services_read_the_series_and_warn_in_plain_words(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    series_id = rows[0].series_id
    new_id = sessions.create_session(
        demo_app.uow(),
        series_id,
        SessionData("Procurement for the People", datetime(2026, 9, 2, 10)),
    )
    report_start = datetime(2026, 9, 2, 10, 3)
    proposal = session_match.propose_session(
        demo_app.uow(), rows[0].id, "Procurement for the People", report_start
    )
    assert proposal.session_id == new_id
    assert session_match.date_warning(demo_app.uow(), new_id, report_start) == ""
    assert session_match.date_warning(demo_app.uow(), rows[1].id, report_start) == (
        "This report is from Wed 2 Sep 2026; the chosen session is on Wed 18 Aug 2021."
    )
    assert session_match.date_warning(demo_app.uow(), rows[1].id, None) == ""
    assert series.get_series(demo_app.uow(), series_id).home_zone == PT


def test_choices_of_a_checkbox_question_are_matched_by_title(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    found = session_match.match_choices(
        demo_app.uow(),
        rows[0].id,
        ["Procurement for the People", "The Suppliers City", "Kickoff"],
    )
    assert found == {
        "Procurement for the People": rows[1].id,
        "The Suppliers City": rows[2].id,
        "Kickoff": None,
    }
