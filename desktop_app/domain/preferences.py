"""The user's preferences: who they are, paper, folders, zones for new series, and the rules."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from desktop_app.domain import people, timezones
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import SeriesData

PAPER_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class Preferences:
    """What the user set once for every database: names on exports, paper, folders, zones."""

    staff_name: str = ""
    staff_email: str = ""
    organisation: str = ""
    paper_size: str = "A4"
    export_folder: str = ""  # empty: the user's Documents folder
    home_zone: str = "America/Los_Angeles"  # for new series
    display_zones: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """A plain dict to store (tuples as lists)."""
        data = dataclasses.asdict(self)
        data["display_zones"] = list(self.display_zones)
        return data


def validate_preferences(prefs: Preferences) -> Preferences:
    """Preferences with text trimmed and the email normalised, or ValidationError."""
    prefs = dataclasses.replace(
        prefs,
        staff_name=prefs.staff_name.strip(),
        staff_email=prefs.staff_email.strip(),
        organisation=prefs.organisation.strip(),
        export_folder=prefs.export_folder.strip(),
        home_zone=prefs.home_zone.strip(),
        display_zones=tuple(dict.fromkeys(z.strip() for z in prefs.display_zones if z.strip())),
    )
    problems: dict[str, str] = {}
    if prefs.staff_email:
        if people.is_email(prefs.staff_email):
            prefs = dataclasses.replace(
                prefs, staff_email=people.normalise_email(prefs.staff_email)
            )
        else:
            problems["staff_email"] = f"'{prefs.staff_email}' is not an email address"
    sizes = {size.casefold(): size for size in PAPER_SIZES}
    if prefs.paper_size.strip().casefold() in sizes:
        prefs = dataclasses.replace(prefs, paper_size=sizes[prefs.paper_size.strip().casefold()])
    else:
        problems["paper_size"] = f"'{prefs.paper_size}' is not a paper size here; use A4 or Letter"
    for name, zones in (("home_zone", (prefs.home_zone,)), ("display_zones", prefs.display_zones)):
        for zone_name in zones:
            try:
                timezones.zone(zone_name)
            except timezones.UnknownTimeZone as error:
                problems[name] = str(error)
    if problems:
        raise ValidationError(problems)
    return prefs


def from_json(data: object, fallback: Preferences) -> Preferences:
    """Preferences read from stored JSON: each value that is missing or bad falls back."""
    if not isinstance(data, dict):
        return fallback
    result = fallback
    for field in dataclasses.fields(Preferences):
        value: Any = data.get(field.name)
        if field.name == "display_zones" and isinstance(value, list):
            value = tuple(str(v) for v in value)
        elif not isinstance(value, str):
            continue
        changes: dict[str, Any] = {field.name: value}
        candidate = dataclasses.replace(result, **changes)
        try:
            result = validate_preferences(candidate)
        except ValidationError:
            continue
    return result


def series_defaults(prefs: Preferences, title: str = "") -> SeriesData:
    """A new series as the preferences would start it: their organisation and zones."""
    return SeriesData(
        title=title,
        organiser=prefs.organisation,
        home_zone=prefs.home_zone,
        display_zones=prefs.display_zones,
    )
