"""Hostile files made by code (never committed): the shapes that broke the app's readers."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
SHEET_TAIL = b"</sheetData></worksheet>"
SHARED_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
SHARED_TAIL = b"</sst>"


def inline(reference: str, text: str) -> str:
    """An inline-string cell."""
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook(
    path: Path,
    sheet: Iterable[bytes],
    shared: Iterable[bytes] | None = None,
    level: int = 6,
) -> Path:
    """An XLSX package written part by part; sheet and shared are the parts' bytes in
    pieces (streamed, so a gigabyte part needs no gigabyte of memory)."""
    method = zipfile.ZIP_DEFLATED if level else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method, compresslevel=level or None) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("xl/workbook.xml", _WORKBOOK)
        package.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for piece in sheet:
                part.write(piece)
        with package.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            for piece in shared if shared is not None else [SHARED_HEAD + SHARED_TAIL]:
                part.write(piece)
    return path


def simple_sheet(rows: Iterable[str]) -> Iterator[bytes]:
    """A sheet's XML around rows given as XML text."""
    yield SHEET_HEAD
    for row in rows:
        yield row.encode()
    yield SHEET_TAIL


def sparse_xlsx(path: Path) -> Path:
    """5 KB: 'Email' in A1 and 'x' in XFD1048576 (calamine would build a 512 GB grid)."""
    return workbook(
        path,
        simple_sheet(
            [
                f'<row r="1">{inline("A1", "Email")}</row>',
                f'<row r="1048576">{inline("XFD1048576", "x")}</row>',
            ]
        ),
    )


def shared_strings_bomb(path: Path, unpacked_mb: int) -> Path:
    """A small file whose shared strings unpack to unpacked_mb megabytes."""
    block = b"<si><t>" + b"A" * 65_000 + b"</t></si>"

    def shared() -> Iterator[bytes]:
        yield SHARED_HEAD
        for _ in range(unpacked_mb * 1024 * 1024 // len(block)):
            yield block
        yield SHARED_TAIL

    sheet = simple_sheet(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])
    return workbook(path, sheet, shared(), level=9)


def million_rows_xlsx(path: Path, rows: int = 1_048_575, columns: int = 6) -> Path:
    """A registration export with rows people (plus the header row), shared strings and a
    number column, as Excel writes it: Email, First name, Last name, Organisation..."""
    headings = ["Email", "First Name", "Last Name", "Organisation", "Country", "Minutes"]
    headings = (headings + [f"Question {n}" for n in range(1, 100)])[:columns]
    letters = [chr(65 + n) if n < 26 else "A" + chr(65 + n - 26) for n in range(columns)]

    def sheet() -> Iterator[bytes]:
        yield SHEET_HEAD
        head = "".join(inline(f"{letters[n]}1", h) for n, h in enumerate(headings))
        yield f'<row r="1">{head}</row>'.encode()
        batch = []
        for number in range(2, rows + 2):
            cells = [inline(f"A{number}", f"person{number}@example.org")]
            for column in range(1, columns):
                reference = f"{letters[column]}{number}"
                if headings[column] == "Minutes":
                    cells.append(f'<c r="{reference}"><v>{number % 90}</v></c>')
                else:
                    cells.append(f'<c r="{reference}" t="s"><v>{number % 500}</v></c>')
            batch.append(f'<row r="{number}">{"".join(cells)}</row>')
            if len(batch) == 10_000:
                yield "".join(batch).encode()
                batch = []
        yield "".join(batch).encode()
        yield SHEET_TAIL

    def shared() -> Iterator[bytes]:
        yield SHARED_HEAD
        yield "".join(f"<si><t>Text {n}</t></si>" for n in range(500)).encode()
        yield SHARED_TAIL

    return workbook(path, sheet(), shared(), level=1)


def lie_about_size(path: Path, part: str, declared: int) -> Path:
    """Rewrite a package so that part declares `declared` bytes unpacked (in both the
    local header and the central directory), keeping its real data and CRC."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
        local = info.header_offset
    # Local header: uncompressed size at offset 22 (4 bytes) unless zip64 (0xFFFFFFFF).
    if struct.unpack_from("<I", data, local + 22)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, local + 22, declared)
    else:  # zip64 extra field: uncompressed size first
        name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
        extra = local + 30 + name_length
        struct.pack_into("<Q", data, extra + 4, declared)
        del extra_length
    central = data.rfind(b"PK\x01\x02" + b"", 0)
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            break
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == part:
            if struct.unpack_from("<I", data, position + 24)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, position + 24, declared)
            else:
                struct.pack_into("<Q", data, position + 46 + name_length + 4, declared)
        position += 46 + name_length + extra_length + comment_length
    del central
    path.write_bytes(bytes(data))
    return path


def nested_sheet_xlsx(path: Path, depth: int, level: int = 6) -> Path:
    """A cell whose value is wrapped in depth nested elements (level 0: stored, so that the
    packing ratio does not give it away)."""
    rows = [
        f'<row r="1">{inline("A1", "Email")}</row>',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>a@example.org</t></is></c>'
        '<c r="B2" t="inlineStr"><is>' + "<x>" * depth + "</x>" * depth + "</is></c></row>",
    ]
    return workbook(path, simple_sheet(rows), level=level)


def deflate_size(data: bytes) -> int:
    """How small data packs (to state a bomb's ratio in a test's message)."""
    return len(zlib.compress(data, 9))
