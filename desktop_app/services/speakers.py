"""Use cases for speakers and their parts in sessions."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from desktop_app.db.models import Session, SessionSpeaker, Speaker
from desktop_app.domain import search
from desktop_app.domain.enums import SpeakerRole
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import AppearanceData, SpeakerData, validate_speaker
from desktop_app.domain.rows import AppearanceRow, SpeakerRow
from desktop_app.services.common import check_versions, get_current, get_or_raise
from desktop_app.services.orphans import speaker_in_no_series
from desktop_app.services.uow import UnitOfWork


def _apply(speaker: Speaker, data: SpeakerData) -> None:
    """Copy validated fields onto a speaker record."""
    speaker.name, speaker.title, speaker.organisation = data.name, data.title, data.organisation
    speaker.email = data.email or None
    speaker.phone, speaker.pronouns, speaker.bio = data.phone, data.pronouns, data.bio
    speaker.headshot_path = data.headshot_path


def create_speaker(uow: UnitOfWork, data: SpeakerData) -> int:
    """Save a new speaker and return its id."""
    data = validate_speaker(data)
    with uow:
        speaker = Speaker()
        _apply(speaker, data)
        uow.session.add(speaker)
        uow.flush()
        uow.commit()
        return speaker.id


def update_speaker(uow: UnitOfWork, speaker_id: int, data: SpeakerData, version: int) -> int:
    """Replace the editable fields of a speaker still at `version`; returns the new version."""
    data = validate_speaker(data)
    with uow:
        speaker = get_current(uow.session, Speaker, speaker_id, "speaker", version)
        _apply(speaker, data)
        uow.commit()
        return speaker.version


def delete_speaker(uow: UnitOfWork, speaker_id: int, version: int) -> None:
    """Delete a speaker (still at `version`) and their parts; After Hours host is cleared."""
    with uow:
        uow.session.delete(get_current(uow.session, Speaker, speaker_id, "speaker", version))
        uow.commit()


def get_speaker(uow: UnitOfWork, speaker_id: int) -> SpeakerRow:
    """One speaker by id."""
    with uow:
        speaker = get_or_raise(uow.session, Speaker, speaker_id, "speaker")
        count = uow.session.scalar(
            select(func.count(func.distinct(SessionSpeaker.session_id))).where(
                SessionSpeaker.speaker_id == speaker_id
            )
        )
        return to_row(speaker, count or 0)


def list_speakers(
    uow: UnitOfWork,
    series_id: int | None = None,
    text: str = "",
    *,
    in_no_series: bool = False,
) -> list[SpeakerRow]:
    """Speakers by name, with their session counts; with text, those matching every word
    of it (in name, email, organisation or title; accents and case aside).

    With a series: its speakers and After Hours hosts, plus speakers not yet booked for any
    session anywhere (so someone just added is not lost from view). in_no_series: only
    speakers with no part in any session and hosting no After Hours.
    """
    count = func.count(func.distinct(SessionSpeaker.session_id))
    query = (
        select(Speaker, count)
        .outerjoin(SessionSpeaker, SessionSpeaker.speaker_id == Speaker.id)
        .outerjoin(Session, Session.id == SessionSpeaker.session_id)
        .group_by(Speaker.id)
        .order_by(Speaker.name, Speaker.id)
    )
    if series_id is not None:
        # A series' After Hours hosts count as its speakers even without a listed part.
        hosts = select(Session.after_hours_host_id).where(Session.series_id == series_id)
        any_host = select(Session.after_hours_host_id).where(
            Session.after_hours_host_id.is_not(None)
        )
        unbooked = ~Speaker.id.in_(select(SessionSpeaker.speaker_id)) & ~Speaker.id.in_(any_host)
        query = query.where((Session.series_id == series_id) | Speaker.id.in_(hosts) | unbooked)
    for word in search.words(text):
        query = query.where(Speaker.search_text.contains(word, autoescape=True))
    if in_no_series:
        query = query.where(speaker_in_no_series())
    with uow:
        return [to_row(s, n) for s, n in uow.session.execute(query).tuples()]


def to_row(speaker: Speaker, session_count: int) -> SpeakerRow:
    """A frozen copy of a speaker."""
    return SpeakerRow(
        id=speaker.id,
        name=speaker.name,
        title=speaker.title,
        organisation=speaker.organisation,
        email=speaker.email or "",
        phone=speaker.phone,
        pronouns=speaker.pronouns,
        bio=speaker.bio,
        headshot_path=speaker.headshot_path,
        session_count=session_count,
        version=speaker.version,
    )


def add_to_session(uow: UnitOfWork, session_id: int, speaker_id: int, data: AppearanceData) -> int:
    """Give a speaker a part in a session; returns the part's id."""
    _check_role(data.role)
    with uow:
        get_or_raise(uow.session, Session, session_id, "session")
        get_or_raise(uow.session, Speaker, speaker_id, "speaker")
        part = SessionSpeaker(session_id=session_id, speaker_id=speaker_id)
        _apply_part(part, data)
        uow.session.add(part)
        uow.flush()
        uow.commit()
        return part.id


def update_appearance(
    uow: UnitOfWork, appearance_id: int, data: AppearanceData, version: int
) -> int:
    """Change a speaker's role, position or checklist in a session; returns the new version."""
    _check_role(data.role)
    with uow:
        part = get_current(uow.session, SessionSpeaker, appearance_id, "speaker part", version)
        _apply_part(part, data)
        uow.commit()
        return part.version


def remove_appearance(uow: UnitOfWork, appearance_id: int, version: int) -> None:
    """Take a speaker off a session (the speaker stays), if the part is still at `version`."""
    with uow:
        part = get_current(uow.session, SessionSpeaker, appearance_id, "speaker part", version)
        uow.session.delete(part)
        uow.commit()


def reorder_appearances(
    uow: UnitOfWork,
    session_id: int,
    ordered_ids: list[int],
    versions: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Set the speaking order of a session to the given list of part ids.

    With versions (part id -> version seen), refused if any part moved on. Returns every
    part's version after the change.
    """
    with uow:
        parts = {
            p.id: p
            for p in uow.session.scalars(
                select(SessionSpeaker).where(SessionSpeaker.session_id == session_id)
            )
        }
        if sorted(parts) != sorted(ordered_ids):
            raise ValidationError(
                {"order": "the new order must list every speaker of the session exactly once"}
            )
        if versions is not None:
            check_versions(parts, "speakers of the session", versions)
        for position, part_id in enumerate(ordered_ids):
            parts[part_id].position = position
        uow.commit()
        return {part_id: part.version for part_id, part in parts.items()}


def list_appearances(
    uow: UnitOfWork, *, session_id: int | None = None, speaker_id: int | None = None
) -> list[AppearanceRow]:
    """Speaker parts of a session (in speaking order) or of a speaker (by session date)."""
    query = (
        select(SessionSpeaker)
        .join(Session)
        .options(joinedload(SessionSpeaker.speaker), joinedload(SessionSpeaker.session))
        .order_by(Session.starts_at, SessionSpeaker.position, SessionSpeaker.id)
    )
    if session_id is not None:
        query = query.where(SessionSpeaker.session_id == session_id)
    if speaker_id is not None:
        query = query.where(SessionSpeaker.speaker_id == speaker_id)
    with uow:
        return [_part_row(p) for p in uow.session.scalars(query)]


def _check_role(role: str) -> None:
    """ValidationError unless role is a known speaker role."""
    try:
        SpeakerRole(role)
    except ValueError:
        raise ValidationError({"role": f"'{role}' is not a speaker role"}) from None


def _apply_part(part: SessionSpeaker, data: AppearanceData) -> None:
    """Copy role, position and checklist onto a speaker part."""
    part.role, part.position = data.role, data.position
    check = data.checklist
    part.confirmed, part.bio_received = check.confirmed, check.bio_received
    part.headshot_received, part.tech_check_done = check.headshot_received, check.tech_check_done
    part.consents_to_recording = check.consents_to_recording


def _part_row(part: SessionSpeaker) -> AppearanceRow:
    """A frozen copy of a speaker part with the names around it."""
    return AppearanceRow(
        id=part.id,
        session_id=part.session_id,
        session_title=part.session.title,
        speaker_id=part.speaker_id,
        speaker_name=part.speaker.name,
        speaker_title=part.speaker.title,
        speaker_organisation=part.speaker.organisation,
        role=part.role,
        position=part.position,
        confirmed=part.confirmed,
        bio_received=part.bio_received,
        headshot_received=part.headshot_received,
        tech_check_done=part.tech_check_done,
        consents_to_recording=part.consents_to_recording,
        version=part.version,
    )
