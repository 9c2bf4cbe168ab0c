"""Use cases for saved partner export profiles."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.models import ExportProfile
from desktop_app.domain.errors import Conflict
from desktop_app.domain.records import ExportProfileData, validate_export_profile
from desktop_app.services.common import get_or_raise
from desktop_app.services.rows import ExportProfileRow
from desktop_app.services.uow import UnitOfWork


def save_profile(uow: UnitOfWork, data: ExportProfileData, profile_id: int | None = None) -> int:
    """Create a profile, or replace the one with profile_id; returns its id."""
    data = validate_export_profile(data)
    with uow:
        clash = uow.session.scalar(select(ExportProfile.id).where(ExportProfile.name == data.name))
        if clash is not None and clash != profile_id:
            raise Conflict(f"an export profile named '{data.name}' already exists")
        if profile_id is None:
            profile = ExportProfile()
            uow.session.add(profile)
        else:
            profile = get_or_raise(uow.session, ExportProfile, profile_id, "export profile")
        profile.name, profile.columns = data.name, list(data.columns)
        profile.filters = dict(data.filters)
        uow.flush()
        uow.commit()
        return profile.id


def delete_profile(uow: UnitOfWork, profile_id: int) -> None:
    """Delete an export profile."""
    with uow:
        uow.session.delete(get_or_raise(uow.session, ExportProfile, profile_id,
                                        "export profile"))
        uow.commit()


def list_profiles(uow: UnitOfWork) -> list[ExportProfileRow]:
    """Every export profile, by name."""
    with uow:
        return [ExportProfileRow(id=p.id, name=p.name, columns=tuple(p.columns),
                                 filters=dict(p.filters))
                for p in uow.session.scalars(select(ExportProfile).order_by(ExportProfile.name))]
