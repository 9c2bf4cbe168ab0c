"""A small series with speakers and registrants of every kind, for the mail tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app.bootstrap import App
from desktop_app.domain.enums import ApprovalStatus, Consent, SessionStatus, SpeakerRole
from desktop_app.domain.mail_kinds import MailAddress
from desktop_app.domain.records import (
    AppearanceData,
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
    SpeakerData,
)
from desktop_app.services import registrants, series, sessions, speakers

START = datetime(2026, 9, 2, 17, tzinfo=UTC)
SENDER = MailAddress("Zoë Staff", "zoe@example.org")


@dataclass(frozen=True)
class World:
    """Ids of what was made."""

    series_id: int
    session_id: int
    host: int  # speaker: host of the session
    panelist: int
    silent: int  # a speaker without an email address
    after_hours: int  # hosts the After Hours only


# (first, last, email, consent, country, city, organisation, attended, approval)
PEOPLE = [
    ("Ngozi", "Adeyemi", "ngozi@example.org", Consent.YES, "Nigeria", "Lagos", "OCP", True, "ok"),
    ("Zoë", "O'Brien", "zoe.obrien@example.org", Consent.UNKNOWN, "Germany", "", "", False, "ok"),
    ("Rolf", "Refuser", "rolf@example.org", Consent.NO, "", "", "", True, "ok"),
    ("Dee", "Denied", "dee@example.org", Consent.YES, "", "", "", False, "denied"),
    (
        "Chen",
        "Wei",
        "chen@chicago.example",
        Consent.YES,
        "USA",
        "Chicago",
        "City of Chicago",
        False,
        "ok",
    ),
]


def make_world(app: App, status: SessionStatus = SessionStatus.SCHEDULED) -> World:
    """Create the series, its session, four speakers and five registrants."""
    series_id = series.create_series(
        app.uow(),
        SeriesData(
            "Procurement with a Purpose",
            organiser="OCP",
            home_zone="America/Los_Angeles",
            display_zones=("America/New_York",),
        ),
    )
    ids = [
        speakers.create_speaker(app.uow(), SpeakerData(name, email=email, organisation="City"))
        for name, email in (
            ("Ana Luíza Araújo", "ana@example.org"),
            ("Ben Okafor", "ben@example.org"),
            ("Cy Silent", ""),
            ("Hanna Schmidt", "hanna@example.org"),
        )
    ]
    session_id = sessions.create_session(
        app.uow(),
        series_id,
        SessionData(
            "No More Status Quo Contracting",
            START,
            60,
            join_url="https://example.org/j/123?pwd=abc",
            recording_url="https://example.org/recording/123",
            status=status,
            after_hours_minutes=30,
            after_hours_host_id=ids[3],
        ),
    )
    for position, (speaker_id, role) in enumerate(
        zip(ids[:3], (SpeakerRole.HOST, SpeakerRole.PANELIST, SpeakerRole.PANELIST), strict=True)
    ):
        speakers.add_to_session(app.uow(), session_id, speaker_id, AppearanceData(role, position))
    for first, last, email, consent, country, city, org, attended, approval in PEOPLE:
        person = registrants.create_registrant(
            app.uow(),
            RegistrantData(
                email,
                first,
                last,
                organisation=org,
                country=country,
                city=city,
                consent=consent,
            ),
        )
        registrants.register(
            app.uow(),
            person,
            session_id,
            RegistrationData(
                approval_status=ApprovalStatus.DENIED
                if approval == "denied"
                else ApprovalStatus.APPROVED,
                attended=attended,
                minutes=50 if attended else 0,
            ),
        )
    return World(series_id, session_id, ids[0], ids[1], ids[2], ids[3])
