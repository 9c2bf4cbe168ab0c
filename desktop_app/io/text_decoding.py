"""Turns the bytes of a CSV export into text, whatever encoding the exporting program used."""

from __future__ import annotations

import codecs
import re

from desktop_app.domain.safe_text import CELL_CONTROLS, without_controls
from desktop_app.io.refusal import ImportRefused

_BOMS = (  # longest first: UTF-32-LE's BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
SAMPLE = 4096
# Binary data decoded as text holds zero bytes and is ~12% control characters; a text
# export has none, or a stray few (an escape sequence pasted into a form), which are
# dropped from the cells.
BINARY_SHARE = 0.1


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV's bytes, or ImportRefused when they are not text.

    Recognised: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 or UTF-32 without one
    (from the zero bytes that ASCII characters leave); otherwise UTF-8 line by line with
    Windows-1252 for the lines that are not UTF-8 (a file edited by two programs).
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _checked(name, _strict(name, data[len(bom) :], codec), label)
    wide = _wide_codec(data[:SAMPLE])
    if wide is not None:
        return _checked(name, _strict(name, data, wide), wide)
    _refuse_binary(name, data)  # before decoding: 150 MB of junk would take 1 GB as text
    try:
        return _checked(name, data.decode("utf-8"), "utf-8", data)
    except UnicodeDecodeError:
        pass
    text, label = _line_by_line(data)
    return _checked(name, text, label)


def _wide_codec(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 (LE or BE) told by where the zero bytes of ASCII text fall."""
    if len(sample) < 4:
        return None
    zeros = [0, 0, 0, 0]
    for position, byte in enumerate(sample[: len(sample) - len(sample) % 4]):
        if byte == 0:
            zeros[position % 4] += 1
    quarter = len(sample) // 4
    if quarter == 0 or sum(zeros) < quarter:  # too few zeros for a wide encoding
        return None
    mostly, rarely = 0.9 * quarter, 0.1 * quarter
    if zeros[1] > mostly and zeros[2] > mostly and zeros[3] > mostly and zeros[0] < rarely:
        return "utf-32-le"
    if zeros[0] > mostly and zeros[1] > mostly and zeros[2] > mostly and zeros[3] < rarely:
        return "utf-32-be"
    if zeros[1] + zeros[3] > 2 * 0.6 * quarter and zeros[0] + zeros[2] < 2 * rarely:
        return "utf-16-le"
    if zeros[0] + zeros[2] > 2 * 0.6 * quarter and zeros[1] + zeros[3] < 2 * rarely:
        return "utf-16-be"
    return None


def _strict(name: str, data: bytes, codec: str) -> str:
    """data decoded with codec, or a refusal naming the encoding it should have been."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        family = codec.split("-")[0].upper() + "-" + codec.split("-")[1]
        raise ImportRefused(
            f"{name} starts as {family} text but is not valid {family} throughout; it may be "
            "cut short or damaged: export it again"
        ) from None


def _line_by_line(data: bytes) -> tuple[str, str]:
    """Each line as UTF-8 where it is valid UTF-8, else as Windows-1252 (else Latin-1)."""
    lines = []
    utf8 = legacy = 0
    for line in data.split(b"\n"):
        try:
            text = line.decode("utf-8")
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            legacy += 1
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:  # 5 bytes cp1252 leaves undefined: keep them visible
                text = line.decode("latin-1")
        lines.append(text)
    label = "cp1252" if not utf8 else f"utf-8 ({legacy:,} lines cp1252)"
    return "\n".join(lines), label


def _refuse_binary(name: str, data: bytes) -> None:
    """Refuse bytes that hold a zero byte, or too many control bytes to be text."""
    zero = data.find(b"\x00")
    if zero < 0 and len(data.translate(None, _TEXT_BYTES)) <= BINARY_SHARE * len(data):
        return
    first = zero if zero >= 0 else next(i for i, b in enumerate(data) if b not in _TEXT_BYTES)
    raise _binary(name, data.count(b"\n", 0, first) + 1)


def _binary(name: str, line: int) -> ImportRefused:
    return ImportRefused(
        f"{name} is not a spreadsheet or CSV file (it holds binary data from line "
        f"{line:,}); export it again as CSV or XLSX"
    )


def _checked(name: str, text: str, encoding: str, utf8: bytes | None = None) -> tuple[str, str]:
    """The text with stray control characters removed, or a refusal when it is binary.

    utf8: the text's UTF-8 form when the file was UTF-8 (saves encoding it again).
    """
    if not _has_controls(text, utf8):  # the usual case, answered at C speed
        return text, encoding
    first = CELL_CONTROLS.search(text)
    controls = len(CELL_CONTROLS.findall(text))
    if "\x00" in text or controls > BINARY_SHARE * len(text):
        raise _binary(name, text.count("\n", 0, first.start() if first else 0) + 1)
    return without_controls(text), encoding


# Bytes below 0x20 other than tab and line breaks, and DEL: what a text export never has.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F) + b"\t\n\r"


def _has_controls(text: str, utf8: bytes | None) -> bool:
    """Whether text holds a C0 or C1 control character (tab and line breaks aside).

    A regular expression walks 30 MB in over a second; deleting every ordinary byte of
    the UTF-8 form leaves the control bytes (C1 controls are encoded as \\xc2\\x80-\\x9f).
    """
    raw = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
    if raw.translate(None, _TEXT_BYTES):
        return True
    return _C1.search(raw) is not None


_C1 = re.compile(rb"\xc2[\x80-\x9f]")
