"""Small English helpers for counted nouns and articles, so no message says '1 sessions'."""

from __future__ import annotations

import re

# Words that start with a vowel letter but a consonant sound, and the reverse.
_CONSONANT_SOUND = re.compile(r"(one|once|uni|use|usu|eu|ewe|u[bcfhklmrst][aeiou])", re.I)
_VOWEL_SOUND = re.compile(r"(hour|honest|honou?r|heir|[aeiou])", re.I)
_PLURALS = {"series": "series", "person": "people", "was": "were", "has": "have"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 session', '2 sessions', '1,234 registrants' (many: the plural when not word+'s')."""
    if count == 1:
        return f"1 {word}"
    return f"{count:,} {many or _PLURALS.get(word) or word + 's'}"


def article(phrase: str) -> str:
    """'a' or 'an' for the sound the phrase starts with: 'an 8-minute gap', 'a 5-minute gap'."""
    text = phrase.lstrip()
    digits = re.match(r"\d[\d,]*", text)
    if digits:
        number = digits.group().replace(",", "")
        # Said aloud: eight…, eighty…, eleven, eighteen (and eleven/eighteen thousand…).
        spoken_eleven = len(number) % 3 == 2 and number[:2] in ("11", "18")
        return "an" if number.startswith("8") or spoken_eleven else "a"
    if _CONSONANT_SOUND.match(text):
        return "a"
    return "an" if _VOWEL_SOUND.match(text) else "a"


def with_article(phrase: str) -> str:
    """The phrase after its indefinite article: 'an 8-minute gap'."""
    return f"{article(phrase)} {phrase}"
