"""Reading the date styles that registration and attendance exports write, one value at a time.

A value is scanned once into either a datetime or, for numeric dates such as 05/06/2026,
the two readings it allows; date_columns.py decides a column's order from all its values.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from functools import lru_cache

MONTH_FIRST = "month-first"
DAY_FIRST = "day-first"
DATE_ORDERS = (MONTH_FIRST, DAY_FIRST)
FIRST_YEAR, LAST_YEAR = 1900, 2199  # beyond these a value is a typo, and would overflow
MISSING = frozenset({"", "--", "na", "n/a", "null", "none", "-"})

# A numeric date whose order the column decides: (first, second, year, hour, minute,
# second, microsecond, offset in minutes or None).
Ambiguous = tuple[int, int, int, int, int, int, int, int | None]


class DateError(ValueError):
    """Text that is there but cannot be read as a date; reason says why, without the text."""

    def __init__(self, text: str, reason: str) -> None:
        """An error for text, saying reason."""
        super().__init__(f"'{text}' {reason}")
        self.reason = reason


_MONTH_NAMES = {
    1: "january enero janvier januar janner janeiro",
    2: "february febrero fevrier februar feber fevereiro",
    3: "march marzo mars marz marco",
    4: "april abril avril",
    5: "may mayo mai maio",
    6: "june junio juin juni junho",
    7: "july julio juillet juli julho",
    8: "august agosto aout",
    9: "september septiembre setiembre septembre setembro",
    10: "october octubre octobre oktober outubro",
    11: "november noviembre novembre novembro",
    12: "december diciembre decembre dezember dezembro",
}


def _month_prefixes() -> dict[str, int]:
    """Every prefix of 3+ letters of a month name that names one month only ('sept', 'mär')."""
    found: dict[str, set[int]] = {}
    for number, names in _MONTH_NAMES.items():
        for name in names.split():
            for end in range(3, len(name) + 1):
                found.setdefault(name[:end], set()).add(number)
    prefixes = {prefix: min(numbers) for prefix, numbers in found.items() if len(numbers) == 1}
    prefixes["mrz"] = 3  # German abbreviation of März
    return prefixes


_MONTHS = _month_prefixes()
_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "lunes", "martes",
    "miercoles", "jueves", "viernes", "sabado", "domingo", "lun", "mar", "mie", "jue", "vie",
    "sab", "dom", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "mer", "jeu", "ven", "sam", "dim", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    "segunda-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira", "seg",
    "ter", "qua", "qui", "sex",
})  # fmt: skip
# Zone abbreviations exports write that name one offset only (IST, AST... are ambiguous).
_ZONES = {
    "z": 0, "gmt": 0, "utc": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "msk": 180, "jst": 540, "aest": 600, "aedt": 660, "nzst": 720,
    "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
    "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
}  # fmt: skip

_CLOCK = (
    r"(?:(?:,\s*|\s+|t)(?:(?:at|a|as|a\s+las|a\s+la|um|kl\.?)\s+)?"
    r"(?P<h>\d{1,2})(?:(?:[:.]|h\s?)(?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    r"(?:\s*(?P<half>[ap])\.?\s?m\.?)?(?P<mark>\s*(?:uhr|hrs|h))?"
    r"(?:\s*(?P<zone>z|(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?"
    r"|[a-z]{3,4}))?)?"
)
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})" + _CLOCK)
_NAMED_MONTH_FIRST = re.compile(
    r"(?P<mon>[a-z]{3,}\.?)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<y>\d{4}|\d{2})" + _CLOCK
)
_NAMED_DAY_FIRST = re.compile(
    r"(?P<d>\d{1,2})(?:er|o|st|nd|rd|th|\.)?[\s\-/]*(?:de\s+)?(?P<mon>[a-z]{3,}\.?)"
    r"[\s\-/,]*(?:de\s+|del\s+)?(?P<y>\d{4}|\d{2})" + _CLOCK
)
_WEEKDAY = re.compile(r"([a-z]+(?:-feira)?)\.?,?\s+")
_SERIAL = re.compile(r"\d{4,6}(?:\.\d+)?")
_OFFSET = re.compile(r"(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?")
_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)


def scan(text: str) -> datetime | Ambiguous | None:
    """One value: None when empty or '--', a datetime when the text fixes the date (naive
    unless it states an offset), or an Ambiguous numeric date; DateError otherwise."""
    cleaned = " ".join(text.split())
    key = cleaned.casefold()
    if key in MISSING:
        return None
    if len(key) >= 10 and key[4] == "-" and key[:4].isdigit():
        try:  # ISO 8601, the commonest and fastest case
            moment = datetime.fromisoformat(cleaned[:-1] + "+00:00" if key[-1] == "z" else cleaned)
        except ValueError:
            pass
        else:
            return _plausible(text, moment)
    if _SERIAL.fullmatch(key):
        return _serial(text, float(key))
    if not key.isascii():
        decomposed = unicodedata.normalize("NFKD", key)
        key = "".join(c for c in decomposed if not unicodedata.combining(c))
    found = _scan_words(text, key)
    if found is None:
        weekday = _WEEKDAY.match(key)
        if weekday and weekday[1] in _WEEKDAYS:  # 'Wednesday, October 7, 2026'
            found = _scan_words(text, key[weekday.end() :])
    if found is None:
        raise DateError(text, "is not a date in a style this app knows")
    return found


def _scan_words(text: str, key: str) -> datetime | Ambiguous | None:
    """A date read from casefolded, accent-free text, or None if no style fits."""
    match = _NUMERIC.fullmatch(key)
    if match:
        a, b, c = match["a"], match["b"], match["c"]
        if len(a) == 4 and len(c) <= 2:  # 2026/08/01, 2026.08.01
            return _build(text, match, int(a), int(b), int(c))
        if len(a) > 2 or len(c) not in (2, 4):
            return None
        year = _year(c)
        if match["sep"] == ".":  # 07.10.2026: dotted dates are always day first
            return _build(text, match, year, int(b), int(a))
        return _ambiguous(text, match, int(a), int(b), year)
    for pattern in (_NAMED_MONTH_FIRST, _NAMED_DAY_FIRST):
        match = pattern.fullmatch(key)
        if match:
            month = _MONTHS.get(match["mon"].rstrip("."))
            if month is not None:
                return _build(text, match, _year(match["y"]), month, int(match["d"]))
    return None


def _year(digits: str) -> int:
    """Two-digit years as strptime reads them: 69-99 are 1900s, 00-68 are 2000s."""
    year = int(digits)
    if len(digits) == 2:
        return year + (1900 if year >= 69 else 2000)
    return year


def _clock(text: str, match: re.Match[str]) -> tuple[int, int, int, int, int | None]:
    """(hour, minute, second, microsecond, offset minutes or None) from the clock groups."""
    if match["h"] is None:
        if match["zone"] is not None:
            raise DateError(text, "is not a date in a style this app knows")
        return 0, 0, 0, 0, None
    hour = int(match["h"])
    half = match["half"]
    if match["mi"] is None and half is None and match["mark"] is None:
        raise DateError(text, "has an hour without minutes")
    if half is not None:
        if not 1 <= hour <= 12:
            raise DateError(text, f"has hour {hour} on a 12-hour clock")
        hour = hour % 12 + (12 if half == "p" else 0)
    fraction = (match["f"] or "")[:6].ljust(6, "0")
    offset = _offset(text, match["zone"]) if match["zone"] else None
    return hour, int(match["mi"] or 0), int(match["s"] or 0), int(fraction), offset


def _offset(text: str, zone: str) -> int:
    """Minutes east of UTC for 'GMT-7', 'UTC+5:30', '+02:00', 'Z' or 'CEST'."""
    if zone in _ZONES:
        return _ZONES[zone]
    match = _OFFSET.fullmatch(zone)
    if match is None:
        raise DateError(text, f"names a time zone ('{zone.upper()}') this app does not know")
    minutes = int(match[2]) * 60 + int(match[3] or 0)
    if minutes > 14 * 60 or int(match[3] or 0) >= 60:
        raise DateError(text, "has an offset from UTC that no place uses")
    return -minutes if match[1] == "-" else minutes


def _ambiguous(text: str, match: re.Match[str], first: int, second: int, year: int) -> Ambiguous:
    """A numeric date whose order is left to its column."""
    if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
        raise DateError(text, "is not a date")
    hour, minute, sec, micro, offset = _clock(text, match)
    return first, second, year, hour, minute, sec, micro, offset


def _build(text: str, match: re.Match[str], year: int, month: int, day: int) -> datetime:
    """The datetime of a fully determined date and its clock."""
    hour, minute, sec, micro, offset = _clock(text, match)
    return _make(text, year, month, day, hour, minute, sec, micro, offset)


def _make(
    text: str,
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    sec: int,
    micro: int,
    offset: int | None,
) -> datetime:
    """A datetime, or DateError when the parts make none (31/31/26, 25:00)."""
    try:
        moment = datetime(year, month, day, hour, minute, sec, micro, _zone(offset))
    except ValueError:
        raise DateError(text, "is not a date") from None
    return _plausible(text, moment)


@lru_cache(maxsize=64)
def _zone(offset: int | None) -> timezone | None:
    """A fixed-offset zone, made once per offset."""
    return None if offset is None else timezone(timedelta(minutes=offset))


def _plausible(text: str, moment: datetime) -> datetime:
    """The moment, unless its year is one no export means (and UTC arithmetic overflows)."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError(text, f"is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return moment


def _serial(text: str, days: float) -> datetime:
    """An Excel serial day number (46302.5 is 2026-10-07 12:00)."""
    if not 10000 <= days < 109575:  # 1927 to 2199: smaller numbers are not dates
        raise DateError(text, "is a number, not a date")
    return _EXCEL_EPOCH + timedelta(seconds=round(days * 86400))


def resolve(text: str, found: Ambiguous, order: str) -> datetime:
    """An Ambiguous date read in the given order; DateError if that reading is no date."""
    first, second, year, hour, minute, sec, micro, offset = found
    month, day = (first, second) if order == MONTH_FIRST else (second, first)
    if month > 12:
        raise DateError(text, f"is not a date when read {order}")
    return _make(text, year, month, day, hour, minute, sec, micro, offset)


@lru_cache(maxsize=8192)
def parse_datetime(text: str, order: str = MONTH_FIRST) -> datetime | None:
    """A datetime (naive unless the text has an offset), or None if text is empty or '--'.

    A numeric date such as 05/06/2026 is read in the given order, unless the value
    settles it (25/10/2026). Raises DateError (a ValueError) for text that is there but
    is no date in any known style.
    """
    found = scan(text)
    if found is None or isinstance(found, datetime):
        return found
    if found[0] > 12:
        order = DAY_FIRST
    elif found[1] > 12:
        order = MONTH_FIRST
    return resolve(text, found, order)
