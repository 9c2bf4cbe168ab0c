"""The database itself refuses bad data, whatever code writes it."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop_app.bootstrap import App

SERIES = (
    "INSERT INTO series (title, organiser, description, home_zone, display_zones, "
    "default_platform, created_at, updated_at) VALUES (:title, '', '', 'UTC', '[]', '', "
    "'2021-01-01', '2021-01-01')"
)
SESSION = (
    "INSERT INTO sessions (series_id, kind, title, subtitle, description, starts_at, "
    "duration_minutes, platform, join_url, registration_url, recording_url, status, "
    "uid, created_at, updated_at) VALUES (:series, :kind, 'T', '', '', "
    "'2021-08-04 17:00:00', :minutes, '', '', '', '', 'draft', "
    ":uid, '2021-01-01', '2021-01-01')"
)
REGISTRANT = (
    "INSERT INTO registrants (email, first_name, last_name, organisation, job_title, "
    "city, country, sector, consent, consent_source, created_at, updated_at) VALUES "
    "(:email, '', '', '', '', '', '', '', :consent, '', '2021-01-01', '2021-01-01')"
)


def run(app: App, sql: str, **params: object) -> None:
    if ":uid" in sql:  # a session's calendar UID, made here as on every engine alike
        params.setdefault("uid", uuid.uuid4().hex)
    with app.engine.begin() as connection:
        connection.execute(text(sql), params)


def test_good_rows_go_in(app: App) -> None:
    run(app, SERIES, title="S")
    run(app, SESSION, series=1, kind="kickoff", minutes=60)
    run(app, REGISTRANT, email="a@b.org", consent="yes")


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        (SERIES, {"title": ""}),
        (SESSION, {"series": 1, "kind": "party", "minutes": 60}),
        (SESSION, {"series": 1, "kind": "kickoff", "minutes": 0}),
        (SESSION, {"series": 999, "kind": "kickoff", "minutes": 60}),  # foreign key
        (REGISTRANT, {"email": "a@b.org", "consent": "maybe"}),
        (REGISTRANT, {"email": "", "consent": "yes"}),
    ],
)
def test_bad_rows_are_refused(app: App, sql: str, params: dict[str, object]) -> None:
    run(app, SERIES, title="S")
    with pytest.raises(IntegrityError):
        run(app, sql, **params)


def test_one_registrant_per_email(app: App) -> None:
    run(app, REGISTRANT, email="a@b.org", consent="yes")
    with pytest.raises(IntegrityError):
        run(app, REGISTRANT, email="a@b.org", consent="no")


def test_deleting_a_series_takes_its_sessions(app: App) -> None:
    run(app, SERIES, title="S")
    run(app, SESSION, series=1, kind="kickoff", minutes=60)
    run(app, "DELETE FROM series")
    with app.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sessions")).scalar() == 0
