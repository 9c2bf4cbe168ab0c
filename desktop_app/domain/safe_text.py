"""Text from files made safe to show: no terminal escapes, no hidden control characters."""

from __future__ import annotations

import re

# C0 controls (tab, line feed and carriage return included: a message is one line), DEL,
# C1 controls (U+009B is a terminal's CSI), and the bidirectional overrides and isolates
# that can make a file name read backwards on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The same, but keeping tab and line breaks, for text that may span lines (command output).
_UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2066-\u2069]")
# Control characters a cell may not keep (tab and line breaks are real cell content).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CELL_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SHOWN_INSTEAD = "\N{REPLACEMENT CHARACTER}"


def safe_for_message(text: str, limit: int = 80) -> str:
    """Text quoted from a file (a name, a heading, a cell) as it may appear in a one-line
    message: control characters shown as �, shortened to limit characters with an ellipsis."""
    shown = _UNSAFE.sub(SHOWN_INSTEAD, text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def safe_for_terminal(text: str) -> str:
    """Command output with every control character but tab and line breaks shown as �."""
    return _UNSAFE_OUTPUT.sub(SHOWN_INSTEAD, text)


def escape_for_json(text: str) -> str:
    """JSON text with the controls json.dumps leaves raw (C1, bidirectional) as \\u escapes:
    the same data, but nothing a terminal would act on."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def without_controls(text: str) -> str:
    """Cell text with stray control characters (escape sequences' ESC, NUL...) removed."""
    return CELL_CONTROLS.sub("", text)
