"""The guard around every command: one plain line, no traceback, no personal data."""

from __future__ import annotations

import argparse
import errno

import pytest

from desktop_app.commands.guard import EXIT_INTERRUPTED, guarded, record_id
from desktop_app.domain.errors import UserError


def fail(error: BaseException) -> int:
    raise error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (UserError("the file x.csv has no email column"), "no email column"),
        (OSError(errno.ENOSPC, "No space left", "/data/out.xlsx"), "/data/out.xlsx: the disk"),
        (OSError(errno.EACCES, "Permission denied", "/data/out.xlsx"), "you may not write"),
        (KeyError("ann@private.example"), "Something went wrong (KeyError)"),
    ],
)
def test_a_failure_is_one_line_without_what_it_was_about(
    error: BaseException, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert guarded(lambda: fail(error)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("webinar-desk: error: ")
    assert expected in err and "Traceback" not in err and "ann@private" not in err


def test_ctrl_c_is_a_plain_line_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert guarded(lambda: fail(KeyboardInterrupt())) == EXIT_INTERRUPTED
    assert "interrupted" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["0", "-1", "abc", "99999999999999999999", "9223372036854775808"])
def test_ids_a_database_cannot_hold_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="is not an id"):
        record_id(text)
    assert record_id("9223372036854775807") == 2**63 - 1
