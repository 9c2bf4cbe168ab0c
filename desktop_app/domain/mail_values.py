"""The values of the placeholders for one recipient, and a mail's text as simple HTML."""

from __future__ import annotations

import html
import re
from datetime import datetime
from functools import lru_cache

from desktop_app.domain import timezones
from desktop_app.domain.enums import label
from desktop_app.domain.mail_kinds import MailAddress, Recipient
from desktop_app.domain.session_facts import SessionFacts


@lru_cache(maxsize=1024)
def start_in_zone(moment: datetime, zone: str) -> str:
    """'Wed 4 Aug 2021, 19:00 CEST': date and clock in one zone."""
    local = timezones.utc_to_local(moment, zone)
    return f"{local:%a} {local.day} {local:%b %Y}, {timezones.clock(moment, zone)}"


def _duration(minutes: int) -> str:
    """'60 minutes', '1 minute'."""
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def session_values(facts: SessionFacts, sender: MailAddress) -> dict[str, str]:
    """The placeholders that are the same for every recipient of a session."""
    after = ""
    if facts.after_hours is not None:
        host = f", hosted by {facts.after_hours_host_name}" if facts.after_hours_host_name else ""
        after = (
            f"After Hours follows for {facts.after_hours_minutes} minutes{host}: an informal "
            "conversation, not recorded."
        )
    return {
        "series_title": facts.series_title,
        "organiser": facts.organiser,
        "session_title": facts.title,
        "session_subtitle": facts.subtitle,
        "session_description": facts.description,
        "start_home": start_in_zone(facts.start, facts.home_zone),
        "start_all_zones": facts.label(),
        "duration": _duration(facts.duration_minutes),
        "join_link": facts.join_url,
        "registration_link": facts.registration_url,
        "recording_link": facts.recording_url,
        "speakers": ", ".join(facts.speaker_names),
        "tech_check": facts.label(facts.tech_check[0]) if facts.tech_check else "",
        "after_hours": after,
        "sender_name": sender.name,
        "sender_email": sender.email,
    }


def recipient_values(
    shared: dict[str, str], facts: SessionFacts, recipient: Recipient
) -> dict[str, str]:
    """Every placeholder's value for one recipient (shared: from session_values)."""
    values = dict(shared)
    values["first_name"] = recipient.first_name
    values["last_name"] = recipient.last_name
    values["full_name"] = recipient.full_name
    values["email"] = recipient.email
    values["organisation"] = recipient.organisation
    values["role"] = label(recipient.role).lower() if recipient.role else ""
    values["start_in_your_zone"] = (
        start_in_zone(facts.start, recipient.zone) if recipient.zone else shared["start_all_zones"]
    )
    return values


_LINK = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_STYLE = (
    "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 15px; "
    "line-height: 1.45; color: #1f2328"
)


def _link(match: re.Match[str]) -> str:
    """An escaped URL as a link (the match is already escaped text)."""
    url = match.group(0)
    return f'<a href="{url}">{url}</a>'


def text_to_html(text: str) -> str:
    """The plain text as an HTML document: paragraphs, line breaks and live links."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    body = "\n".join(
        "<p>"
        + _LINK.sub(_link, html.escape(p.strip(), quote=True)).replace("\n", "<br>\n")
        + "</p>"
        for p in paragraphs
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        f'<body style="{_STYLE}">\n{body}\n</body></html>\n'
    )
