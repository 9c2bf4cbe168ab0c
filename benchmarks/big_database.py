"""Builds (once, then reuses) a database with the demo series and N generated registrants."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from desktop_app.bootstrap import open_app
from desktop_app.db.migrate import head_revision
from desktop_app.db.models import Registrant, Registration, Session
from desktop_app.domain.demo_people import demo_people
from desktop_app.domain.search import registrant_search_text
from desktop_app.services import demo, stats


def big_database(people: int) -> Path:
    """Path of a database holding the demo series with `people` registrants (cached in /tmp)."""
    # The name says the schema: a database built before a migration is built again.
    path = Path(tempfile.gettempdir()) / f"webinar-desk-bench-{people}-{head_revision()}.sqlite"
    if path.exists():
        app = open_app(str(path))
        ready = stats.stats(app.uow()).registrants == people
        app.close()
        if ready:
            return path
        path.unlink()
    started = time.perf_counter()
    app = open_app(str(path))
    demo.load_demo(app.uow(), people=0)
    with app.engine.begin() as connection:
        sessions = connection.execute(
            select(Session.id, Session.starts_at).order_by(Session.starts_at)
        ).all()
        generated = demo_people(people, [s.starts_at for s in sessions], seed=7)
        connection.execute(
            insert(Registrant),
            [
                {
                    "email": p.email,
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "organisation": p.organisation,
                    "job_title": p.job_title,
                    "city": p.city,
                    "country": p.country,
                    "sector": p.sector,
                    "consent": p.consent.value,
                    "consent_source": "benchmark",
                    "created_at": sessions[0].starts_at,
                    "updated_at": sessions[0].starts_at,
                    "search_text": registrant_search_text(vars(p)),
                }
                for p in generated
            ],
        )
        ids = dict(connection.execute(select(Registrant.email, Registrant.id)).tuples().all())
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
                for p in generated
                for r in p.registrations
            ],
        )
    app.close()
    print(f"(built {path} with {people:,} registrants in {time.perf_counter() - started:.1f} s)")
    return path
