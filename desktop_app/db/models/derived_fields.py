"""Columns kept derived on every ORM write: a session's calendar SEQUENCE, people's search text."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy import inspect as inspect_record

from desktop_app.db.models.series_and_people import Registrant, Session, Speaker
from desktop_app.domain.calendar_events import SEQUENCED_FIELDS, needs_new_sequence
from desktop_app.domain.search import (
    REGISTRANT_SEARCHED,
    SPEAKER_SEARCHED,
    registrant_search_text,
    speaker_search_text,
)


@event.listens_for(Session, "before_update")
def _bump_sequence(_mapper: Any, _connection: Any, session: Session) -> None:
    """Raise SEQUENCE when a saved change must update calendars, whatever path made it."""
    state = inspect_record(session)
    changed = {name for name in SEQUENCED_FIELDS if state.attrs[name].history.has_changes()}
    status = state.attrs["status"].history
    old_status = status.deleted[0] if status.deleted else session.status
    if needs_new_sequence(changed, old_status, session.status):
        session.sequence = (session.sequence or 0) + 1


def _fold_into_search_text(model: type[Any], fold: Any, fields: tuple[str, ...]) -> None:
    """Keep model.search_text the fold of its fields on every ORM insert and update (bulk
    writes, such as imports, set it themselves)."""

    def refresh(_mapper: Any, _connection: Any, target: Any) -> None:
        target.search_text = fold({name: getattr(target, name) for name in fields})

    event.listen(model, "before_insert", refresh)
    event.listen(model, "before_update", refresh)


_fold_into_search_text(Registrant, registrant_search_text, REGISTRANT_SEARCHED)
_fold_into_search_text(Speaker, speaker_search_text, SPEAKER_SEARCHED)
