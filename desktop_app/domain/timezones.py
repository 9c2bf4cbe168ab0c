"""Time zone arithmetic: local wall time in a series' zone to UTC and back, and labels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from desktop_app.domain.errors import UserError

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
    """A recorded naive wall-clock time in zone_name (a report's join time) as aware UTC.

    Lenient, for times a machine wrote: wall times that do not exist (the hour skipped in
    spring) or happen twice (the hour repeated in autumn) are resolved by PEP 495's fold=0,
    the earlier offset. Times a person types go through wall_time_to_utc, which asks.
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    return local.replace(tzinfo=zone(zone_name)).astimezone(UTC)


class NonexistentLocalTime(UserError):
    """A wall time the clocks skip (02:30 on the night they go forward)."""

    def __init__(self, local: datetime, zone_name: str, jump_from: datetime, jump_to: datetime):
        self.local, self.zone_name = local, zone_name
        super().__init__(
            f"{local:%H:%M} on {day_label(local.date())} does not exist in {zone_name}: the "
            f"clocks go forward from {jump_from:%H:%M} to {jump_to:%H:%M} that night; choose "
            f"a time before {jump_from:%H:%M} or from {jump_to:%H:%M}"
        )


class AmbiguousLocalTime(UserError):
    """A wall time that happens twice (clocks go back); carries both readings to choose from."""

    def __init__(self, local: datetime, zone_name: str, earlier: datetime, later: datetime):
        self.local, self.zone_name = local, zone_name
        self.earlier, self.later = earlier, later  # aware UTC: fold=0 and fold=1
        first, second = (
            f"{local:%H:%M} {offset_label(moment, zone_name)}" for moment in (earlier, later)
        )
        super().__init__(
            f"{local:%H:%M} on {day_label(local.date())} happens twice in {zone_name} "
            f"(the clocks go back that night): choose the first, {first}, or the second, "
            f"{second}"
        )

    @property
    def readings(self) -> tuple[datetime, datetime]:
        """The two instants the wall time can mean, first then second (fold 0, fold 1)."""
        return self.earlier, self.later


def wall_time_to_utc(local: datetime, zone_name: str, fold: int | None = None) -> datetime:
    """A wall time a person typed in zone_name as aware UTC, refusing what is not one instant.

    A time the clocks skip raises NonexistentLocalTime; a time that happens twice raises
    AmbiguousLocalTime unless fold says which (0 the first, 1 the second).
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    where = zone(zone_name)
    first = local.replace(tzinfo=where, fold=0)
    second = local.replace(tzinfo=where, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    back = first.astimezone(UTC).astimezone(where).replace(tzinfo=None, fold=0)
    if back != local.replace(fold=0):
        raise NonexistentLocalTime(local, zone_name, *_gap(local, where))
    if fold is None:
        raise AmbiguousLocalTime(local, zone_name, first.astimezone(UTC), second.astimezone(UTC))
    return (second if fold else first).astimezone(UTC)


def _gap(local: datetime, where: ZoneInfo) -> tuple[datetime, datetime]:
    """The wall times the clocks jump from and to around a skipped local time."""
    before = local.replace(tzinfo=where, fold=0).utcoffset() or timedelta(0)
    after = local.replace(tzinfo=where, fold=1).utcoffset() or timedelta(0)
    # fold=1 reads a skipped time with the offset after the jump, which puts the instant
    # before the change; step a minute at a time to the change (a jump lasts hours at most).
    moment = local.replace(tzinfo=where, fold=1).astimezone(UTC).replace(second=0)
    for _ in range(24 * 60):
        if moment.astimezone(where).utcoffset() == after:
            break
        moment += timedelta(minutes=1)
    return (moment + before).replace(tzinfo=None), (moment + after).replace(tzinfo=None)


def offset_label(moment: datetime, zone_name: str) -> str:
    """'EDT (UTC−04:00)': the zone's abbreviation and offset at a moment."""
    local = utc_to_local(moment, zone_name)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    name = local.tzname() or zone_name
    text = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text if name[:1] in "+-" else f"{name} ({text})"


def day_label(day: date) -> str:
    """'Sun 8 Mar 2026': a date as the app writes it."""
    return f"{day:%a} {day.day} {day:%b %Y}"


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


def home_date(moment: datetime, home_zone: str) -> date:
    """The date in the home zone at a moment: the day other zones' clocks are compared with."""
    return utc_to_local(moment, home_zone).date()


def day_mark(moment: datetime, zone_name: str, reference: date | None) -> str:
    """'Sat' when the date in zone_name at a moment is not the reference date, else ''."""
    if reference is None:
        return ""
    local = utc_to_local(moment, zone_name)
    return "" if local.date() == reference else f"{local:%a}"


def clock(
    moment: datetime, zone_name: str, reference: date | None = None, *, label: bool = True
) -> str:
    """'21:30 ET', or 'Sat 21:30 ET' when that zone's date is not the reference (home) date.

    The one way the app writes a time in a zone (24-hour clock). reference is the date the
    reader has in mind, normally home_date() of the session's start; label=False leaves off
    the zone's name in a column headed by it.
    """
    local = utc_to_local(moment, zone_name)
    mark = day_mark(moment, zone_name, reference)
    text = f"{mark} {local:%H:%M}" if mark else f"{local:%H:%M}"
    return f"{text} {abbreviation(zone_name, moment)}" if label else text


def span(start: datetime, end: datetime, zone_name: str, reference: date | None = None) -> str:
    """'09:30–09:55', 'Sat 21:30–21:55' or '23:50–Sun 00:15' in a zone's column."""
    first = clock(start, zone_name, reference, label=False)
    if day_mark(end, zone_name, reference) == day_mark(start, zone_name, reference):
        return f"{first}–{utc_to_local(end, zone_name):%H:%M}"
    return f"{first}–{clock(end, zone_name, reference, label=False)}"


def clocks(moment: datetime, zones: list[str] | tuple[str, ...]) -> str:
    """'02:30 BST / Sat 21:30 ET': a moment in several zones, the first being home."""
    ordered = list(dict.fromkeys(zones))
    if not ordered:
        return ""
    reference = home_date(moment, ordered[0])
    return " / ".join(clock(moment, z, reference) for z in ordered)


def format_start(moment: datetime, home_zone: str, display_zones: list[str]) -> str:
    """'Sun 29 Mar 2026 · 02:30 BST / Sat 21:30 ET': the home zone's date, the clock in all."""
    local = utc_to_local(moment, home_zone)
    return f"{day_label(local.date())} · {clocks(moment, [home_zone, *display_zones])}"


def end_of(start: datetime, minutes: int) -> datetime:
    """The instant a span of minutes ends (absolute time, so right across DST changes)."""
    return start + timedelta(minutes=minutes)
