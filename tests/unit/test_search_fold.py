"""Search text folded by the short cuts an import takes is the text the long way gives."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.search import (
    REGISTRANT_SEARCHED,
    fold,
    fold_unicode,
    registrant_search_text,
    registrant_search_text_of,
)


@given(st.text(alphabet=string.printable))
def test_ascii_text_folds_as_the_unicode_path_folds_it(text: str) -> None:
    assert fold(text) == fold_unicode(text)


@given(st.text())
def test_any_text_folds_as_the_unicode_path_folds_it(text: str) -> None:
    assert fold(text) == fold_unicode(text)


def test_accents_and_case_go() -> None:
    assert fold(" Zoë  GARCÍA ") == "zoe garcia"
    assert fold("ABC\tdef") == "abc def"


@given(st.lists(st.text(max_size=8), min_size=6, max_size=6))
def test_a_registrants_search_text_is_the_same_from_values_at_hand(texts: list[str]) -> None:
    values = dict(zip(REGISTRANT_SEARCHED, texts, strict=True))
    assert registrant_search_text_of(*texts) == registrant_search_text(values)
