"""Checks an XLSX package before it is unpacked: part sizes, packing ratio, sheet area.

calamine (the XLSX reader) trusts the file: it unpacks whatever a zip entry inflates to and
builds a dense grid from the first to the last cell, so a 5 KB workbook with cells at A1
and XFD1048576 asks for 512 GB and aborts the process. Everything it will read is
measured here first, from the zip directory and then by inflating the parts with a bound
(a sheet's area is counted by xlsx_sheet_area).
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree

from desktop_app.domain.safe_text import safe_for_message
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_limits import MAX_CELLS, MAX_COLUMNS, count
from desktop_app.io.xlsx_sheet_area import SheetDamaged, column_letters, local_name, sheet_area

MB = 1024 * 1024
MAX_SHEET_BYTES = 512 * MB  # one worksheet's XML, unpacked (a million rows × 10: 420 MB)
MAX_SHARED_STRINGS_BYTES = 512 * MB
MAX_OTHER_XML_BYTES = 64 * MB  # workbook, styles, relationships...
MAX_TOTAL_BYTES = 2048 * MB  # every part together
MAX_RATIO = 250  # unpacked/packed; real sheets pack 5-30 times, a zip bomb 1,000 times
RATIO_FROM = 1 * MB  # small parts may pack tighter; only big ones can hurt
MAX_ENTRIES = 10_000
CHUNK = 8 * MB

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length


class XlsxGuard:
    """An XLSX package whose zip directory passed the checks; sheets are measured on demand."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self._data = data
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise self._damaged() from None
        if len(infos) > MAX_ENTRIES:
            raise ImportRefused(
                f"{name} holds {count(len(infos))} parts, more than a workbook has "
                f"({count(MAX_ENTRIES)}); save it again from Excel or LibreOffice"
            )
        self._parts = {info.filename: info for info in infos}
        total = 0
        for info in infos:
            self._check_declared(info)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise self._too_big("the workbook", total, MAX_TOTAL_BYTES)
        # The parts calamine reads on opening (workbook, styles, shared strings...) are
        # inflated once here, so a part that inflates beyond its declared size is caught.
        for info in infos:
            if _is_xml(info.filename) and not _is_sheet(info.filename):
                for _ in self._inflate(info):
                    pass
        self._sheets = self._sheet_parts()

    def check_sheet(self, index: int) -> None:
        """Refuse the index-th sheet (workbook order, as calamine counts) when the grid from
        A1 to its last cell is wider than MAX_COLUMNS or larger than MAX_CELLS."""
        title, part = self._sheets[index] if index < len(self._sheets) else ("", None)
        # A sheet whose part cannot be found the way calamine finds it: measure every XML
        # part that could be it (only cells match, so the others measure nothing).
        candidates = [part] if part in self._parts else [p for p in self._parts if _is_xml(p)]
        rows = columns = 0
        for candidate in candidates:
            found_rows, found_columns = self._area(self._parts[candidate])
            rows, columns = max(rows, found_rows), max(columns, found_columns)
        which = f"{self.name}, sheet '{safe_for_message(title, 40)}'" if title else self.name
        if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise ImportRefused(
                f"{which}: its cells reach {column_letters(columns)}{rows} ({count(rows)} "
                f"rows × {count(columns)} columns), more than this app reads "
                f"({count(MAX_COLUMNS)} columns, {count(MAX_CELLS)} cells); delete what lies "
                "beyond your table (or a stray cell far from it) and save again, or save "
                "the sheet as CSV"
            )

    # The zip directory ------------------------------------------------------------------------

    def _check_declared(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part whose declared size or packing ratio no real workbook has."""
        part = info.filename
        if _is_sheet(part):
            limit = MAX_SHEET_BYTES
        elif part.casefold().endswith("sharedstrings.xml"):
            limit = MAX_SHARED_STRINGS_BYTES
        elif _is_xml(part):
            limit = MAX_OTHER_XML_BYTES
        else:  # pictures are never unpacked, but a sheet may hide under any name
            limit = MAX_SHEET_BYTES
        if info.file_size > limit:
            raise self._too_big(part, info.file_size, limit)
        packed = max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * packed:
            raise ImportRefused(
                f"{self.name} is packed unusually tightly ({safe_for_message(part, 60)} "
                f"would unpack to {info.file_size // packed:,} times its size; workbooks pack "
                f"at most {MAX_RATIO} times); save it again from Excel or LibreOffice"
            )

    def _inflate(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The part's bytes a chunk at a time, refusing more than its declared size and
        checking its CRC (a part that lies about its size is a zip bomb or damage)."""
        if info.flag_bits & 0x1:
            raise ImportRefused(
                f"{self.name} has encrypted parts; save an unprotected copy and import that"
            )
        header = self._data[info.header_offset : info.header_offset + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size:
            raise self._damaged()
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            raise self._damaged()
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        packed = memoryview(self._data)[start : start + info.compress_size]
        if len(packed) < info.compress_size:
            raise self._damaged()
        if info.compress_type == zipfile.ZIP_STORED:
            chunks: Iterator[bytes] = (
                bytes(packed[at : at + CHUNK]) for at in range(0, len(packed), CHUNK)
            )
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            chunks = _inflated(packed, info.file_size)
        else:
            raise ImportRefused(
                f"{self.name} uses a kind of compression this app does not read; save it "
                "again from Excel or LibreOffice"
            )
        size, crc = 0, 0
        try:
            for chunk in chunks:
                size += len(chunk)
                if size > info.file_size:
                    raise self._damaged()
                crc = zlib.crc32(chunk, crc)
                yield chunk
        except _Damaged:
            raise self._damaged() from None
        if size != info.file_size or crc != info.CRC:
            raise self._damaged()

    def _sheet_parts(self) -> list[tuple[str, str | None]]:
        """(name, part) of each sheet in workbook order, from workbook.xml and its links."""
        try:
            book_xml = self._read("xl/workbook.xml")
            links_xml = self._read("xl/_rels/workbook.xml.rels")
            if b"<!DOCTYPE" in book_xml or b"<!DOCTYPE" in links_xml:
                return []  # workbooks have no DTD; one that does may define entity bombs
            book = ElementTree.fromstring(book_xml)
            links = ElementTree.fromstring(links_xml)
        except (KeyError, ElementTree.ParseError):
            return []
        targets = {
            link.get("Id"): link.get("Target", "")
            for link in links.iter()
            if local_name(link.tag) == "Relationship"
        }
        sheets: list[tuple[str, str | None]] = []
        for element in book.iter():
            if local_name(element.tag) != "sheet":
                continue
            link = next((v for k, v in element.attrib.items() if local_name(k) == "id"), None)
            target = targets.get(link)
            part = None
            if target:
                joined = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                part = posixpath.normpath(joined)
            sheets.append((element.get("name", ""), part))
        return sheets

    def _read(self, part: str) -> bytes:
        """A small part (already size-checked) in full."""
        return b"".join(self._inflate(self._parts[part]))

    def _area(self, info: zipfile.ZipInfo) -> tuple[int, int]:
        """(rows, columns) of the grid calamine would build for this sheet, counted from A1."""
        try:
            return sheet_area(lambda: self._inflate(info))
        except SheetDamaged:
            raise self._damaged() from None

    # Messages ---------------------------------------------------------------------------------

    def _damaged(self) -> ImportRefused:
        return ImportRefused(
            f"{self.name} is not a readable XLSX workbook (its zip package is damaged or "
            "cut short); save it again from Excel or LibreOffice"
        )

    def _too_big(self, what: str, size: int, limit: int) -> ImportRefused:
        return ImportRefused(
            f"{self.name}: {safe_for_message(what, 60)} unpacks to {size // MB:,} MB, more "
            f"than the {limit // MB:,} MB this app reads; save the sheet as CSV, or split it "
            "into smaller files"
        )


def _inflated(packed: memoryview, declared: int) -> Iterator[bytes]:
    """Raw deflate data inflated a chunk at a time, never more than declared + 1 bytes."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        for at in range(0, len(packed), CHUNK):
            pending = bytes(packed[at : at + CHUNK])
            while pending:
                out = inflater.decompress(pending, CHUNK)
                produced += len(out)
                if out:
                    yield out
                if produced > declared:
                    return  # the caller sees more than declared and refuses
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    return
        tail = inflater.flush()
        if tail:
            yield tail
    except zlib.error:
        raise _Damaged from None


class _Damaged(Exception):
    """Deflate data that does not inflate."""


def _is_xml(part: str) -> bool:
    return part.casefold().endswith((".xml", ".rels"))


def _is_sheet(part: str) -> bool:
    folded = part.casefold()
    return folded.startswith("xl/worksheets/") and folded.endswith(".xml")
