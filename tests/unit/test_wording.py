"""Counted nouns and indefinite articles read as English."""

from __future__ import annotations

import pytest

from desktop_app.domain.wording import article, plural, with_article


@pytest.mark.parametrize(
    ("count", "word", "expected"),
    [
        (0, "session", "0 sessions"),
        (1, "session", "1 session"),
        (2, "session", "2 sessions"),
        (1234, "registrant", "1,234 registrants"),
        (2, "series", "2 series"),
        (3, "person", "3 people"),
        (2, "speech", "2 speeches"),
    ],
)
def test_plural(count: int, word: str, expected: str) -> None:
    many = "speeches" if word == "speech" else None
    assert plural(count, word, many) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("8-minute gap", "an"),
        ("5-minute gap", "a"),
        ("11-minute gap", "an"),
        ("18-minute gap", "an"),
        ("80-minute gap", "an"),
        ("1-minute gap", "a"),
        ("110-minute gap", "a"),
        ("800-minute gap", "an"),
        ("11,000 people", "an"),
        ("hour", "an"),
        ("export", "an"),
        ("user", "a"),
        ("one-off", "a"),
        ("session", "a"),
    ],
)
def test_article(phrase: str, expected: str) -> None:
    assert article(phrase) == expected
    assert with_article(phrase) == f"{expected} {phrase}"
