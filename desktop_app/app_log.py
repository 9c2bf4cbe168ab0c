"""The app's log: a rotating file in the user data folder, set up once at start-up for the
window and the headless commands alike, and a hook that logs uncaught exceptions."""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

LOG_DIR_ENV = "WEBINAR_DESK_LOG_DIR"  # another folder for the log (tests, portable use)
LOG_NAME = "webinar-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 4  # webinar-desk.log.1 … .4 are kept beside the current file
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("desktop_app")
_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    """$WEBINAR_DESK_LOG_DIR, else the `logs` folder in the user data folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    # The same folder as desktop_app.db.engine.default_data_dir() (a test checks it);
    # importing that module would load SQLAlchemy before the window's first paint.
    from platformdirs import user_data_path

    return user_data_path("WebinarDesk", appauthor=False) / "logs"


def configure(directory: Path | None = None) -> Path | None:
    """Send the app's log records to a rotating file; returns it (None if it cannot be
    written). Calling again moves the log to the new folder."""
    global _handler
    stop()
    folder = directory if directory is not None else log_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if directory is None and os.name == "posix":
            os.chmod(folder, 0o700)  # ours: the log may quote what went wrong with whom
    except OSError as error:
        print(f"webinar-desk: warning: cannot write a log in {folder}: {error}", file=sys.stderr)
        return None
    # delay: the file is only created when something is logged.
    handler = _PrivateFileHandler(
        folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _handler = handler
    return log_file()


class _PrivateFileHandler(RotatingFileHandler):
    """A rotating log whose files only their owner may read (0600)."""

    def _open(self) -> Any:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def stop() -> None:
    """Detach and close the log file (configure() does this before moving it)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def log_file() -> Path | None:
    """The file the log is written to, once configured."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Write an uncaught exception with its traceback to the log."""
    log.critical("uncaught %s", kind.__name__, exc_info=(kind, error, trace))


def crash_line(kind: type[BaseException]) -> str:
    """The one line a user reads about a bug: no traceback, no data, where the details are."""
    where = log_file()
    place = f"the log is at {where}" if where is not None else "no log could be written"
    return f"Something went wrong ({kind.__name__}); {place}."


def _headless_hook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log_uncaught(kind, error, trace)
    print(f"webinar-desk: error: {crash_line(kind)}", file=sys.stderr)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    """Uncaught exceptions, in any thread, go to the log and leave one line on stderr.

    The window installs its own sys.excepthook on top (a dialog instead of the line);
    exceptions in other threads are passed to whichever sys.excepthook is current.
    """
    sys.excepthook = _headless_hook
    threading.excepthook = _thread_hook
