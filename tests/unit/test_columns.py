"""Headings recognised by meaning, in several languages."""

from __future__ import annotations

import pytest

from desktop_app.io.columns import field_for, map_columns, normalise_heading


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Email", "email"),
        ("E-mail address", "email"),
        ("E-Mail", "email"),
        ("Correo electrónico", "email"),
        ("Email Address", "email"),
        ("Adresse e-mail", "email"),
        ("Vorname", "first_name"),
        ("Nachname", "last_name"),
        ("Nombre", "first_name"),
        ("Apellidos", "last_name"),
        ("Organisation", "organisation"),
        ("Company", "organisation"),
        ("Organización", "organisation"),
        ("Job Title", "job_title"),
        ("Cargo", "job_title"),
        ("Country/Region Name", "country"),
        ("País", "country"),
        ("Name", "full_name"),
        ("User Name (Original Name)", "full_name"),
        ("Registration Time", "registered_at"),
        ("Approval Status", "status"),
        ("Time in Session (minutes)", "minutes"),
        ("May we share your details with partners?", "consent"),
        ("Dürfen wir Ihre Daten an Partner weitergeben?", "consent"),
        ("¿Podemos compartir sus datos con socios?", "consent"),
        ("What topics interest you?", None),
        ("", None),
    ],
)
def test_headings(heading: str, field: str | None) -> None:
    assert field_for(heading) == field


def test_first_column_wins_and_questions_are_ignored() -> None:
    header = ["Timestamp", "Email Address", "Your name", "Email", "Why are you coming?"]
    assert map_columns(header) == {0: "registered_at", 1: "email", 2: "full_name"}


def test_normalise() -> None:
    assert normalise_heading("  Correo  Electrónico: ") == "correo electronico"
