"""Reading and saving the user's preferences: JSON in the per-user configuration folder."""

from __future__ import annotations

import json
import locale
import logging
import os
from pathlib import Path

from desktop_app.domain import timezones
from desktop_app.domain.errors import UserError
from desktop_app.domain.preferences import Preferences, from_json, validate_preferences
from desktop_app.io.atomic import atomic_path
from desktop_app.io.file_guard import read_regular_file

CONFIG_ENV = "WEBINAR_DESK_CONFIG_DIR"
FILE_NAME = "preferences.json"
# Where paper is Letter-sized (the rest of the world uses A4).
_LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR"}
log = logging.getLogger(__name__)


def config_dir() -> Path:
    """$WEBINAR_DESK_CONFIG_DIR, else the per-user configuration folder of the app."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser()
    from platformdirs import user_config_path

    return user_config_path("WebinarDesk", appauthor=False)


def preferences_path(folder: Path | None = None) -> Path:
    """The preferences file (in folder, or the configuration folder)."""
    return (folder or config_dir()) / FILE_NAME


def defaults() -> Preferences:
    """What a new user starts with: this computer's zone and its country's paper."""
    return Preferences(paper_size=_local_paper(), home_zone=_local_zone())


def load_preferences(folder: Path | None = None) -> Preferences:
    """The saved preferences; defaults for anything missing, unreadable or invalid.

    Never raises: a damaged file must not stop an export or the app from starting (the
    problem is logged, and saving writes a good file again).
    """
    path = preferences_path(folder)
    fallback = defaults()
    if not os.path.lexists(path):
        return fallback
    try:  # through the guard: a pipe in its place must not hang the start
        text = read_regular_file(path, 1024 * 1024, "it is not a preferences file").decode()
    except (UserError, UnicodeDecodeError) as error:
        log.warning("cannot read the preferences %s: %s", path, error)
        return fallback
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        log.warning("the preferences %s are not JSON (%s); using defaults", path, error)
        return fallback
    return from_json(data, fallback)


def save_preferences(prefs: Preferences, folder: Path | None = None) -> Preferences:
    """Check and store preferences (atomically); returns them as stored."""
    prefs = validate_preferences(prefs)
    path = preferences_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as temporary:
            temporary.write_text(
                json.dumps(prefs.as_json(), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
    except OSError as error:
        raise UserError(
            f"cannot save the preferences to {path}: {error.strerror or error}"
        ) from None
    return prefs


def _local_zone() -> str:
    """This computer's IANA zone when it can be told, else Los Angeles (the old default)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if name and "/" in name and not name.startswith("Etc/") and timezones.is_zone(name):
            return name
    return Preferences.home_zone


def _local_paper() -> str:
    """Letter where the locale's country uses it, else A4."""
    for category in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(category, "")
        if value:
            country = value.split(".", 1)[0].partition("_")[2].upper()
            return "Letter" if country in _LETTER_COUNTRIES else "A4"
    country = (locale.getlocale()[0] or "").partition("_")[2].upper()
    return "Letter" if country in _LETTER_COUNTRIES else "A4"
