"""The editable data of a read row: what an edit starts from (and an undo goes back to)."""

from __future__ import annotations

from desktop_app.domain.enums import (
    ApprovalStatus,
    Consent,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)
from desktop_app.domain.records import (
    AppearanceData,
    ChecklistData,
    RegistrantData,
    RegistrationData,
    SessionData,
    SpeakerData,
)
from desktop_app.domain.rows import (
    AppearanceRow,
    RegistrantRow,
    RegistrationRow,
    SessionRow,
    SpeakerRow,
)


def session_data(row: SessionRow) -> SessionData:
    """The editable fields of a session row."""
    return SessionData(
        title=row.title,
        start=row.starts_at,
        duration_minutes=row.duration_minutes,
        kind=SessionKind(row.kind),
        subtitle=row.subtitle,
        description=row.description,
        platform=row.platform,
        join_url=row.join_url,
        registration_url=row.registration_url,
        recording_url=row.recording_url,
        status=SessionStatus(row.status),
        after_hours_minutes=row.after_hours_minutes,
        after_hours_host_id=row.after_hours_host_id,
    )


def speaker_data(row: SpeakerRow) -> SpeakerData:
    """The editable fields of a speaker row."""
    return SpeakerData(
        row.name,
        row.title,
        row.organisation,
        row.email,
        row.phone,
        row.pronouns,
        row.bio,
        row.headshot_path,
    )


def appearance_data(row: AppearanceRow) -> AppearanceData:
    """The editable fields of a speaker's part."""
    return AppearanceData(
        SpeakerRole(row.role),
        row.position,
        ChecklistData(
            row.confirmed,
            row.bio_received,
            row.headshot_received,
            row.tech_check_done,
            row.consents_to_recording,
        ),
    )


def registration_data(row: RegistrationRow) -> RegistrationData:
    """The editable fields of a registration row."""
    return RegistrationData(
        row.registered_at,
        ApprovalStatus(row.approval_status),
        row.source,
        row.attended,
        row.first_join,
        row.last_leave,
        row.minutes,
    )


def registrant_data(row: RegistrantRow) -> RegistrantData:
    """The editable fields of a registrant row."""
    return RegistrantData(
        row.email,
        row.first_name,
        row.last_name,
        row.organisation,
        row.job_title,
        row.city,
        row.country,
        row.sector,
        Consent(row.consent),
        row.consent_at,
        row.consent_source,
    )
