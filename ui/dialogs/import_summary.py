"""What an import would do (or did), as rich text for the import dialog."""

from __future__ import annotations

import html

from desktop_app.domain.import_rows import ImportReport
from desktop_app.domain.wording import plural
from desktop_app.services.choice_import import ChoiceImport


def describe(report: ImportReport) -> str:
    """What an import does, as short rich text for the dialog."""
    parts = [
        f"<p><b>{html.escape(report.format_label)}</b>: {plural(report.rows, 'row')}, "
        f"{plural(report.registrations, 'person', 'people')} for this session, "
        f"{report.attended:,} attended, {report.minutes:,} minutes.</p>",
        "<ul>"
        f"<li>{plural(report.registrants_created, 'new registrant')}</li>"
        f"<li>{plural(report.registrants_updated, 'registrant')} updated</li>"
        f"<li>{report.registrants_unchanged:,} unchanged</li>"
        f"<li>{plural(report.registrations_created, 'new registration')}, "
        f"{report.registrations_updated:,} updated</li>"
        f"<li>{plural(len(report.skipped), 'row')} skipped</li></ul>",
    ]
    if report.already_imported is not None:
        parts.insert(0, f"<p><b>{html.escape(report.already_imported_note)}.</b></p>")
    if report.nobody:
        parts.append("<p><b>Nobody to import:</b> no row has a usable email address.</p>")
    elif not report.changed:
        parts.append("<p>Nothing would change: everything in this file is already here.</p>")
    return "".join(parts) + file_notes(report)


def describe_choices(result: ChoiceImport, heading: str, names: dict[int, str]) -> str:
    """What registering people for the sessions they ticked does: a line per session, who
    ticked none of them, then what the file itself says (skipped rows and the like)."""
    first = result.parts[0].report
    lines = []
    for part in result.parts:
        report = part.report
        lines.append(
            f"<li><b>{html.escape(part.choice)}</b> → "
            f"{html.escape(names.get(part.session_id, '?'))}: "
            f"{plural(report.registrations, 'person', 'people')}, "
            f"{plural(report.registrants_created, 'new registrant')}, "
            f"{plural(report.registrations_created, 'new registration')}, "
            f"{report.registrations_updated:,} updated</li>"
        )
    parts = [
        f"<p><b>{html.escape(first.format_label)}</b>: {plural(first.rows, 'row')}. Each "
        f"person is registered for the sessions they ticked in “{html.escape(heading)}”:</p>"
        f"<ul>{''.join(lines)}</ul>"
    ]
    if result.unplaced:
        shown = ", ".join(html.escape(email) for email in result.unplaced[:10])
        more = "…" if len(result.unplaced) > 10 else ""
        parts.append(
            f"<p><b>{plural(len(result.unplaced), 'person', 'people')} ticked none of the "
            f"sessions chosen above and {'is' if len(result.unplaced) == 1 else 'are'} not "
            f"imported:</b> {shown}{more}</p>"
        )
    if not result.changed:
        parts.append("<p>Nothing would change: everything in this file is already here.</p>")
    return "".join(parts) + file_notes(first)


def file_notes(report: ImportReport) -> str:
    """What the file itself says, whatever session it goes to: layout notes, people without
    an email, bots, speakers, conflicts, skipped rows and values left empty."""
    parts = [f"<p><b>{html.escape(note)}</b></p>" for note in report.layout_notes]
    if report.other_attended:
        verb = "is" if report.other_attended == 1 else "are"
        parts.append(
            f"<p>{plural(report.other_attended, 'attendee')} without an email {verb} "
            "counted but not added.</p>"
        )
    if report.bots:
        parts.append(f"<p>{plural(report.bots, 'note-taker bot row')} left out (not people).</p>")
    if report.speakers_matched or report.speakers_unmatched:
        parts.append(
            f"<p>Hosts and panelists: {report.speakers_matched:,} matched to speakers, "
            f"{len(report.speakers_unmatched):,} not found among the speakers (they "
            "are not added as registrants).</p>"
        )
    if report.conflicts:
        parts.append(
            "<p><b>Conflicts</b></p><ul>"
            + "".join(f"<li>{html.escape(c)}</li>" for c in report.conflicts[:50])
            + "</ul>"
        )
    if report.skipped:
        parts.append(
            "<p><b>Skipped rows</b></p><ul>"
            + "".join(
                f"<li>Row {s.line}: {html.escape(s.reason)}</li>" for s in report.skipped[:100]
            )
            + ("<li>…</li>" if len(report.skipped) > 100 else "")
            + "</ul>"
        )
    if report.left_empty:
        parts.append(
            f"<p><b>Values left empty</b> ({len(report.left_empty):,}; the people are "
            "imported)</p><ul>"
            + "".join(
                f"<li>{html.escape(_sentence(str(note)))}</li>" for note in report.left_empty[:100]
            )
            + ("<li>…</li>" if len(report.left_empty) > 100 else "")
            + "</ul>"
        )
    return "".join(parts)


def _sentence(text: str) -> str:
    """The text with a capital first letter ('row 7, ...' -> 'Row 7, ...')."""
    return text[:1].upper() + text[1:]
