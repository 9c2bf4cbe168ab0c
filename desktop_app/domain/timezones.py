"""Time zone arithmetic: local wall time in a series' zone to UTC and back, and labels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Short generic names people use in invitations ("10:00 PT / 13:00 ET"); zones not
# listed fall back to the abbreviation zoneinfo gives for that instant (e.g. CET/CEST).
_GENERIC_ABBREVIATIONS = {
    "America/Los_Angeles": "PT",
    "America/Vancouver": "PT",
    "America/Tijuana": "PT",
    "America/Denver": "MT",
    "America/Phoenix": "MST",
    "America/Edmonton": "MT",
    "America/Chicago": "CT",
    "America/Mexico_City": "CT",
    "America/Winnipeg": "CT",
    "America/New_York": "ET",
    "America/Toronto": "ET",
    "America/Detroit": "ET",
    "America/Halifax": "AT",
    "Pacific/Honolulu": "HT",
    "America/Anchorage": "AKT",
}


class UnknownTimeZone(ValueError):
    """A name that is not an IANA time zone."""


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name, or UnknownTimeZone with a helpful message."""
    cleaned = name.strip()
    if not cleaned or cleaned.startswith(("/", ".")) or ".." in cleaned:
        raise UnknownTimeZone(
            f"'{name}' is not a time zone; use an IANA name such as America/Los_Angeles"
        )
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownTimeZone(
            f"'{name}' is not a time zone; use an IANA name such as America/Los_Angeles"
        ) from None


def is_zone(name: str) -> bool:
    """True if name is an IANA time zone known here."""
    try:
        zone(name)
    except UnknownTimeZone:
        return False
    return True


def common_zones() -> list[str]:
    """All IANA zone names known here, sorted, for pickers."""
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def local_to_utc(local: datetime, zone_name: str) -> datetime:
    """A naive wall-clock time in zone_name as an aware UTC datetime.

    Wall times that do not exist (the hour skipped in spring) or happen twice (the hour
    repeated in autumn) are resolved by PEP 495's fold=0: the earlier offset.
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    return local.replace(tzinfo=zone(zone_name)).astimezone(UTC)


def utc_to_local(moment: datetime, zone_name: str) -> datetime:
    """An aware (or naive UTC) datetime as an aware datetime in zone_name."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(zone_name))


def abbreviation(zone_name: str, moment: datetime) -> str:
    """Short label of a zone at a moment: 'PT' for Los Angeles, else e.g. 'CEST'."""
    generic = _GENERIC_ABBREVIATIONS.get(zone_name)
    if generic:
        return generic
    name = utc_to_local(moment, zone_name).tzname() or zone_name
    # zoneinfo gives "+03" for zones without a letter abbreviation; say UTC+03 instead.
    return f"UTC{name}" if name[:1] in "+-" else name


def clock(moment: datetime, zone_name: str) -> str:
    """'10:00 PT' for a moment shown in a zone (24-hour clock)."""
    local = utc_to_local(moment, zone_name)
    return f"{local:%H:%M} {abbreviation(zone_name, moment)}"


def format_start(moment: datetime, home_zone: str, display_zones: list[str]) -> str:
    """'Wed 18 Aug 2021 · 10:00 PT / 13:00 ET': the date in the home zone, the clock in all."""
    local = utc_to_local(moment, home_zone)
    zones = [home_zone, *[z for z in display_zones if z != home_zone]]
    clocks = " / ".join(clock(moment, z) for z in zones)
    return f"{local:%a} {local.day} {local:%b %Y} · {clocks}"


def end_of(start: datetime, minutes: int) -> datetime:
    """The instant a span of minutes ends (absolute time, so right across DST changes)."""
    return start + timedelta(minutes=minutes)
