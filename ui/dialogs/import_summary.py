"""What an import would do (or did), as rich text for the import dialog."""

from __future__ import annotations

import html

from desktop_app.domain.import_rows import ImportReport


def describe(report: ImportReport) -> str:
    """What an import does, as short rich text for the dialog."""

    def count(n: int, word: str, plural: str = "") -> str:
        return f"{n:,} {word if n == 1 else plural or word + 's'}"

    if report.already_imported is not None and not report.planned:
        return (
            f"<p><b>{html.escape(report.already_imported_note)}.</b></p>"
            "<p>To see what importing it again would change, press <i>Read it again</i>.</p>"
        )
    parts = [
        f"<p><b>{html.escape(report.format_label)}</b>: {count(report.rows, 'row')}, "
        f"{count(report.registrations, 'person', 'people')} for this session, "
        f"{report.attended:,} attended, {report.minutes:,} minutes.</p>",
        "<ul>"
        f"<li>{count(report.registrants_created, 'new registrant')}</li>"
        f"<li>{count(report.registrants_updated, 'registrant')} updated</li>"
        f"<li>{report.registrants_unchanged:,} unchanged</li>"
        f"<li>{count(report.registrations_created, 'new registration')}, "
        f"{report.registrations_updated:,} updated</li>"
        f"<li>{count(len(report.skipped), 'row')} skipped</li></ul>",
    ]
    if report.already_imported is not None:
        parts.insert(0, f"<p><b>{html.escape(report.already_imported_note)}.</b></p>")
    if report.nobody:
        parts.append("<p><b>Nobody to import:</b> no row has a usable email address.</p>")
    elif not report.changed:
        parts.append("<p>Nothing would change: everything in this file is already here.</p>")
    parts += [f"<p><b>{html.escape(note)}</b></p>" for note in report.layout_notes]
    guessed = [d for d in report.date_columns if d.ambiguous and not d.chosen]
    for order in sorted({d.order for d in guessed}):
        headings = ", ".join(html.escape(d.heading) for d in guessed if d.order == order)
        parts.append(
            f"<p>Dates in {headings} were read {order}: no value settles the order; "
            "switch it if they look wrong.</p>"
        )
    if report.other_attended:
        parts.append(
            f"<p>{report.other_attended} attendee(s) without an email are counted "
            "but not added.</p>"
        )
    if report.bots:
        parts.append(f"<p>{count(report.bots, 'note-taker bot row')} left out (not people).</p>")
    if report.speakers_matched or report.speakers_unmatched:
        parts.append(
            f"<p>Hosts and panelists: {report.speakers_matched} matched to speakers, "
            f"{len(report.speakers_unmatched)} not found among the speakers (they "
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
