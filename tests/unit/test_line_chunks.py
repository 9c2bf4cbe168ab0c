"""CSV text is split into lines a chunk at a time: the same lines as splitting it whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.io import table_limits
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_limits import bounded_lines

ENDINGS = st.sampled_from(["\n", "\r\n", "\r", ""])
LINE = st.text(alphabet='ab,"é ', max_size=12)


@given(st.lists(st.tuples(LINE, ENDINGS), max_size=40), st.integers(1, 9))
def test_chunks_give_the_lines_splitting_the_whole_text_gives(
    parts: list[tuple[str, str]], chunk: int
) -> None:
    text = "".join(line + end for line, end in parts)
    original = table_limits.CHUNK_CHARS
    table_limits.CHUNK_CHARS = chunk  # small chunks: every boundary case comes up
    try:
        assert list(bounded_lines("x.csv", text)) == text.splitlines(keepends=True)
    finally:
        table_limits.CHUNK_CHARS = original


def test_a_carriage_return_and_line_feed_across_a_boundary_stay_one_line_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(table_limits, "CHUNK_CHARS", 4)
    assert list(bounded_lines("x.csv", "abc\r\ndef\r\n")) == ["abc\r\n", "def\r\n"]


def test_an_overlong_line_in_a_later_chunk_is_named_by_its_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(table_limits, "CHUNK_CHARS", 10)
    monkeypatch.setattr(table_limits, "MAX_LINE_CHARS", 20)
    text = "a,b\n" * 30 + "x" * 50 + "\n" + "a,b\n"
    with pytest.raises(ImportRefused, match=r"x\.csv: line 31 is 51 characters long"):
        list(bounded_lines("x.csv", text))


def test_lines_with_separators_python_alone_breaks_at_are_kept_whole() -> None:
    text = "a\x0bb,c\nd\u2028e\r\n"
    assert list(bounded_lines("x.csv", text)) == ["a\x0bb,c\n", "d\u2028e\r\n"]
