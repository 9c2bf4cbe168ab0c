"""A session's run of show: its saved (or default) segments on the clock, and templates."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update

from desktop_app.db.models import RunOfShowSegment, RunOfShowTemplate, Series, Session, Speaker
from desktop_app.domain.errors import NotFound, StaleRecord, UserError, ValidationError
from desktop_app.domain.preferences import Preferences
from desktop_app.domain.run_of_show import Segment, default_script, schedule
from desktop_app.domain.run_of_show import Speaker as ScriptSpeaker
from desktop_app.domain.run_of_show_sheet import RosterLine, RunOfShowSheet
from desktop_app.services import sessions, speakers
from desktop_app.services.common import stale_text
from desktop_app.services.preferences import load_preferences
from desktop_app.services.uow import UnitOfWork


def load_segments(uow: UnitOfWork, session_id: int) -> list[Segment]:
    """The saved segments of a session, in order (empty when none are saved)."""
    with uow:
        rows = uow.session.scalars(
            select(RunOfShowSegment)
            .where(RunOfShowSegment.session_id == session_id)
            .order_by(RunOfShowSegment.position, RunOfShowSegment.id)
        )
        return [
            Segment(r.title, r.duration_minutes, r.owner, r.cue, r.notes, r.before_start)
            for r in rows
        ]


def default_segments(uow: UnitOfWork, session_id: int) -> list[Segment]:
    """The generated script for a session: speakers, After Hours, the next session's date."""
    row = sessions.get_session(uow, session_id)
    series_rows = sessions.list_sessions(uow, row.series_id)
    later = [s for s in series_rows if s.starts_at > row.starts_at]
    parts = speakers.list_appearances(uow, session_id=session_id)
    return default_script(
        row.duration_minutes,
        [
            ScriptSpeaker(p.speaker_name, p.speaker_title, p.speaker_organisation, p.role)
            for p in parts
        ],
        row.after_hours_minutes,
        row.after_hours_host_name,
        later[0].start_label if later else "",
    )


def segments_version(uow: UnitOfWork, session_id: int) -> int:
    """The version of a session's segment list (it changes with every save)."""
    with uow:
        version = uow.session.scalar(
            select(Session.run_of_show_version).where(Session.id == session_id)
        )
        if version is None:
            raise NotFound(f"there is no session with id {session_id}")
        return version


def save_segments(
    uow: UnitOfWork, session_id: int, segments: list[Segment], version: int | None
) -> int:
    """Replace a session's segments with these, in this order; returns the list's version.

    version: of the list the caller loaded (StaleRecord if it was saved elsewhere since);
    None to replace whatever is there (applying a template from the command line).
    """
    problems = {
        f"segment {n}": "needs a title" for n, s in enumerate(segments, 1) if not s.title.strip()
    }
    problems.update(
        {
            f"segment {n}": "cannot last less than zero minutes"
            for n, s in enumerate(segments, 1)
            if s.duration_minutes < 0
        }
    )
    if problems:
        raise ValidationError(problems)
    with uow:
        current = uow.session.scalar(
            select(Session.run_of_show_version).where(Session.id == session_id)
        )
        if current is None:
            raise NotFound(f"there is no session with id {session_id}")
        if version is not None and current != version:
            raise StaleRecord(stale_text("run of show"))
        # A Core UPDATE that names the old version: a save from elsewhere in between
        # matches no row, and this one is refused instead of overwriting it.
        bumped = cast(
            CursorResult[Any],
            uow.session.execute(
                update(Session)
                .where(Session.id == session_id, Session.run_of_show_version == current)
                .values(run_of_show_version=current + 1)
                .execution_options(synchronize_session=False)
            ),
        )
        if bumped.rowcount != 1:
            raise StaleRecord(stale_text("run of show"))
        uow.session.execute(
            delete(RunOfShowSegment).where(RunOfShowSegment.session_id == session_id)
        )
        uow.session.add_all(
            RunOfShowSegment(
                session_id=session_id,
                position=n,
                title=s.title.strip(),
                duration_minutes=s.duration_minutes,
                owner=s.owner.strip(),
                cue=s.cue.strip(),
                notes=s.notes.strip(),
                before_start=s.before_start,
            )
            for n, s in enumerate(segments)
        )
        uow.commit()
        return current + 1


def load_sheet(
    uow: UnitOfWork, session_id: int, prefs: Preferences | None = None
) -> RunOfShowSheet:
    """The run-of-show of a session: saved segments, or the default when none are saved.

    The producer on the sheet is the staff member of prefs (default: the saved ones).
    """
    prefs = prefs if prefs is not None else load_preferences()
    row = sessions.get_session(uow, session_id)
    version = segments_version(uow, session_id)
    saved = load_segments(uow, session_id)
    segments = saved or default_segments(uow, session_id)
    parts = speakers.list_appearances(uow, session_id=session_id)
    with uow:
        series = uow.session.get_one(Series, row.series_id)
        zones = (series.home_zone, *[z for z in series.display_zones if z != series.home_zone])
        title = series.title
        contacts = {
            s.id: (s.email or "", s.phone)
            for s in uow.session.scalars(
                select(Speaker).where(Speaker.id.in_([p.speaker_id for p in parts]))
            )
        }
    roster = tuple(RosterLine(p, *contacts.get(p.speaker_id, ("", ""))) for p in parts)
    return RunOfShowSheet(
        title,
        zones,
        row,
        roster,
        tuple(segments),
        schedule(row.starts_at, segments, row.duration_minutes, row.after_hours_minutes),
        not saved,
        datetime.now(UTC),
        version,
        producer=prefs.staff_name,
        producer_email=prefs.staff_email,
    )


def save_template(uow: UnitOfWork, name: str, segments: list[Segment]) -> None:
    """Save segments under a name (replacing a template of that name)."""
    if not name.strip():
        raise ValidationError({"name": "a template needs a name"})
    with uow:
        template = uow.session.scalar(
            select(RunOfShowTemplate).where(RunOfShowTemplate.name == name.strip())
        )
        if template is None:
            template = RunOfShowTemplate(name=name.strip())
            uow.session.add(template)
        template.segments = [asdict(s) for s in segments]
        uow.commit()


def list_templates(uow: UnitOfWork) -> list[str]:
    """Names of the saved templates."""
    with uow:
        return list(
            uow.session.scalars(select(RunOfShowTemplate.name).order_by(RunOfShowTemplate.name))
        )


def template_segments(uow: UnitOfWork, name: str) -> list[Segment]:
    """The segments of a saved template."""
    with uow:
        template = uow.session.scalar(
            select(RunOfShowTemplate).where(RunOfShowTemplate.name == name)
        )
        if template is None:
            raise NotFound(f"there is no run-of-show template named '{name}'")
        try:
            return [Segment(**data) for data in template.segments]
        except TypeError as error:
            raise UserError(f"the template '{name}' cannot be read: {error}") from None


def apply_template(
    uow: UnitOfWork, name: str, session_id: int, version: int | None
) -> list[Segment]:
    """Give a session the segments of a template; returns them (version: as save_segments)."""
    segments = template_segments(uow, name)
    save_segments(uow, session_id, segments, version)
    return segments
