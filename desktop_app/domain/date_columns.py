"""Reading a whole column of dates: its order decided from its values, each text read once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    Ambiguous,
    DateError,
    resolve,
    scan,
)


@dataclass(frozen=True)
class ColumnReading:
    """How one column's dates were read, and what each of its texts became."""

    order: str  # MONTH_FIRST or DAY_FIRST: how numeric dates such as 05/06/2026 were read
    ambiguous: bool  # no value settles the order (the reading used is a guess)
    settled_by: str  # a value that settles the order ('25/10/2026'), or ''
    values: dict[str, datetime | None]  # every readable text -> its date (None: empty)
    errors: dict[str, str]  # every unreadable text -> why, e.g. 'is not a date'


def read_column(
    texts: Iterable[str], order: str | None = None, default: str = MONTH_FIRST
) -> ColumnReading:
    """Read a column's texts, each distinct one once.

    order, when given, is the user's choice; otherwise a value with 13 or more in first
    place settles day-first (in second place, month-first). With no such value, the
    reading whose dates lie closer together wins (registrations cluster in weeks, not
    months apart), and default breaks a tie.
    """
    values: dict[str, datetime | None] = {}
    errors: dict[str, str] = {}
    numeric: dict[str, Ambiguous] = {}
    for text in set(texts):
        try:
            found = scan(text)
        except DateError as error:
            errors[text] = error.reason
            continue
        if found is None or isinstance(found, datetime):
            values[text] = found
        else:
            numeric[text] = found
    decided, ambiguous, settled_by = decide_order(numeric, default)
    used = order or decided
    for text, found in numeric.items():
        try:
            values[text] = resolve(text, found, used)
        except DateError as error:
            errors[text] = error.reason
    return ColumnReading(used, ambiguous, settled_by, values, errors)


def decide_order(numeric: dict[str, Ambiguous], default: str) -> tuple[str, bool, str]:
    """(order, ambiguous, a value that settles it) for a column's numeric dates."""
    day_first = sorted(t for t, f in numeric.items() if f[0] > 12 >= f[1])
    month_first = sorted(t for t, f in numeric.items() if f[1] > 12 >= f[0])
    if len(day_first) > len(month_first):
        return DAY_FIRST, False, day_first[0]
    if len(month_first) > len(day_first):
        return MONTH_FIRST, False, month_first[0]
    if day_first:  # as many of each: a mixed column; the default's values are kept
        return default, False, (month_first if default == MONTH_FIRST else day_first)[0]
    either = [f for f in numeric.values() if f[0] != f[1]]
    if not either:
        return default, False, ""
    spans = {order: _span(either, order) for order in (MONTH_FIRST, DAY_FIRST)}
    if spans[MONTH_FIRST] == spans[DAY_FIRST]:
        return default, True, ""
    return min(spans, key=lambda order: spans[order]), True, ""


def _span(found: list[Ambiguous], order: str) -> int:
    """Days between the earliest and latest date when read in order (huge if one is no date)."""
    days: list[int] = []
    for first, second, year, *_ in found:
        month, day = (first, second) if order == MONTH_FIRST else (second, first)
        try:
            days.append(date(year, month, day).toordinal())
        except ValueError:
            return 1 << 30
    return max(days) - min(days)
