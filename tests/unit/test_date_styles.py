"""Every date style the exports write, generated at random and read back exactly.

STYLES renders a datetime the way one tool or locale writes it; the tests render random
datetimes in every style and check that reading gives the same instant back. Also
used by the import fuzz tests to put random dates into whole files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.date_columns import read_column
from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST, DateError, parse_datetime, scan

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
DATES = settings(
    max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ
)

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
}  # fmt: skip
SHORT = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.",
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.",
}  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def month(language: str, number: int, short: bool = False) -> str:
    return (SHORT if short else MONTHS)[language].split()[number - 1]


def twelve(moment: datetime) -> tuple[int, str]:
    """(hour on a 12-hour clock, 'AM' or 'PM')."""
    return (moment.hour % 12 or 12), ("AM" if moment.hour < 12 else "PM")


def gmt(minutes: int) -> str:
    """'GMT-7', 'GMT+5:30' as Google Forms writes offsets."""
    sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"GMT{sign}{minutes // 60}" + (f":{minutes % 60:02}" if minutes % 60 else "")


# Each style: (name, render(moment, offset minutes) -> (text, expected), order to read in)
Style = tuple[str, Callable[[datetime, int], tuple[str, datetime]], str]


def _styles() -> list[Style]:
    def iso(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m:%Y-%m-%d %H:%M:%S}", m

    def iso_z(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m:%Y-%m-%dT%H:%M:%S}Z", m.replace(tzinfo=UTC)

    def iso_offset(m: datetime, o: int) -> tuple[str, datetime]:
        aware = m.replace(tzinfo=timezone(timedelta(minutes=o)))
        return aware.isoformat(), aware

    def google(m: datetime, o: int) -> tuple[str, datetime]:
        hour, half = twelve(m)
        text = f"{m.year}/{m.month:02}/{m.day:02} {hour}:{m:%M:%S} {half} {gmt(o)}"
        return text, m.replace(tzinfo=timezone(timedelta(minutes=o)))

    def zoom_us(m: datetime, o: int) -> tuple[str, datetime]:
        hour, half = twelve(m)
        return f"{m:%m/%d/%Y} {hour:02}:{m:%M:%S} {half}", m

    def excel_us(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.month}/{m.day:02}/{m:%y} {m.hour}:{m:%M}", m.replace(second=0)

    def teams(m: datetime, o: int) -> tuple[str, datetime]:
        hour, half = twelve(m)
        return f"{m.month}/{m.day}/{m:%y}, {hour}:{m:%M:%S} {half}", m

    def day_first(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m:%d/%m/%Y %H:%M}", m.replace(second=0)

    def dotted(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m:%d.%m.%Y %H:%M:%S}", m

    def zoom_words(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{month('en', m.month, True)} {m.day:02}, {m.year} {m:%H:%M:%S}", m

    def english_long(m: datetime, o: int) -> tuple[str, datetime]:
        hour, half = twelve(m)
        weekday = WEEKDAYS[m.weekday()]
        text = f"{weekday}, {month('en', m.month)} {m.day}, {m.year} {hour}:{m:%M} {half}"
        return text, m.replace(second=0)

    def spanish(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day} de {month('es', m.month)} de {m.year}", m.replace(
            hour=0, minute=0, second=0
        )

    def spanish_short(m: datetime, o: int) -> tuple[str, datetime]:
        hour, half = twelve(m)
        text = f"{m.day} {month('es', m.month, True)} {m.year}, {hour}:{m:%M} {half[0].lower()}. m."
        return text, m.replace(second=0)

    def french(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day} {month('fr', m.month)} {m.year} à {m:%H}h{m:%M}", m.replace(second=0)

    def french_short(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day} {month('fr', m.month, True)} {m.year}", m.replace(
            hour=0, minute=0, second=0
        )

    def german(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day}. {month('de', m.month)} {m.year}, {m:%H:%M} Uhr", m.replace(second=0)

    def german_short(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day}. {month('de', m.month, True)} {m.year} {m:%H:%M}", m.replace(second=0)

    def portuguese(m: datetime, o: int) -> tuple[str, datetime]:
        text = f"{m.day} de {month('pt', m.month)} de {m.year} às {m:%H:%M}"
        return text, m.replace(second=0)

    def portuguese_short(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m.day:02}-{month('pt', m.month, True)}-{m.year}", m.replace(
            hour=0, minute=0, second=0
        )

    def excel_serial(m: datetime, o: int) -> tuple[str, datetime]:
        days = (m - datetime(1899, 12, 30)).total_seconds() / 86400
        return f"{days:.6f}", m

    def named_zone(m: datetime, o: int) -> tuple[str, datetime]:
        return f"{m:%Y-%m-%d %H:%M} CEST", m.replace(second=0, tzinfo=timezone(timedelta(hours=2)))

    return [
        ("ISO", iso, MONTH_FIRST),
        ("ISO with Z", iso_z, MONTH_FIRST),
        ("ISO with offset", iso_offset, MONTH_FIRST),
        ("Google Forms with GMT offset", google, MONTH_FIRST),
        ("Zoom US 12-hour", zoom_us, MONTH_FIRST),
        ("Excel US 2-digit year", excel_us, MONTH_FIRST),
        ("Teams", teams, MONTH_FIRST),
        ("day first", day_first, DAY_FIRST),
        ("dotted", dotted, DAY_FIRST),
        ("Zoom month name", zoom_words, MONTH_FIRST),
        ("English with weekday", english_long, MONTH_FIRST),
        ("Spanish", spanish, DAY_FIRST),
        ("Spanish short, p. m.", spanish_short, DAY_FIRST),
        ("French", french, DAY_FIRST),
        ("French short", french_short, DAY_FIRST),
        ("German", german, DAY_FIRST),
        ("German short", german_short, DAY_FIRST),
        ("Portuguese", portuguese, DAY_FIRST),
        ("Portuguese short", portuguese_short, DAY_FIRST),
        ("Excel serial number", excel_serial, MONTH_FIRST),
        ("named zone", named_zone, MONTH_FIRST),
    ]


STYLES = _styles()
moments = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2068, 12, 31))
offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: q * 15)


@DATES
@given(moment=moments, offset=offsets, style=st.sampled_from(STYLES))
def test_every_style_reads_back(moment: datetime, offset: int, style: Style) -> None:
    name, render, order = style
    text, expected = render(moment.replace(microsecond=0), offset)
    assert parse_datetime(text, order) == expected, (name, text)


@DATES
@given(moments=st.lists(moments, min_size=1, max_size=8), style=st.sampled_from(STYLES))
def test_a_column_in_one_style_is_read_whole(moments: list[datetime], style: Style) -> None:
    """A column's order is settled or guessed; where no value settles it the guess may be
    wrong, but then the column says it is ambiguous and the other order reads it right."""
    name, render, order = style
    pairs = [render(m.replace(microsecond=0), 60) for m in moments]
    reading = read_column(text for text, _ in pairs)
    assert reading.errors == {}, name
    if not all(reading.values[text] == expected for text, expected in pairs):
        assert reading.order != order and reading.ambiguous, (name, pairs)
        reading = read_column((text for text, _ in pairs), order)
    assert all(reading.values[text] == expected for text, expected in pairs), name


@DATES
@given(
    text=st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789/:.-, APMGTUCZapmtzde+", max_size=30),
    )
)
def test_any_text_is_a_date_nothing_or_a_clear_error(text: str) -> None:
    try:
        found = scan(text)
    except DateError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert found is None or isinstance(found, datetime | tuple)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9999-12-31 23:59:59", "is outside the years 1900–2199"),
        ("0001-01-01T00:00:00+05:00", "is outside the years 1900–2199"),
        ("31/31/26", "is not a date"),
        ("2026-10-07 25:00", "is not a date"),
        ("13:00 PM 10/07/2026", "is not a date in a style this app knows"),
        ("10/07/2026 13:00 PM", "has hour 13 on a 12-hour clock"),
        ("2026-10-07 13:00 GMT+15", "has an offset from UTC that no place uses"),
        ("2026-10-07 13:00 XYZ", "names a time zone ('XYZ') this app does not know"),
        ("42", "is not a date in a style this app knows"),
        ("1e400", "is not a date in a style this app knows"),
        ("123", "is not a date in a style this app knows"),
        ("2026", "is a number, not a date"),
        ("150000", "is a number, not a date"),
    ],
)
def test_what_is_no_date_says_why(text: str, reason: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_datetime(text)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    ("texts", "order", "ambiguous", "settled_by"),
    [
        (["13/09/2026", "02/09/2026"], DAY_FIRST, False, "13/09/2026"),
        (["9/14/26 9:30", "9/02/26 14:03"], MONTH_FIRST, False, "9/14/26 9:30"),
        (["01/10/2026", "05/10/2026", "07/10/2026"], DAY_FIRST, True, ""),  # days apart
        (["10/01/2026", "10/05/2026"], MONTH_FIRST, True, ""),
        (["05/05/2026"], MONTH_FIRST, False, ""),  # reads the same either way
        (["2026-10-07", "Oct 7, 2026"], MONTH_FIRST, False, ""),
    ],
)
def test_a_column_decides_its_order(
    texts: list[str], order: str, ambiguous: bool, settled_by: str
) -> None:
    reading = read_column(texts)
    assert (reading.order, reading.ambiguous, reading.settled_by) == (order, ambiguous, settled_by)


def test_a_mixed_column_keeps_the_majority_and_notes_the_rest() -> None:
    reading = read_column(["25/10/2026", "26/10/2026", "10/27/2026"])
    assert reading.order == DAY_FIRST
    assert reading.errors == {"10/27/2026": "is not a date when read day-first"}
