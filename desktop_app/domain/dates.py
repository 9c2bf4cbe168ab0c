"""Reading the date styles found in registration and attendance exports."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

# Tried in order. US month-first styles come before day-first ones because Zoom,
# Eventbrite and Google Forms in the team's accounts write month first; a day-first
# date whose day is above 12 still parses through the later formats.
_FORMATS = (
    "%b %d, %Y %H:%M:%S",  # Zoom 2020: Mar 28, 2020 09:07:11
    "%b %d, %Y %I:%M %p",  # Zoom summary: Mar 28, 2020 8:07 AM
    "%b %d, %Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M:%S %p",  # Zoom now: 10/07/2026 01:00:31 PM
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",  # Google Forms: 10/7/2026 13:00:31
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%Y-%m-%d %H:%M:%S%z",  # Eventbrite: 2026-10-07 13:00:31-07:00
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M:%S",  # German spreadsheets: 07.10.2026 13:00
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%B %d, %Y %I:%M %p",
    "%d %b %Y %H:%M",
)
MISSING = {"", "--", "na", "n/a", "null", "none", "-"}
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Zoom's two styles, read by hand: strptime costs ~10 µs a call, and a 100,000-row report
# holds 300,000 dates.
_ZOOM_WORDS = re.compile(
    r"([A-Za-z]{3}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?: ?([AaPp][Mm]))?"
)
_ZOOM_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?: ?([AaPp][Mm]))?"
)


def _hour(hour: int, half: str | None) -> int:
    """24-hour clock from a 12-hour one ('12 AM' is 0, '12 PM' is 12)."""
    if half is None:
        return hour
    return hour % 12 + (12 if half.upper() == "PM" else 0)


def _fast(text: str) -> datetime | None:
    """Zoom's 'Mar 28, 2020 09:07:11' and '10/07/2026 01:00:31 PM', or None."""
    match = _ZOOM_WORDS.fullmatch(text)
    if match and match[1].casefold() in _MONTHS:
        month, day, year = _MONTHS[match[1].casefold()], int(match[2]), int(match[3])
    else:
        match = _ZOOM_US.fullmatch(text)
        if not match:
            return None
        month, day, year = int(match[1]), int(match[2]), int(match[3])
    hour, minute, second = int(match[4]), int(match[5]), int(match[6] or 0)
    if match[7] and not 1 <= hour <= 12:
        return None
    try:
        return datetime(year, month, day, _hour(hour, match[7]), minute, second)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def parse_datetime(text: str) -> datetime | None:
    """A datetime (naive unless the text has an offset), or None if text is empty or '--'.

    Raises ValueError for text that is there but is no date in any known style.
    """
    cleaned = " ".join(text.replace("\u202f", " ").split())
    if cleaned.casefold() in MISSING:
        return None
    fast = _fast(cleaned)
    if fast is not None:
        return fast
    if cleaned.endswith("Z"):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    for style in _FORMATS:
        try:
            return datetime.strptime(cleaned, style)
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date in a style this app knows")
