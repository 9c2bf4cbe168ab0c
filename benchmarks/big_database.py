"""Builds (once, then reuses) a database with the demo series and N generated registrants."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from desktop_app.bootstrap import open_app
from desktop_app.db.migrate import head_revision
from desktop_app.db.models import Registrant, Registration, Session
from desktop_app.domain.demo_people import DemoPerson, demo_people
from desktop_app.domain.search import registrant_search_text
from desktop_app.services import demo, stats

SLICE = 50_000  # people per INSERT


def already_built(path: Path, people: int) -> bool:
    """True when path is a cached database holding `people` registrants; a stale one is
    deleted (to be built again)."""
    if not path.exists():
        return False
    app = open_app(str(path))
    ready = stats.stats(app.uow()).registrants == people
    app.close()
    if not ready:
        path.unlink()
    return ready


def registrant_row(person: DemoPerson, when: datetime, consent: str = "") -> dict[str, Any]:
    """A generated person as a row of the registrants table (consent: the person's own
    unless given)."""
    return {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "organisation": person.organisation,
        "job_title": person.job_title,
        "city": person.city,
        "country": person.country,
        "sector": person.sector,
        "consent": consent or person.consent.value,
        "consent_source": "benchmark",
        "created_at": when,
        "updated_at": when,
        "search_text": registrant_search_text(vars(person)),
    }


def big_database(people: int) -> Path:
    """Path of a database holding the demo series with `people` registrants (cached in /tmp)."""
    # The name says the schema: a database built before a migration is built again.
    path = Path(tempfile.gettempdir()) / f"webinar-desk-bench-{people}-{head_revision()}.sqlite"
    if already_built(path, people):
        return path
    started = time.perf_counter()
    app = open_app(str(path))
    demo.load_demo(app.uow(), people=0)
    with app.engine.begin() as connection:
        sessions = connection.execute(
            select(Session.id, Session.starts_at).order_by(Session.starts_at)
        ).all()
        generated = demo_people(people, [s.starts_at for s in sessions], seed=7)
        # Rows go in slices: a million rows' dicts at once held gigabytes.
        for start in range(0, people, SLICE):
            connection.execute(
                insert(Registrant),
                [
                    registrant_row(p, sessions[0].starts_at)
                    for p in generated[start : start + SLICE]
                ],
            )
        ids = dict(connection.execute(select(Registrant.email, Registrant.id)).tuples().all())
        for start in range(0, people, SLICE):
            connection.execute(
                insert(Registration),
                [
                    {
                        "registrant_id": ids[p.email],
                        "session_id": sessions[r.session_index].id,
                        "registered_at": r.registered_at,
                        "approval_status": "approved",
                        "source": "benchmark",
                        "attended": r.attended,
                        "minutes": r.minutes,
                    }
                    for p in generated[start : start + SLICE]
                    for r in p.registrations
                ],
            )
    app.close()
    print(f"(built {path} with {people:,} registrants in {time.perf_counter() - started:.1f} s)")
    return path
