"""Who the people of a table are: its data rows, note-taker bots, speakers kept apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter

from desktop_app.domain.import_rows import ParsedFile

DATE_FIELDS = ("registered_at", "join_time", "leave_time")
SPEAKER_SECTIONS = ("host", "panelist")
_BOT_NAME = re.compile(
    r"otter\.ai|otterpilot|fireflies|read\.ai|fathom|notetaker|note taker|tl;?dv|meetgeek"
    r"|avoma|notta|sembly|tactiq|\bbot\b|\brecorder\b",
    re.IGNORECASE,
)
BOT_DOMAINS = ("@otter.ai", "@fireflies.ai", "@read.ai", "@fathom.video", "@tldv.io")


def is_bot(name: str, email: str = "") -> bool:
    """A note-taker bot (Otter.ai and the like) that joins a meeting: not a person."""
    return email.endswith(BOT_DOMAINS) or bool(name and _BOT_NAME.search(name))


def data_indexes(rows: list[list[str]], start: int, end: int) -> list[int]:
    """Indexes of the non-blank rows between two indexes (cells come stripped)."""
    return [index for index in range(start, end) if any(rows[index])]


def column_texts(rows: list[list[str]], indexes: Sequence[int], column: int | None) -> set[str]:
    """The distinct texts of one column over some rows."""
    if column is None:
        return set()
    try:  # the usual case: every row is as wide as its header
        return set(map(itemgetter(column), map(rows.__getitem__, indexes)))
    except IndexError:
        return {rows[i][column] for i in indexes if column < len(rows[i])}


def keep_speakers_apart(parsed: ParsedFile) -> None:
    """A host or panelist who also appears among attendees stays a speaker, never a
    registrant: their attendee rows join their speaker section."""
    speakers = {r.email: r.section for r in parsed.rows if r.section in SPEAKER_SECTIONS}
    if not speakers:
        return
    for row in parsed.rows:
        if row.section not in SPEAKER_SECTIONS and row.email in speakers:
            row.section = speakers[row.email]
