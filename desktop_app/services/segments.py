"""Use cases for run-of-show segments of a session."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.db.models import RunOfShowSegment, Session
from desktop_app.domain.records import SegmentData, validate_segment
from desktop_app.services.common import get_or_raise
from desktop_app.services.rows import SegmentRow
from desktop_app.services.uow import UnitOfWork


def add_segment(uow: UnitOfWork, session_id: int, data: SegmentData) -> int:
    """Append a segment to the end of a session's run of show; returns its id."""
    data = validate_segment(data)
    with uow:
        get_or_raise(uow.session, Session, session_id, "session")
        last = uow.session.scalar(select(func.max(RunOfShowSegment.position))
                                  .where(RunOfShowSegment.session_id == session_id))
        segment = RunOfShowSegment(session_id=session_id,
                                   position=0 if last is None else last + 1)
        _apply(segment, data)
        uow.session.add(segment)
        uow.flush()
        uow.commit()
        return segment.id


def update_segment(uow: UnitOfWork, segment_id: int, data: SegmentData) -> None:
    """Replace the fields of a segment."""
    data = validate_segment(data)
    with uow:
        _apply(get_or_raise(uow.session, RunOfShowSegment, segment_id, "segment"), data)
        uow.commit()


def delete_segment(uow: UnitOfWork, segment_id: int) -> None:
    """Remove a segment from its run of show."""
    with uow:
        uow.session.delete(get_or_raise(uow.session, RunOfShowSegment, segment_id, "segment"))
        uow.commit()


def list_segments(uow: UnitOfWork, session_id: int) -> list[SegmentRow]:
    """A session's segments in running order."""
    with uow:
        query = (select(RunOfShowSegment).where(RunOfShowSegment.session_id == session_id)
                 .order_by(RunOfShowSegment.position, RunOfShowSegment.id))
        return [SegmentRow(id=s.id, session_id=s.session_id, position=s.position,
                           title=s.title, duration_minutes=s.duration_minutes, owner=s.owner,
                           cue=s.cue, notes=s.notes)
                for s in uow.session.scalars(query)]


def _apply(segment: RunOfShowSegment, data: SegmentData) -> None:
    """Copy validated fields onto a segment record."""
    segment.title, segment.duration_minutes = data.title, data.duration_minutes
    segment.owner, segment.cue, segment.notes = data.owner, data.cue, data.notes
