"""A registrant's own time zone, when their country (or city) names exactly one."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from functools import cache, lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

# Country names as registration forms write them that the ISO list spells otherwise.
_ALIASES = {
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "south korea": "KR",
    "korea": "KR",
    "republic of korea": "KR",
    "russia": "RU",
    "czech republic": "CZ",
    "czechia": "CZ",
    "vietnam": "VN",
    "viet nam": "VN",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "the netherlands": "NL",
    "holland": "NL",
    "deutschland": "DE",
    "españa": "ES",
    "méxico": "MX",
    "brasil": "BR",
    "perú": "PE",
    "türkiye": "TR",
    "turkey": "TR",
}


def _key(text: str) -> str:
    """Text compared without case, accents or extra spaces."""
    folded = unicodedata.normalize("NFKD", text.strip().casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def _table(name: str) -> list[list[str]]:
    """The rows of one of the zone database's .tab files shipped with tzdata."""
    text = resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _countries() -> dict[str, str]:
    """Country name or code (as keys) -> ISO code."""
    names = {_key(code): code for code, _ in _table("iso3166.tab")}
    names.update({_key(name): code for code, name in _table("iso3166.tab")})
    names.update({_key(alias): code for alias, code in _ALIASES.items()})
    return names


@cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    """ISO code -> the zones of that country, in the database's order."""
    found: dict[str, list[str]] = {}
    for row in _table("zone.tab"):
        found.setdefault(row[0], []).append(row[2])
    return {code: tuple(zones) for code, zones in found.items()}


def _city(zone: str) -> str:
    """'America/New_York' -> 'new york'."""
    return _key(zone.rsplit("/", 1)[-1].replace("_", " "))


@cache
def _zones_by_city() -> dict[str, str]:
    """City key -> zone, for cities that name exactly one zone."""
    seen: dict[str, set[str]] = {}
    for zones in _zones_by_country().values():
        for zone in zones:
            seen.setdefault(_city(zone), set()).add(zone)
    return {city: zones.pop() for city, zones in seen.items() if len(zones) == 1}


@lru_cache(maxsize=4096)
def zone_of(country: str, city: str = "") -> str | None:
    """The IANA zone of a person in this country and city, or None when it is not clear.

    A city that gives one of the country's zones its name decides (Chicago, Toronto);
    else a country whose zones all keep one clock names it; a city alone is used when no
    country is given.
    """
    city_key = _key(city)
    code = _countries().get(_key(country)) if country.strip() else None
    if code is None:
        return _zones_by_city().get(city_key) if city_key and not country.strip() else None
    zones = _zones_by_country().get(code, ())
    matching = [z for z in zones if _city(z) == city_key]
    if len(matching) == 1:
        return matching[0]
    return _single_clock(code)


@cache
def _single_clock(code: str) -> str | None:
    """A country's first zone if all its zones keep the same clock (Germany's Busingen
    is Berlin's time), else None (the United States, Spain with the Canaries)."""
    zones = _zones_by_country().get(code, ())
    if not zones:
        return None
    year = datetime.now(UTC).year
    moments = [datetime(year, month, 15, 12, tzinfo=UTC) for month in (1, 4, 7, 10)]

    def clock(name: str) -> tuple[object, ...]:
        return tuple(moment.astimezone(ZoneInfo(name)).utcoffset() for moment in moments)

    first = clock(zones[0])
    return zones[0] if all(clock(z) == first for z in zones[1:]) else None
