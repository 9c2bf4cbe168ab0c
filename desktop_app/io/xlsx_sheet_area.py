"""The grid a worksheet's XML spans from A1, as calamine would build it, read a chunk at a time."""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable, Iterator
from operator import itemgetter

MAX_TAG_BYTES = 1024 * 1024  # longer than any tag a worksheet holds

# A cell as every spreadsheet program writes it: <c r="B7" ...> (or <x:c r="B7" ...>).
_REFERENCE = re.compile(rb'c r="([A-Za-z]+)(\d+)"')
# A cell written otherwise: attributes in another order, other spacing or quotes, no r.
_ODD_CELL = re.compile(rb'[<:]c(?! r=")[\s/>]')


class SheetDamaged(Exception):
    """Worksheet XML that cannot be measured: a tag that never ends, or not XML at all."""


def sheet_area(chunks: Callable[[], Iterator[bytes]]) -> tuple[int, int]:
    """(rows, columns) of the grid calamine would build for a sheet, counted from A1;
    chunks() gives the sheet part's bytes afresh on each call.

    Rows come in order in real files, so a chunk's last cell holds its largest row; one
    search per chunk then looks for any cell beyond the largest row and column seen so
    far (none, in a real file) or written in a form this scan does not read (then the
    cells are counted one by one). Every cell is included, even an empty styled one.
    """
    rows = columns = 0
    carry = b""
    for chunk in chunks():
        buffer = carry + chunk if carry else chunk
        cut = buffer.rfind(b"<")
        if cut < 0 or buffer.find(b">", cut) >= 0:
            cut = len(buffer)  # the last tag is complete: nothing to carry over
        last = buffer.rfind(b'c r="', 0, cut)
        reference = _REFERENCE.match(buffer, last) if last >= 0 else None
        if reference:
            rows = max(rows, int(reference[2]))
            columns = max(columns, column_number(reference[1]))
        # A search that starts with a fixed "<c" runs six times faster than one for
        # "<c" or ":c"; cells with a prefix (<x:c>) are rare enough to take the slow one.
        prefixed = buffer.find(b":c", 0, cut) >= 0
        if _beyond(rows, columns, prefixed).search(buffer, 0, cut):
            if _ODD_CELL.search(buffer, 0, cut):
                return _area_by_position(chunks)
            found = _REFERENCE.findall(buffer, 0, cut)
            if found:
                rows = max(rows, max(map(int, map(itemgetter(1), found))))
                letters = set(map(itemgetter(0), found))
                columns = max(columns, *map(column_number, letters))
        carry = buffer[cut:]
        if len(carry) > MAX_TAG_BYTES:
            raise SheetDamaged
    return rows, columns


def _area_by_position(chunks: Callable[[], Iterator[bytes]]) -> tuple[int, int]:
    """The area of a sheet whose cells may omit their reference (then a cell is the
    one after the previous, as calamine places it); slower, so only when needed."""
    state = {"row": 0, "column": 0, "rows": 0, "columns": 0}

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = local_name(tag)
        if local == "row":
            number = attributes.get("r", "")
            state["row"] = int(number) if number.isdigit() else state["row"] + 1
            state["column"] = 0
        elif local == "c":
            reference = re.fullmatch(r"([A-Za-z]{1,4})(\d{1,9})", attributes.get("r", ""))
            if reference:
                state["row"] = int(reference[2])
                state["column"] = column_number(reference[1].encode())
            else:
                state["column"] += 1
            state["rows"] = max(state["rows"], state["row"])
            state["columns"] = max(state["columns"], state["column"])

    def no_dtd(*_: object) -> None:
        raise xml.parsers.expat.ExpatError("a worksheet has no DTD")

    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = no_dtd
    try:
        for chunk in chunks():
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except xml.parsers.expat.ExpatError:
        raise SheetDamaged from None
    return state["rows"], state["columns"]


def _beyond(rows: int, columns: int, prefixed: bool) -> re.Pattern[bytes]:
    """A search for a cell past row `rows` or column `columns`, or for an odd cell
    (prefixed: for <x:c> too)."""
    return re.compile(
        (rb"[<:]" if prefixed else rb"<")
        + rb'c(?: r="(?:'
        + _letters_above(columns)
        + rb"\d|[A-Za-z]++"  # possessive: a quarter faster on a million rows
        + _number_above(rows)
        + rb'")|(?! r=")[\s/>])'
    )


def _number_above(number: int) -> bytes:
    """A pattern for a run of digits worth more than number (or with more digits)."""
    digits = str(number).encode()
    choices = [rb"\d{%d,}" % (len(digits) + 1)]
    for at, digit in enumerate(digits):
        if digit != ord("9"):
            rest = len(digits) - at - 1
            choices.append(digits[:at] + b"[%c-9]\\d{%d}" % (digit + 1, rest))
    return b"(?:" + b"|".join(choices) + b")"


def _letters_above(column: int) -> bytes:
    """A pattern for column letters (either case) past column (1 is A)."""
    letters = column_letters(column).encode() if column else b""
    choices = [rb"[A-Za-z]{%d,}" % (len(letters) + 1)]
    for at, letter in enumerate(letters):
        if letter != ord("Z"):
            rest = len(letters) - at - 1
            same = b"".join(b"[%c%c]" % (c, c + 32) for c in letters[:at])
            choices.append(same + b"[%c-Z%c-z][A-Za-z]{%d}" % (letter + 1, letter + 33, rest))
    return b"(?:" + b"|".join(choices) + b")"


def local_name(tag: str) -> str:
    """An XML name without its namespace ({uri}name) or prefix (x:name)."""
    return tag.rpartition("}")[2].rpartition(":")[2]


def column_number(letters: bytes) -> int:
    """A column's number from its letters, either case (A is 1)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def column_letters(number: int) -> str:
    """A column's letters from its number (1 is A; 0 too, as messages want a column)."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters or "A"
