"""Loads the demo series (from its published announcement) and generated registrants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.db.models import (
    Registrant,
    Registration,
    Series,
    Session,
    SessionSpeaker,
    Speaker,
)
from desktop_app.domain import timezones
from desktop_app.domain.announcement import Announcement, AnnouncementError, parse_announcement
from desktop_app.domain.demo_people import demo_people
from desktop_app.domain.enums import SessionKind, SessionStatus, SpeakerRole
from desktop_app.domain.errors import UserError
from desktop_app.io.file_guard import read_regular_file
from desktop_app.resources import resource
from desktop_app.services.uow import UnitOfWork

DEMO_YEAR = 2021  # the announcement's dates carry no year; its Wednesdays fall in 2021
DEMO_PEOPLE = 320
SESSION_MINUTES = 60
AFTER_HOURS_MINUTES = 30  # "optional After Hours segment": length not announced
# The announcement names the After Hours host only as the report's author.
AFTER_HOURS_HOST_TITLE = "Report author, “Serving the Citizens—Not the Bureaucracy”"
AFTER_HOURS_HOST_ORGANISATION = "Chicago Council on Global Affairs"


def default_seed() -> Path:
    """The announcement shipped with the app."""
    return resource("demo", "procurement-with-a-purpose.txt")


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo added (all zeros the second time)."""

    series_id: int
    series_created: int
    sessions_created: int
    speakers_created: int
    registrants_created: int
    registrations_created: int


def load_demo(uow: UnitOfWork, seed: Path | None = None, people: int = DEMO_PEOPLE) -> DemoResult:
    """Add the demo series to the database; running it again adds nothing."""
    seed = seed or default_seed()
    try:
        # Through the guard: --seed /dev/zero or a pipe would otherwise never return.
        data = read_regular_file(seed, 1024 * 1024, "an announcement is a page of text")
    except UserError as error:
        raise UserError(f"cannot read the demo announcement ({error})") from None
    try:
        announcement = parse_announcement(data.decode("utf-8"), DEMO_YEAR)
    except (AnnouncementError, UnicodeDecodeError) as error:
        raise UserError(
            f"the demo announcement {seed} cannot be read as a series: {error}"
        ) from None
    with uow:
        loader = _Loader(uow.session)
        series = loader.series(announcement)
        host = loader.speaker(
            announcement.after_hours_host, AFTER_HOURS_HOST_TITLE, AFTER_HOURS_HOST_ORGANISATION
        )
        sessions = loader.sessions(series, announcement, host)
        loader.registrants(sessions, people)
        uow.commit()
        return DemoResult(series.id, *loader.created)


def _contact(name: str, number: int) -> dict[str, str]:
    """Made-up contact details for a demo speaker: an .example address, a 555-01xx number."""
    local = ".".join(
        "".join(c for c in part if c.isalnum()) for part in name.casefold().split()
    ).strip(".")
    return {"email": f"{local}@speakers.example", "phone": f"+1 555 01{number % 100:02d}"}


class _Loader:
    """Finds-or-creates each demo record, counting what it had to create."""

    def __init__(self, db: DbSession) -> None:
        self.db = db
        self.counts = {
            "series": 0,
            "sessions": 0,
            "speakers": 0,
            "registrants": 0,
            "registrations": 0,
        }

    @property
    def created(self) -> tuple[int, ...]:
        """Counts in DemoResult order."""
        return tuple(self.counts.values())

    def series(self, announcement: Announcement) -> Series:
        """The demo series, matched by title."""
        series = self.db.scalar(select(Series).where(Series.title == announcement.title))
        if series is None:
            series = Series(
                title=announcement.title,
                organiser=announcement.organiser,
                description=announcement.description,
                home_zone=announcement.home_zone,
                display_zones=list(announcement.display_zones),
                default_platform=announcement.platform,
                created_by_demo=True,
            )
            self.db.add(series)
            self.db.flush()
            self.counts["series"] += 1
        return series

    def speaker(self, name: str, title: str, organisation: str) -> Speaker:
        """A speaker matched by name and organisation."""
        speaker = self.db.scalar(
            select(Speaker).where(Speaker.name == name, Speaker.organisation == organisation)
        )
        if speaker is None:
            speaker = Speaker(
                name=name,
                title=title,
                organisation=organisation,
                created_by_demo=True,
                **_contact(name, self.counts["speakers"]),
            )
            self.db.add(speaker)
            self.db.flush()
            self.counts["speakers"] += 1
        return speaker

    def sessions(self, series: Series, announcement: Announcement, host: Speaker) -> list[Session]:
        """The announced sessions, matched by title within the series, with speakers."""
        result = []
        for announced in announcement.sessions:
            session = self.db.scalar(
                select(Session).where(
                    Session.series_id == series.id, Session.title == announced.title
                )
            )
            if session is None:
                start = timezones.local_to_utc(
                    datetime.combine(announced.day, announcement.local_start),
                    announcement.home_zone,
                )
                deep_dive = announced.kind == SessionKind.DEEP_DIVE
                session = Session(
                    series_id=series.id,
                    kind=announced.kind,
                    title=announced.title,
                    subtitle=announced.subtitle,
                    starts_at=start,
                    duration_minutes=SESSION_MINUTES,
                    platform=announcement.platform,
                    status=(
                        SessionStatus.DONE if start < datetime.now(UTC) else SessionStatus.SCHEDULED
                    ),
                    after_hours_minutes=AFTER_HOURS_MINUTES if deep_dive else None,
                    after_hours_host_id=host.id if deep_dive else None,
                )
                self.db.add(session)
                self.db.flush()
                self.counts["sessions"] += 1
            for position, who in enumerate(announced.speakers):
                self._part(
                    session,
                    self.speaker(who.name, who.title, who.organisation),
                    SpeakerRole.PANELIST,
                    position,
                )
            if session.after_hours_host_id is not None:
                self._part(session, host, SpeakerRole.AFTER_HOURS_HOST, len(announced.speakers))
            result.append(session)
        return result

    def _part(self, session: Session, speaker: Speaker, role: SpeakerRole, position: int) -> None:
        """Give a speaker a part in a session unless they have it already."""
        exists = self.db.scalar(
            select(SessionSpeaker.id).where(
                SessionSpeaker.session_id == session.id,
                SessionSpeaker.speaker_id == speaker.id,
                SessionSpeaker.role == role,
            )
        )
        if exists is None:
            # The demo series has happened: everyone confirmed and was prepared.
            self.db.add(
                SessionSpeaker(
                    session_id=session.id,
                    speaker_id=speaker.id,
                    role=role,
                    position=position,
                    confirmed=True,
                    bio_received=True,
                    headshot_received=True,
                    tech_check_done=True,
                    consents_to_recording=True,
                )
            )

    def registrants(self, sessions: list[Session], count: int) -> None:
        """Generated people and their registrations, matched by email."""
        people = demo_people(count, [s.starts_at for s in sessions])
        known = dict(self.db.execute(select(Registrant.email, Registrant.id)).tuples().all())
        registered = set(
            self.db.execute(select(Registration.registrant_id, Registration.session_id))
            .tuples()
            .all()
        )
        created: dict[str, Registrant] = {}
        for person in people:
            if person.email in known or person.email in created:
                continue
            first = min(r.registered_at for r in person.registrations)
            created[person.email] = Registrant(
                email=person.email,
                first_name=person.first_name,
                last_name=person.last_name,
                organisation=person.organisation,
                job_title=person.job_title,
                city=person.city,
                country=person.country,
                sector=person.sector,
                consent=person.consent,
                consent_at=first,
                consent_source="demo registration form",
                created_by_demo=True,
            )
        # One flush for everyone: a flush per person costs a round trip each on a server.
        self.db.add_all(created.values())
        self.db.flush()
        self.counts["registrants"] += len(created)
        known.update({email: registrant.id for email, registrant in created.items()})
        for person in people:
            registrant_id = known[person.email]
            for attendance in person.registrations:
                session = sessions[attendance.session_index]
                if (registrant_id, session.id) in registered:
                    continue
                join = session.starts_at if attendance.attended else None
                self.db.add(
                    Registration(
                        registrant_id=registrant_id,
                        session_id=session.id,
                        registered_at=attendance.registered_at,
                        source="demo",
                        attended=attendance.attended,
                        minutes=attendance.minutes,
                        first_join=join,
                        last_leave=(
                            timezones.end_of(session.starts_at, attendance.minutes)
                            if join
                            else None
                        ),
                    )
                )
                self.counts["registrations"] += 1
