"""Search text folded the same way everywhere: 'García' is found by 'garcia', 'Zoë' by 'zoe'.

Databases fold differently (SQLite's LIKE only folds ASCII; PostgreSQL's depends on the
server's locale), so people's searchable fields are folded here once, stored beside them
(search_text), and queries compare folded text with folded text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

# Letters that carry no combining mark to strip, written as people type them without.
_PLAIN = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "ŀ": "l",
    }
)

REGISTRANT_SEARCHED = ("last_name", "first_name", "email", "organisation", "country", "job_title")
SPEAKER_SEARCHED = ("name", "email", "organisation", "title")


def fold(text: str) -> str:
    """text case-folded, without accents, spaces collapsed: ' Zoë  GARCÍA ' -> 'zoe garcia'."""
    if text.isascii():  # the common case: no accents to strip, and lower() is casefold()
        return " ".join(text.lower().split())
    return fold_unicode(text)


def fold_unicode(text: str) -> str:
    """fold for any text, ASCII or not (fold spares ASCII text this work)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_PLAIN).split())


def words(query: str) -> list[str]:
    """The folded words of what someone typed into a search box."""
    return fold(query).split()


def matches(search_text: str, query: str) -> bool:
    """True when every word of query occurs in search_text (already folded)."""
    return all(word in search_text for word in words(query))


def _search_text(values: Mapping[str, object], fields: tuple[str, ...]) -> str:
    return fold(" ".join(str(values.get(name) or "") for name in fields))


def registrant_search_text(values: Mapping[str, object]) -> str:
    """A registrant's searchable fields (by column name), folded into one text."""
    return _search_text(values, REGISTRANT_SEARCHED)


def registrant_search_text_of(
    last_name: str, first_name: str, email: str, organisation: str, country: str, job_title: str
) -> str:
    """registrant_search_text of values at hand, in the order of REGISTRANT_SEARCHED (an
    import folds 100,000 of them: no mapping built for each)."""
    return fold(" ".join((last_name, first_name, email, organisation, country, job_title)))


def speaker_search_text(values: Mapping[str, object]) -> str:
    """A speaker's searchable fields (by column name), folded into one text."""
    return _search_text(values, SPEAKER_SEARCHED)
