"""Email normalisation and checking, and splitting full names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.people import clean_text, is_email, normalise_email, split_full_name


def test_emails_are_trimmed_and_case_folded() -> None:
    assert normalise_email("  Ana.Garcia@City.GOV \t") == "ana.garcia@city.gov"
    assert normalise_email("STRASSE@Example.org") == normalise_email("strasse@example.org")


@pytest.mark.parametrize(
    "good",
    ["a@b.co", "first.last+tag@sub.example.org", "o'connor@example.ie", "josé@correo.example"],
)
def test_real_addresses_pass(good: str) -> None:
    assert is_email(good)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "plain",
        "a@b",
        "a@@b.com",
        "a b@c.com",
        "a@b.c",
        '=HYPERLINK("x")',
        "a@b..com",
        "<a@b.com>",
    ],
)
def test_typos_fail(bad: str) -> None:
    assert not is_email(bad)


@given(st.text())
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalise_email(raw)
    assert normalise_email(once) == once


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Ana María de la Cruz", ("Ana María", "de la Cruz")),
        ("Ludwig van Beethoven", ("Ludwig", "van Beethoven")),
        ("Cruz, Ana", ("Ana", "Cruz")),
        ("Cher", ("Cher", "")),
        ("  David L.   Wilson II ", ("David L. Wilson", "II")),
        ("", ("", "")),
    ],
)
def test_full_names_split_sensibly(full: str, expected: tuple[str, str]) -> None:
    assert split_full_name(full) == expected


def test_clean_text_collapses_white_space_and_keeps_accents() -> None:
    assert clean_text("  Diné \n Community  ") == "Diné Community"
    assert clean_text(None) == ""
