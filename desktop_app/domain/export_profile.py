"""What a partner may receive: which people, which columns under which headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.errors import ValidationError

PEOPLE_CHOICES = ("registered", "attended", "everyone")


@dataclass(frozen=True)
class ColumnSpec:
    """A column that can be exported: its key, default heading, and whether it is personal."""

    key: str
    heading: str
    personal: bool = False
    per_session: bool = False  # repeated for each session (registered, attended, minutes)


# Personal columns are flagged in the preview: they identify or reach a person directly.
CATALOGUE: tuple[ColumnSpec, ...] = (
    ColumnSpec("first_name", "First name"),
    ColumnSpec("last_name", "Last name"),
    ColumnSpec("email", "Email", personal=True),
    ColumnSpec("organisation", "Organisation"),
    ColumnSpec("job_title", "Job title"),
    ColumnSpec("city", "City"),
    ColumnSpec("country", "Country"),
    ColumnSpec("sector", "Sector"),
    ColumnSpec("consent", "Consent to share"),
    ColumnSpec("registered_at", "Registered", per_session=True),
    ColumnSpec("registered", "Registered?", per_session=True),
    ColumnSpec("attended", "Attended", per_session=True),
    ColumnSpec("minutes", "Minutes", per_session=True),
)
BY_KEY = {spec.key: spec for spec in CATALOGUE}
EVERYTHING = "Everything (internal use)"
PARTNERS = "Partners (consent given)"  # the default: safe to send as it is


@dataclass(frozen=True)
class ExportProfile:
    """A saved choice of people and columns (stored as an export profile row)."""

    name: str
    columns: tuple[tuple[str, str], ...]  # (key, heading) in order
    people: str = "registered"
    require_consent: bool = True
    include_unknown_consent: bool = False
    session_ids: tuple[int, ...] = ()  # empty: every session of the series
    organisations: tuple[str, ...] = ()  # only people whose organisation contains one
    email_domains: tuple[str, ...] = ()  # ... or whose email ends with one
    sheet_per_session: bool = True
    file_name_pattern: str = "{series} - {profile} - {date}"
    # The stored row's version when read (0: not saved yet); not part of what it selects.
    version: int = field(default=0, compare=False)

    def personal_columns(self) -> list[str]:
        """Headings of the chosen columns that hold personal contact data."""
        return [heading for key, heading in self.columns if BY_KEY[key].personal]

    def filters(self) -> dict[str, Any]:
        """The people filters, as stored in the database."""
        return {
            "people": self.people,
            "require_consent": self.require_consent,
            "include_unknown_consent": self.include_unknown_consent,
            "session_ids": list(self.session_ids),
            "organisations": list(self.organisations),
            "email_domains": list(self.email_domains),
            "sheet_per_session": self.sheet_per_session,
            "file_name_pattern": self.file_name_pattern,
        }

    @staticmethod
    def from_stored(
        name: str, columns: list[Any], filters: dict[str, Any], version: int = 0
    ) -> ExportProfile:
        """A profile from its stored columns and filters."""
        return validate_profile(
            ExportProfile(
                name=name,
                columns=tuple((str(k), str(h)) for k, h in columns),
                people=str(filters.get("people", "registered")),
                require_consent=bool(filters.get("require_consent", True)),
                include_unknown_consent=bool(filters.get("include_unknown_consent", False)),
                session_ids=tuple(int(i) for i in filters.get("session_ids", [])),
                organisations=tuple(str(o) for o in filters.get("organisations", [])),
                email_domains=tuple(str(d) for d in filters.get("email_domains", [])),
                sheet_per_session=bool(filters.get("sheet_per_session", True)),
                file_name_pattern=str(
                    filters.get("file_name_pattern", "{series} - {profile} - {date}")
                ),
                version=version,
            )
        )


def everything_profile() -> ExportProfile:
    """Every column and every person, consent or not: for the team's own use."""
    return ExportProfile(
        EVERYTHING,
        tuple((c.key, c.heading) for c in CATALOGUE),
        people="everyone",
        require_consent=False,
        include_unknown_consent=True,
    )


def partner_profile(name: str) -> ExportProfile:
    """A cautious starting point for a partner: consenting registrants, no email."""
    keys = (
        "first_name",
        "last_name",
        "organisation",
        "job_title",
        "country",
        "registered",
        "attended",
    )
    return ExportProfile(name, tuple((k, BY_KEY[k].heading) for k in keys))


def partners_profile() -> ExportProfile:
    """The built-in default: registrants who agreed to share (unknown answers excluded),
    names, organisation and attendance; no email or other contact column."""
    return partner_profile(PARTNERS)


def is_internal(profile: ExportProfile) -> bool:
    """Whether a profile's files are for the team only: it does not ask for consent, so
    they may hold people who said no to sharing."""
    return not profile.require_consent


def validate_profile(profile: ExportProfile) -> ExportProfile:
    """The profile, or ValidationError naming what is wrong."""
    problems: dict[str, str] = {}
    if not profile.name.strip():
        problems["name"] = "a profile needs a name"
    if not profile.columns:
        problems["columns"] = "choose at least one column"
    unknown = [k for k, _ in profile.columns if k not in BY_KEY]
    if unknown:
        problems["columns"] = f"unknown columns: {', '.join(unknown)}"
    if any(not heading.strip() for _, heading in profile.columns):
        problems["columns"] = "every column needs a heading"
    if profile.people not in PEOPLE_CHOICES:
        problems["people"] = f"'{profile.people}' is not one of {', '.join(PEOPLE_CHOICES)}"
    if "{" in profile.file_name_pattern.replace("{series}", "").replace("{profile}", "").replace(
        "{date}", ""
    ).replace("{session}", ""):
        problems["file_name_pattern"] = (
            "the file name may use {series}, {profile}, {date} and {session} only"
        )
    if problems:
        raise ValidationError(problems)
    return profile
