"""Names and email addresses: normalising, checking and splitting."""

from __future__ import annotations

import re
import unicodedata

# Deliberately simple: one @, a dot in the domain, no spaces. Real mailboxes are more
# varied than any regex; this catches the typos seen in registration exports.
EMAIL_SHAPE = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}$")


def normalise_email(raw: str) -> str:
    """Trim, Unicode-normalise and case-fold an email so one person matches one record."""
    text = raw.strip()
    if not text.isascii():  # ASCII text is already in normal form
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


def is_email(raw: str) -> bool:
    """True if raw looks like a deliverable email address."""
    return is_normalised_email(normalise_email(raw))


def is_normalised_email(text: str) -> bool:
    """is_email for text that normalise_email already gave (to normalise once per row)."""
    return len(text) <= 254 and ".." not in text and bool(EMAIL_SHAPE.match(text))


def clean_text(raw: str | None) -> str:
    """Collapse inner runs of white space and trim; None becomes ''."""
    if raw is None:
        return ""
    text = str(raw)
    if not text.isascii():  # ASCII text is already in normal form
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


_PARTICLES = {
    "van",
    "von",
    "de",
    "da",
    "del",
    "della",
    "der",
    "den",
    "di",
    "du",
    "la",
    "le",
    "dos",
    "das",
    "ten",
    "ter",
    "bin",
    "al",
    "el",
    "st.",
}


def split_full_name(full: str) -> tuple[str, str]:
    """Split 'Ana María de la Cruz' into ('Ana María', 'de la Cruz'); 'Cruz, Ana' too."""
    text = clean_text(full)
    if not text:
        return "", ""
    if "," in text:
        last, _, first = text.partition(",")
        return clean_text(first), clean_text(last)
    words = text.split(" ")
    if len(words) == 1:
        return words[0], ""
    # Surname particles start the last name: "Ludwig van Beethoven" -> "van Beethoven".
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])
