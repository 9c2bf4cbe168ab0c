"""How long the texts a file brings in may be: the widths of the database's columns.

SQLite stores any length and PostgreSQL refuses what does not fit, so the app applies the
same limits itself, on every engine (tests/integration/test_limits.py keeps them equal to
the models').
"""

from __future__ import annotations

PERSON_TEXT = {
    "first_name": 200,
    "last_name": 200,
    "organisation": 300,
    "job_title": 300,
    "city": 200,
    "country": 200,
    "sector": 200,
}
SOURCE = 200  # where a registration or consent answer came from (file names are longer)


def fit(text: str, limit: int) -> str:
    """text, shortened with an ellipsis when longer than limit characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def overlong(values: dict[str, str]) -> dict[str, str]:
    """{field: 'is 340 characters long (at most 300 fit)'} for each value that does not fit."""
    return {
        name: f"is {len(values[name]):,} characters long (at most {limit:,} fit)"
        for name, limit in PERSON_TEXT.items()
        if len(values.get(name, "")) > limit
    }
