"""The printed run-of-show sheet as HTML that Qt's text engine (and any browser) lays out."""

from __future__ import annotations

from html import escape

from desktop_app.domain import timezones
from desktop_app.domain.enums import label
from desktop_app.domain.run_of_show import clocks
from desktop_app.services.run_of_show import RunOfShowSheet

CHECKS = (("confirmed", "confirmed"), ("bio_received", "bio"),
          ("headshot_received", "headshot"), ("tech_check_done", "tech check"),
          ("consents_to_recording", "recording OK"))

# Kept to what QTextDocument understands: tables, borders, padding, widths, font sizes.
STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 4pt 0; }
p.sub { font-size: 10pt; color: #444444; margin: 0 0 6pt 0; }
table { border-collapse: collapse; }
th { background-color: #e8eef5; text-align: left; font-weight: bold; }
td, th { padding: 3pt 5pt; border: 1px solid #9aa5b1; vertical-align: top; }
td.time { white-space: nowrap; font-weight: bold; }
td.pre { color: #555555; }
p.verdict { font-weight: bold; }
p.over { color: #b71c1c; font-weight: bold; }
p.small { font-size: 8pt; color: #555555; }
"""


def e(text: object) -> str:
    """Text from the database, escaped: a name like <b>Ann & Co</b> prints literally."""
    return escape(str(text), quote=True)


def render(sheet: RunOfShowSheet) -> str:
    """The whole sheet: header block, roster, segments with clock times in every zone."""
    session, zones = sheet.session, list(sheet.zones)
    start = session.starts_at
    local = timezones.utc_to_local(start, zones[0])
    starts = " / ".join(timezones.clock(start, zone) for zone in zones)
    links = [(name, value) for name, value in (("Join", session.join_url),
                                               ("Registration", session.registration_url))
             if value]
    header = [
        f"<p class='sub'>{e(sheet.series_title)}</p>",
        f"<h1>{e(session.title)}</h1>",
        f"<p class='sub'>{e(session.subtitle)}</p>" if session.subtitle else "",
        "<table width='100%'>",
        f"<tr><th width='22%'>Date</th><td>{local:%A} {local.day} {local:%B %Y}</td></tr>",
        f"<tr><th>Starts</th><td>{e(starts)}</td></tr>",
        f"<tr><th>Call time</th><td>{e(clocks(sheet.schedule.call_time, zones))}</td></tr>",
        f"<tr><th>Length</th><td>{session.duration_minutes} minutes" + (
            f" + After Hours {session.after_hours_minutes} minutes"
            if session.after_hours_minutes else "") + "</td></tr>",
        f"<tr><th>Platform</th><td>{e(session.platform or '—')}</td></tr>",
        *[f"<tr><th>{e(name)} link</th><td>{e(value)}</td></tr>" for name, value in links],
        "</table>",
    ]
    roster = ["<h2>Speakers and team</h2>", "<table width='100%'>",
              "<thead><tr><th width='3%'>#</th><th width='15%'>Name</th><th width='17%'>Title</th>"
              "<th width='19%'>Organisation</th><th width='10%'>Role</th>"
              "<th width='18%'>Contact on the day</th><th width='18%'>Checklist</th></tr>"
              "</thead>"]
    for number, line in enumerate(sheet.roster, start=1):
        part = line.part
        missing = [text for field, text in CHECKS if not getattr(part, field)]
        checklist = "all done" if not missing else "missing: " + ", ".join(missing)
        contact = " · ".join(c for c in (line.phone, line.email) if c) or "—"
        roster.append(
            f"<tr><td>{number}</td><td>{e(part.speaker_name)}</td><td>{e(part.speaker_title)}"
            f"</td><td>{e(part.speaker_organisation)}</td><td>{e(label(part.role))}</td>"
            f"<td>{e(contact)}</td><td>{e(checklist)}</td></tr>")
    if not sheet.roster:
        roster.append("<tr><td colspan='7'>No speakers yet.</td></tr>")
    roster.append("</table>")
    plan = sheet.schedule
    verdict_class = "verdict" if plan.difference == 0 else "over"
    zone_heads = "".join(f"<th width='10%'>{e(timezones.abbreviation(z, start))}</th>"
                         for z in zones)
    rows = ["<h2>Run of show</h2>",
            f"<p class='{verdict_class}'>{e(plan.verdict())}: {plan.planned_minutes} minutes "
            f"planned for {plan.expected_minutes}.</p>",
            "<table width='100%'>",
            # A header in <thead> is repeated on every page.
            f"<thead><tr>{zone_heads}<th width='5%'>Min</th><th width='18%'>Segment</th>"
            "<th width='13%'>Who</th><th width='11%'>Cue</th><th>Notes</th></tr></thead>"]
    for timed in plan.segments:
        segment = timed.segment
        css = " pre" if segment.before_start else ""
        times = "".join(
            f"<td class='time{css}'>{e(timezones.clock(timed.start, z).split()[0])}–"
            f"{e(timezones.clock(timed.end, z).split()[0])}</td>" for z in zones)
        rows.append(f"<tr>{times}<td>{segment.duration_minutes}</td><td>{e(segment.title)}"
                    f"</td><td>{e(segment.owner)}</td><td>{e(segment.cue)}</td>"
                    f"<td>{e(segment.notes)}</td></tr>")
    rows.append("</table>")
    printed = sheet.printed_at.astimezone()
    footer = [f"<p class='small'>Printed {printed:%a %d %b %Y %H:%M} (this computer's time)"
              + (" · default run of show, not yet edited" if sheet.is_default else "")
              + " · Webinar Desk</p>"]
    body = "\n".join(header + roster + rows + footer)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(session.title)} — "
            f"run of show</title><style>{STYLE}</style></head><body>{body}</body></html>")
