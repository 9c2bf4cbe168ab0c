"""The printed run-of-show sheet as HTML that Qt's text engine (and any browser) lays out."""

from __future__ import annotations

from html import escape

from desktop_app.domain import timezones
from desktop_app.domain.enums import label
from desktop_app.domain.run_of_show import clocks
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet

CHECKS = (
    ("confirmed", "confirmed"),
    ("bio_received", "bio"),
    ("headshot_received", "headshot"),
    ("tech_check_done", "tech check"),
    ("consents_to_recording", "recording OK"),
)

# Kept to what QTextDocument understands: tables, borders, padding, widths, font sizes.
STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 4pt 0; }
p.sub { font-size: 10pt; color: #444444; margin: 0 0 6pt 0; }
table { border-collapse: collapse; }
th, td.head { background-color: #e8eef5; text-align: left; font-weight: bold; }
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


def _row(
    widths: list[str], cells: list[str], head: bool = False, css: list[str] | None = None
) -> str:
    """One row as its own table, so the printer can keep it whole on one page."""
    tag = "td"  # a <th> does not keep its width in Qt's layout; headings are styled cells
    classes = css or (["head"] * len(cells) if head else [])
    parts = [
        f"<{tag} width='{width}'"
        + (f" class='{classes[n]}'" if n < len(classes) else "")
        + f">{e(text)}</{tag}>"
        for n, (width, text) in enumerate(zip(widths, cells, strict=True))
    ]
    return f"<table width='100%'><tr>{''.join(parts)}</tr></table>"


def render(sheet: RunOfShowSheet) -> str:
    """The whole sheet: header block, roster, segments with clock times in every zone."""
    session, zones = sheet.session, list(sheet.zones)
    start = session.starts_at
    local = timezones.utc_to_local(start, zones[0])
    starts = " / ".join(timezones.clock(start, zone) for zone in zones)
    links = [
        (name, value)
        for name, value in (("Join", session.join_url), ("Registration", session.registration_url))
        if value
    ]
    header = [
        f"<p class='sub'>{e(sheet.series_title)}</p>",
        f"<h1>{e(session.title)}</h1>",
        f"<p class='sub'>{e(session.subtitle)}</p>" if session.subtitle else "",
        "<table width='100%'>",
        f"<tr><th width='22%'>Date</th><td>{local:%A} {local.day} {local:%B %Y}</td></tr>",
        f"<tr><th>Starts</th><td>{e(starts)}</td></tr>",
        f"<tr><th>Call time</th><td>{e(clocks(sheet.schedule.call_time, zones))}</td></tr>",
        f"<tr><th>Length</th><td>{session.duration_minutes} minutes"
        + (
            f" + After Hours {session.after_hours_minutes} minutes"
            if session.after_hours_minutes
            else ""
        )
        + "</td></tr>",
        f"<tr><th>Platform</th><td>{e(session.platform or '—')}</td></tr>",
        *[f"<tr><th>{e(name)} link</th><td>{e(value)}</td></tr>" for name, value in links],
        "</table>",
    ]
    widths = ["3%", "15%", "17%", "19%", "10%", "18%", "18%"]
    roster = [
        "<h2>Speakers and team</h2>",
        _row(
            widths,
            ["#", "Name", "Title", "Organisation", "Role", "Contact on the day", "Checklist"],
            head=True,
        ),
    ]
    for number, line in enumerate(sheet.roster, start=1):
        part = line.part
        missing = [text for field, text in CHECKS if not getattr(part, field)]
        checklist = "all done" if not missing else "missing: " + ", ".join(missing)
        contact = " · ".join(c for c in (line.phone, line.email) if c) or "—"
        roster.append(
            _row(
                widths,
                [
                    str(number),
                    part.speaker_name,
                    part.speaker_title,
                    part.speaker_organisation,
                    label(part.role),
                    contact,
                    checklist,
                ],
            )
        )
    if not sheet.roster:
        roster.append("<p>No speakers yet.</p>")
    plan = sheet.schedule
    verdict_class = "verdict" if plan.difference == 0 else "over"
    # Time columns wide enough for "09:30–09:55" in bold, so every row's table agrees.
    zone_widths = ["13%"] * len(zones)
    widths = [*zone_widths, "5%", "17%", "12%", "10%", f"{100 - 44 - 13 * len(zones)}%"]
    rows = [
        "<h2>Run of show</h2>",
        f"<p class='{verdict_class}'>{e(plan.verdict())}: {plan.planned_minutes} minutes "
        f"planned for {plan.expected_minutes}.</p>",
        _row(
            widths,
            [
                *(timezones.abbreviation(z, start) for z in zones),
                "Min",
                "Segment",
                "Who",
                "Cue",
                "Notes",
            ],
            head=True,
        ),
    ]
    for timed in plan.segments:
        segment = timed.segment
        times = [
            f"{timezones.clock(timed.start, z).split()[0]}–"
            f"{timezones.clock(timed.end, z).split()[0]}"
            for z in zones
        ]
        css = ["time pre" if segment.before_start else "time"] * len(zones)
        rows.append(
            _row(
                widths,
                [
                    *times,
                    str(segment.duration_minutes),
                    segment.title,
                    segment.owner,
                    segment.cue,
                    segment.notes,
                ],
                css=css,
            )
        )
    # The printed time and page numbers are in each page's footer (ui/printing.py).
    draft = "Default run of show, not yet edited · " if sheet.is_default else ""
    footer = [
        f"<p class='small'>{draft}Webinar Desk · printed "
        f"{sheet.printed_at.astimezone():%a %d %b %Y %H:%M}</p>"
    ]
    body = "\n".join(header + roster + rows + footer)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(session.title)} — "
        f"run of show</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )
