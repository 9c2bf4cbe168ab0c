"""Export profiles: the built-in ones and those staff saved, read, saved (never over a
colleague's newer version) and deleted."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.models import ExportProfile as StoredProfile
from desktop_app.domain.errors import NotFound, StaleRecord, UserError
from desktop_app.domain.export_profile import (
    EVERYTHING,
    PARTNERS,
    ExportProfile,
    everything_profile,
    partners_profile,
    validate_profile,
)
from desktop_app.services.common import stale_by, stale_text
from desktop_app.services.uow import UnitOfWork


def list_profiles(uow: UnitOfWork) -> list[ExportProfile]:
    """The profiles: the built-in "Partners (consent given)" (the default) and "Everything
    (internal use)" first, unless saved under those names, then the saved ones by name."""
    with uow:
        stored = [
            ExportProfile.from_stored(p.name, p.columns, p.filters, p.version)
            for p in uow.session.scalars(select(StoredProfile).order_by(StoredProfile.name))
        ]
    for built_in in (everything_profile(), partners_profile()):
        if not any(p.name == built_in.name for p in stored):
            stored.append(built_in)
    first = (PARTNERS, EVERYTHING)
    stored.sort(key=lambda p: (first.index(p.name) if p.name in first else 2, p.name.casefold()))
    return stored


def saved_profile_names(uow: UnitOfWork) -> set[str]:
    """Names of the profiles saved in the database (the built-in ones can be deleted only
    once saved over)."""
    with uow:
        return set(uow.session.scalars(select(StoredProfile.name)))


def get_profile(uow: UnitOfWork, name: str | None) -> ExportProfile:
    """A profile by name (None: the default, Partners (consent given)), or NotFound
    listing the names there are."""
    profiles = list_profiles(uow)
    wanted = name or PARTNERS
    for profile in profiles:
        if profile.name.casefold() == wanted.casefold():
            return profile
    raise NotFound(
        f"there is no export profile named '{wanted}'; there are: "
        f"{', '.join(p.name for p in profiles)}"
    )


def save_profile(uow: UnitOfWork, profile: ExportProfile, old_name: str | None = None) -> int:
    """Create a profile, or change the one named old_name (renaming it); returns its version.

    profile.version is the version the caller read (0 for a new or built-in profile); a
    profile changed elsewhere since is refused (StaleRecord), never overwritten.
    """
    profile = validate_profile(profile)
    with uow:
        stored = uow.session.scalar(
            select(StoredProfile).where(StoredProfile.name == (old_name or profile.name))
        )
        clash = uow.session.scalar(select(StoredProfile).where(StoredProfile.name == profile.name))
        if clash is not None and clash is not stored:
            raise UserError(f"an export profile named '{profile.name}' already exists")
        if stored is not None and stored.version != profile.version:
            if profile.version == 0 and old_name is None:
                raise UserError(f"an export profile named '{profile.name}' already exists")
            raise StaleRecord(stale_text("export profile", by=stale_by(stored)))
        if stored is None and profile.version != 0:
            raise StaleRecord(stale_text("export profile", deleted=True))
        if stored is None:
            stored = StoredProfile(name=profile.name)
            uow.session.add(stored)
        stored.name = profile.name
        stored.columns = [list(c) for c in profile.columns]
        stored.filters = profile.filters()
        uow.commit()
        return stored.version


def delete_profile(uow: UnitOfWork, name: str, version: int | None = None) -> None:
    """Delete a saved profile (the built-in Everything comes back on its own).

    version: the one the caller read; a profile changed elsewhere since is not deleted.
    """
    with uow:
        stored = uow.session.scalar(select(StoredProfile).where(StoredProfile.name == name))
        if stored is None:
            raise NotFound(f"there is no saved export profile named '{name}'")
        if version is not None and stored.version != version:
            raise StaleRecord(stale_text("export profile", by=stale_by(stored)))
        uow.session.delete(stored)
        uow.commit()
