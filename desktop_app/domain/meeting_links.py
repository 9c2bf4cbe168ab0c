"""What a join link tells about a meeting: its ID and passcode, for the producer's sheet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

_ZOOM_HOSTS = ("zoom.us", "zoomgov.com")
_ZOOM_PATH = re.compile(r"/(?:j|w|s|wc/join|wc)/(\d{9,12})\b")
_TEAMS_PATH = re.compile(r"/meet/(\d{9,15})\b")
_MEET_CODE = re.compile(r"/([a-z]{3}-[a-z]{4}-[a-z]{3})\b")


@dataclass(frozen=True)
class MeetingDetails:
    """The ID and passcode to give a speaker who cannot use the link."""

    meeting_id: str  # spaced as the platform shows it, e.g. "850 1234 5678"; "" unknown
    passcode: str  # "" when none is known
    passcode_in_link: bool  # the link carries it (Zoom's pwd=): joining by link needs none

    @property
    def passcode_text(self) -> str:
        """What the sheet prints for the passcode."""
        if self.passcode:
            return self.passcode
        return "in the link (join with the link)" if self.passcode_in_link else ""


def meeting_details(join_url: str, meeting_id: str = "", passcode: str = "") -> MeetingDetails:
    """The session's own ID and passcode where given, else what its join link carries."""
    parts = urlparse(join_url.strip())
    host = (parts.hostname or "").casefold()
    query = parse_qs(parts.query)
    found_id, found_code, in_link = "", "", False
    if host.endswith(_ZOOM_HOSTS):
        match = _ZOOM_PATH.search(parts.path)
        found_id = zoom_spacing(match.group(1)) if match else ""
        in_link = bool(query.get("pwd"))
    elif host.endswith("teams.microsoft.com") or host.endswith("teams.live.com"):
        match = _TEAMS_PATH.search(parts.path)
        found_id = _groups(match.group(1), 3) if match else ""
        found_code = query.get("p", [""])[0]  # Teams' short links carry the passcode itself
    elif host == "meet.google.com":
        match = _MEET_CODE.search(parts.path)
        found_id = match.group(1) if match else ""
    return MeetingDetails(
        meeting_id.strip() or found_id,
        passcode.strip() or found_code,
        in_link and not passcode.strip(),
    )


def zoom_spacing(digits: str) -> str:
    """Zoom's way of writing an ID: '123 456 789', '123 456 7890', '123 4567 8901'."""
    if len(digits) == 11:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return _groups(digits, 3)


def _groups(digits: str, size: int) -> str:
    """Digits in groups of size from the left: '123 456 789 0'."""
    return " ".join(digits[n : n + size] for n in range(0, len(digits), size))
