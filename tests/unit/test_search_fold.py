"""fold spares ASCII text the Unicode work, and folds it just as that work would."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.search import fold, fold_unicode


@given(st.text(alphabet=string.printable))
def test_ascii_text_folds_as_the_unicode_path_folds_it(text: str) -> None:
    assert fold(text) == fold_unicode(text)


@given(st.text())
def test_any_text_folds_as_the_unicode_path_folds_it(text: str) -> None:
    assert fold(text) == fold_unicode(text)


def test_accents_and_case_go() -> None:
    assert fold(" Zoë  GARCÍA ") == "zoe garcia"
    assert fold("ABC\tdef") == "abc def"
