"""The printed run-of-show as a producer's sheet, in HTML that Qt's text engine lays out."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from desktop_app.domain import timezones
from desktop_app.domain.enums import label
from desktop_app.domain.meeting_links import meeting_details
from desktop_app.domain.run_of_show import TimedSegment
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet, who
from desktop_app.domain.wording import plural

CHECKS = (
    ("confirmed", "confirmed"),
    ("bio_received", "bio"),
    ("headshot_received", "headshot"),
    ("tech_check_done", "tech check"),
    ("consents_to_recording", "recording OK"),
)
BOX = "\u2610"  # ☐, ticked by hand on the day
# ui/printing.py repeats a heading row holding this anchor on every page its rows reach.
REPEAT_HEAD = "<a name='repeat-head'></a>"

# Kept to what QTextDocument understands: lengths in px (it ignores pt margins), borders
# on cells only, one rule under each row so no two lines ever meet.
STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 9pt;
       color: #1b1f24; }
p { margin: 0; }
p.kicker { font-size: 8pt; color: #5b6570; letter-spacing: 1px; margin-bottom: 2px; }
h1 { font-size: 17pt; margin-top: 0; margin-bottom: 2px; }
p.sub { font-size: 10pt; color: #3d4650; margin-bottom: 4px; }
p.draft { color: #8a4b00; font-weight: bold; margin-top: 4px; }
h2 { font-size: 11.5pt; margin-top: 14px; margin-bottom: 4px; }
p.verdict { margin-bottom: 6px; }
p.over { color: #b71c1c; font-weight: bold; margin-bottom: 6px; }
p.printed { font-size: 7.5pt; color: #5b6570; margin-top: 14px; }
td { padding: 3px 5px 3px 0px; border-bottom: 1px solid #c3cad2; vertical-align: top; }
td.key { color: #5b6570; }
td.value { font-weight: bold; }
td.head { font-size: 8pt; color: #3d4650; font-weight: bold;
          border-bottom: 1.5px solid #1b1f24; }
td.box { font-size: 11pt; }
td.time { font-weight: bold; white-space: nowrap; }
td.pre { color: #5b6570; font-style: italic; }
td.start { border-top: 1.5px solid #1b1f24; }
span.small { font-size: 7.5pt; color: #5b6570; }
span.missing { font-size: 7.5pt; color: #b71c1c; }
span.contact { font-size: 8.5pt; }
span.unassigned { font-size: 7.5pt; color: #8a4b00; }
p.warn { color: #8a4b00; margin-bottom: 6px; }
"""


def e(text: object) -> str:
    """Text from the database, escaped: a name like <b>Ann & Co</b> prints literally."""
    return escape(str(text), quote=True)


def _row(widths: list[str], cells: list[str], classes: list[str] | None = None) -> str:
    """One row (cells already HTML) as its own table, so the printer keeps it whole."""
    classes = classes or [""] * len(cells)
    # An empty last cell makes Qt drop the margin above the next heading: never leave one.
    parts = [
        f"<td width='{width}'" + (f" class='{css}'" if css else "") + f">{cell or '&nbsp;'}</td>"
        for width, cell, css in zip(widths, cells, classes, strict=True)
    ]
    return f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{''.join(parts)}</tr></table>"


def _small(text: str) -> str:
    """A second, quieter line under a cell's main text."""
    return f"<br/><span class='small'>{e(text)}</span>" if text else ""


def render(sheet: RunOfShowSheet, *, paged: bool = True) -> str:
    """The whole sheet: header, key facts, the team, the minute-by-minute script.

    paged: printed or saved as PDF, where each page's footer carries the printed time;
    otherwise (an HTML file) the time is printed once at the end.
    """
    body = [*_header(sheet), *_facts(sheet), *_team(sheet), *_script(sheet)]
    if not paged:
        body.append(f"<p class='printed'>Printed {_stamp(sheet.printed_at)}</p>")
    title = f"{sheet.session.title} — run of show"
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{e(title)}</title>"
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def _stamp(moment: datetime) -> str:
    """'Tue 1 Dec 2026 13:16' in the computer's zone."""
    local = moment.astimezone()
    return f"{timezones.day_label(local.date())} {local:%H:%M}"


def _header(sheet: RunOfShowSheet) -> list[str]:
    """Series, session title and subtitle, and a note while the script is the default."""
    session = sheet.session
    lines = [
        f"<p class='kicker'>{e(sheet.series_title.upper())} · RUN OF SHOW</p>",
        f"<h1>{e(session.title)}</h1>",
    ]
    if session.subtitle:
        lines.append(f"<p class='sub'>{e(session.subtitle)}</p>")
    if sheet.is_default:
        lines.append("<p class='draft'>Draft: the default script, not edited yet.</p>")
    return lines


def _facts(sheet: RunOfShowSheet) -> list[str]:
    """Date, times in every zone, platform, meeting ID, passcode and join link."""
    session, zones = sheet.session, list(sheet.zones)
    start = session.starts_at
    local = timezones.utc_to_local(start, zones[0])
    end = timezones.end_of(start, session.duration_minutes)
    ends = timezones.clocks(end, zones)
    if session.after_hours_minutes:
        after = timezones.end_of(end, session.after_hours_minutes)
        ends += f"; After Hours until {timezones.clocks(after, zones)}"
    meeting = meeting_details(session.join_url, session.meeting_id, session.passcode)
    platform = session.platform or "—"
    id_name = "Webinar ID" if "zoom" in platform.casefold() else "Meeting ID"
    left = [
        ("Date", f"{local:%A} {local.day} {local:%B %Y}"),
        ("Starts", timezones.clocks(start, zones)),
        ("Call time", timezones.clocks(sheet.schedule.call_time, zones)),
        ("Ends", ends),
    ]
    right = [
        ("Platform", platform),
        (id_name, meeting.meeting_id or "—"),
        ("Passcode", meeting.passcode_text or "—"),
        ("Producer", sheet.producer or "—"),
    ]
    widths = ["10%", "54%", "11%", "25%"]
    rows = [
        _row(
            widths,
            [e(k1), e(v1), e(k2), e(v2)],
            ["key", "value", "key", "value"],
        )
        for (k1, v1), (k2, v2) in zip(left, right, strict=True)
    ]
    if session.join_url:
        rows.append(_row(["10%", "90%"], ["Join link", e(session.join_url)], ["key", "value"]))
    return rows


def _team(sheet: RunOfShowSheet) -> list[str]:
    """The speakers with role, contact on the day and what is still missing."""
    widths = ["4%", "37%", "12%", "35%", "12%"]
    lines = ["<h2>Speakers and team</h2>", *_unassigned(sheet)]
    lines += [
        _row(
            widths,
            [REPEAT_HEAD, "Name", "Role", "Contact on the day", "Preparation"],
            ["head"] * 5,
        )
    ]
    for line in sheet.roster:
        part = line.part
        missing = [text for field, text in CHECKS if not getattr(part, field)]
        ready = (
            "ready"
            if not missing
            else f"<span class='missing'>missing: {e(', '.join(missing))}</span>"
        )
        about = ", ".join(p for p in (part.speaker_title, part.speaker_organisation) if p)
        contact = "<br/>".join(e(c) for c in (line.phone, line.email) if c)
        contact = f"<span class='contact'>{contact}</span>" if contact else ""
        lines.append(
            _row(
                widths,
                [
                    BOX,
                    f"<b>{e(part.speaker_name)}</b>{_small(about)}",
                    e(label(part.role)),
                    contact or "<span class='missing'>no contact on file</span>",
                    ready,
                ],
                ["box", "", "", "", ""],
            )
        )
    if sheet.producer:
        contact = e(sheet.producer_email) if sheet.producer_email else ""
        lines.append(
            _row(
                widths,
                [BOX, f"<b>{e(sheet.producer)}</b>", "Producer", contact, ""],
                ["box"] + [""] * 4,
            )
        )
    if not sheet.roster:
        lines.append("<p>No speakers yet.</p>")
    return lines


def _unassigned(sheet: RunOfShowSheet) -> list[str]:
    """One warning naming the roles the script gives work to but no one holds."""
    roles = list(
        dict.fromkeys(
            person.role
            for person in (who(s.owner, sheet) for s in sheet.segments)
            if person.unassigned
        )
    )
    if not roles:
        return []
    where = []
    if any(role != "Producer" for role in roles):
        where.append("add them to the session's speakers")
    if "Producer" in roles:
        where.append("set your name in Preferences")
    names = " or ".join(roles)
    return [f"<p class='warn'>No one is {e(names)} yet: {e(' and '.join(where))}.</p>"]


def _script(sheet: RunOfShowSheet) -> list[str]:
    """The segments on the clock in every zone, with who does them and the cue.

    Each zone's column shows start times; its heading names the zone, and its weekday
    where that is not the home zone's day ('ET (Sat)'); a time past midnight in a column
    carries its own weekday.
    """
    zones = list(sheet.zones)
    plan, start = sheet.schedule, sheet.session.starts_at
    days = [timezones.home_date(start, z) for z in zones]
    heads = [
        timezones.abbreviation(z, start) + (f" ({day:%a})" if day != days[0] else "")
        for z, day in zip(zones, days, strict=True)
    ]
    verdict_class = "verdict" if plan.difference == 0 else "over"
    expected = f"{sheet.session.duration_minutes}-minute session"
    if sheet.session.after_hours_minutes:
        expected += f" and {plural(sheet.session.after_hours_minutes, 'minute')} of After Hours"
    time_width = 9 if len(zones) < 3 else 8
    rest = 100 - 4 - 5 - time_width * len(zones)
    widths = [
        "4%",
        *[f"{time_width}%"] * len(zones),
        "5%",
        f"{rest * 55 // 100}%",
        f"{rest * 27 // 100}%",
        f"{rest - rest * 55 // 100 - rest * 27 // 100}%",
    ]
    lines = [
        "<h2>Run of show</h2>",
        f"<p class='{verdict_class}'>{e(plan.verdict())}: "
        f"{plural(plan.planned_minutes, 'minute')} planned for the {e(expected)}.</p>",
        _row(
            widths,
            [REPEAT_HEAD, *(e(h) for h in heads), "Min", "Segment", "Who", "Cue"],
            ["head"] * (len(zones) + 5),
        ),
    ]
    first_main = True
    for timed in plan.segments:
        on_air = first_main and not timed.segment.before_start
        first_main = first_main and not on_air
        lines.append(
            _segment_row(timed, sheet, list(zip(zones, days, strict=True)), widths, on_air)
        )
    return lines


def _segment_row(
    timed: TimedSegment,
    sheet: RunOfShowSheet,
    columns: list[tuple[str, date]],
    widths: list[str],
    on_air: bool,
) -> str:
    """One segment: tick box, start per zone, minutes, title and notes, who, cue."""
    segment = timed.segment
    times = [timezones.clock(timed.start, z, day, label=False) for z, day in columns]
    person = who(segment.owner, sheet)
    if person.unassigned:
        doer = f"{e(person.role)}<br/><span class='unassigned'>no one yet</span>"
    elif person.role and person.names != person.role:
        doer = f"{e(person.names)}{_small(person.role)}"
    else:
        doer = e(person.names)
    pre = " pre" if segment.before_start else ""
    top = " start" if on_air else ""
    classes = [
        f"box{top}",
        *[f"time{pre}{top}"] * len(columns),
        f"{pre}{top}",
        f"{pre}{top}",
        top,
        f"{pre}{top}",
    ]
    return _row(
        widths,
        [
            BOX,
            *(e(t) for t in times),
            str(segment.duration_minutes),
            f"<b>{e(segment.title)}</b>{_small(segment.notes)}",
            doer,
            e(segment.cue),
        ],
        [c.strip() for c in classes],
    )
