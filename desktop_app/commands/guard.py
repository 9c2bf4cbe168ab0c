"""What stands between a command and the terminal: one plain line per failure, never a
traceback or personal data, and a quiet exit when the reader of a pipe goes away."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable

from desktop_app import app_log
from desktop_app.domain.errors import UserError
from desktop_app.domain.safe_text import safe_for_message

PROG = "webinar-desk"
LARGEST_ID = 2**63 - 1
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)
EXIT_INTERRUPTED = 130  # 128 + SIGINT


def record_id(text: str) -> int:
    """argparse type for an id: a whole number that a database can hold."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value <= LARGEST_ID:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an id (ids are whole numbers from 1 to {LARGEST_ID})"
        )
    return value


def guarded(call: Callable[[], int]) -> int:
    """Run a command and return its exit status; failures become one line on stderr."""
    try:
        return call()
    except UserError as error:
        # Text from a file (a name, a cell) may hold terminal escapes: shown, never obeyed.
        _say(f"error: {safe_for_message(str(error), limit=2000)}")
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say("interrupted; what was being saved was not saved")
        return EXIT_INTERRUPTED
    except Exception as error:
        from desktop_app.services.failures import user_error

        found = user_error(error)
        if found is not None:
            _say(f"error: {found}")
        else:  # a bug: the traceback goes to the log, one line to the terminal
            app_log.log_uncaught(type(error), error, error.__traceback__)
            _say(f"error: {app_log.crash_line(type(error))}")
    return 1


def _say(text: str) -> None:
    """One line on stderr; a closed stderr is not worth a traceback either."""
    with contextlib.suppress(OSError):
        print(f"{PROG}: {text}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
