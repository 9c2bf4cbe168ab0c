"""Which session of a series a report belongs to: the report's date (in the series' home
zone) first, then how alike the titles are; and a plain warning when they disagree."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher

from sqlalchemy import select

from desktop_app.db.models import Series, Session
from desktop_app.domain import timezones
from desktop_app.domain.errors import NotFound
from desktop_app.services.uow import UnitOfWork

# Below this a title alone does not propose a session (1.0 is the same words).
TITLE_ALONE = 0.75
# A report title holding a session's whole title (or the reverse) is as good as this.
CONTAINED = 0.9


@dataclass(frozen=True)
class Candidate:
    """A session as the matcher sees it."""

    id: int
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class Proposal:
    """The session a report most likely belongs to (None: nothing fits well enough)."""

    session_id: int | None
    report_day: date | None  # the report's date in the home zone
    reason: str  # 'same date and title', 'same date', 'same title' or ''


def report_day(start: datetime | None, home_zone: str) -> date | None:
    """The date a report's start falls on in the home zone (a naive start is already
    the home zone's wall time, as every time of a file without an offset)."""
    if start is None:
        return None
    if start.tzinfo is None:
        return start.date()
    return timezones.utc_to_local(start, home_zone).date()


def _words(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def title_likeness(report_title: str, session_title: str) -> float:
    """0 (nothing alike) to 1 (the same words); a title inside the other (a Zoom topic
    'Series: Session') counts as nearly the same."""
    a, b = _words(report_title), _words(session_title)
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    if a in b or b in a:
        return max(ratio, CONTAINED)
    return ratio


def propose(
    candidates: list[Candidate], home_zone: str, title: str, start: datetime | None
) -> Proposal:
    """Score the candidates: same date first, then title likeness, then the nearest start."""
    day = report_day(start, home_zone)
    best: tuple[tuple[bool, float, float], Candidate] | None = None
    for candidate in candidates:
        same_day = day is not None and timezones.home_date(candidate.starts_at, home_zone) == day
        likeness = title_likeness(title, candidate.title)
        distance = (
            abs((timezones.local_to_utc(start, home_zone) - candidate.starts_at).total_seconds())
            if start is not None
            else 0.0
        )
        score = (same_day, likeness, -distance)
        if best is None or score > best[0]:
            best = (score, candidate)
    if best is None:
        return Proposal(None, day, "")
    (same_day, likeness, _), candidate = best
    if same_day:
        reason = "same date and title" if likeness >= TITLE_ALONE else "same date"
        return Proposal(candidate.id, day, reason)
    if likeness >= TITLE_ALONE:
        return Proposal(candidate.id, day, "same title")
    return Proposal(None, day, "")


def _candidates(uow: UnitOfWork, series_id: int) -> list[Candidate]:
    return [
        Candidate(s.id, s.title, s.starts_at)
        for s in uow.session.scalars(
            select(Session).where(Session.series_id == series_id).order_by(Session.starts_at)
        )
    ]


def propose_session(
    uow: UnitOfWork, session_id: int, title: str, start: datetime | None
) -> Proposal:
    """The session of session_id's series that a report (its title and start) belongs to."""
    with uow:
        session = uow.session.get(Session, session_id)
        if session is None:
            raise NotFound(f"there is no session with id {session_id}")
        zone = uow.session.get_one(Series, session.series_id).home_zone
        return propose(_candidates(uow, session.series_id), zone, title, start)


def date_warning(uow: UnitOfWork, session_id: int, start: datetime | None) -> str:
    """'This report is from Wed 2 Sep 2026; the chosen session is on Wed 18 Aug 2021.'
    when the report's date is not the session's (in the home zone), else ''."""
    if start is None:
        return ""
    with uow:
        session = uow.session.get(Session, session_id)
        if session is None:
            raise NotFound(f"there is no session with id {session_id}")
        zone = uow.session.get_one(Series, session.series_id).home_zone
        day = report_day(start, zone)
        session_day = timezones.home_date(session.starts_at, zone)
    if day is None or day == session_day:
        return ""
    return (
        f"This report is from {timezones.day_label(day)}; the chosen session is on "
        f"{timezones.day_label(session_day)}."
    )


def match_choices(uow: UnitOfWork, session_id: int, choices: list[str]) -> dict[str, int | None]:
    """The session of session_id's series each answer of a checkbox question names, by
    title ('Kickoff' -> the kickoff session); None where no title is alike enough."""
    with uow:
        session = uow.session.get(Session, session_id)
        if session is None:
            raise NotFound(f"there is no session with id {session_id}")
        candidates = _candidates(uow, session.series_id)
    found: dict[str, int | None] = {}
    for choice in choices:
        scored = sorted(((title_likeness(choice, c.title), c.id) for c in candidates), reverse=True)
        good = [(score, ident) for score, ident in scored if score >= TITLE_ALONE]
        found[choice] = good[0][1] if good else None
    return found
