"""A registrant's own zone from their country, or their city where the country has several."""

from __future__ import annotations

import pytest

from desktop_app.domain.recipient_zone import zone_of


@pytest.mark.parametrize(
    ("country", "city", "zone"),
    [
        ("Germany", "", "Europe/Berlin"),
        ("DE", "Hamburg", "Europe/Berlin"),
        ("Deutschland", "", "Europe/Berlin"),
        ("nigeria", "Lagos", "Africa/Lagos"),
        ("Côte d'Ivoire", "", "Africa/Abidjan"),
        ("United States", "Chicago", "America/Chicago"),
        ("USA", "new york", "America/New_York"),
        ("United States", "Springfield", None),
        ("United States", "", None),
        ("Brazil", "São Paulo", "America/Sao_Paulo"),
        ("", "Berlin", "Europe/Berlin"),
        ("", "", None),
        ("Atlantis", "", None),
    ],
)
def test_zone_of(country: str, city: str, zone: str | None) -> None:
    assert zone_of(country, city) == zone
