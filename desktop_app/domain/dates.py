"""Reading the date styles found in registration and attendance exports."""

from __future__ import annotations

from datetime import datetime

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


def parse_datetime(text: str) -> datetime | None:
    """A datetime (naive unless the text has an offset), or None if text is empty or '--'.

    Raises ValueError for text that is there but is no date in any known style.
    """
    cleaned = " ".join(text.replace("\u202f", " ").split())
    if cleaned.casefold() in MISSING:
        return None
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
