"""Use cases for webinar series."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.models import Series
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import SeriesData, validate_series
from desktop_app.domain.rows import SeriesRow
from desktop_app.services.common import get_current, get_or_raise
from desktop_app.services.uow import UnitOfWork


def to_row(series: Series) -> SeriesRow:
    """A frozen copy of a series."""
    return SeriesRow(
        id=series.id,
        title=series.title,
        organiser=series.organiser,
        description=series.description,
        home_zone=series.home_zone,
        display_zones=tuple(series.display_zones),
        default_platform=series.default_platform,
        version=series.version,
        is_demo=bool(series.created_by_demo),
    )


def create_series(uow: UnitOfWork, data: SeriesData) -> int:
    """Save a new series and return its id."""
    data = validate_series(data)
    with uow:
        series = Series(
            title=data.title,
            organiser=data.organiser,
            description=data.description,
            home_zone=data.home_zone,
            display_zones=list(data.display_zones),
            default_platform=data.default_platform,
        )
        uow.session.add(series)
        uow.flush()
        uow.commit()
        return series.id


def update_series(uow: UnitOfWork, series_id: int, data: SeriesData, version: int) -> int:
    """Replace the editable fields of a series still at `version`; returns its new version."""
    data = validate_series(data)
    with uow:
        series = get_current(uow.session, Series, series_id, "series", version)
        series.title, series.organiser = data.title, data.organiser
        series.description, series.home_zone = data.description, data.home_zone
        series.display_zones = list(data.display_zones)
        series.default_platform = data.default_platform
        uow.commit()
        return series.version


def delete_series(uow: UnitOfWork, series_id: int, version: int) -> None:
    """Delete a series (still at `version`) with its sessions, speaker parts and registrations."""
    with uow:
        uow.session.delete(get_current(uow.session, Series, series_id, "series", version))
        uow.commit()


def get_series(uow: UnitOfWork, series_id: int) -> SeriesRow:
    """One series by id."""
    with uow:
        return to_row(get_or_raise(uow.session, Series, series_id, "series"))


def list_series(uow: UnitOfWork) -> list[SeriesRow]:
    """Every series, by title."""
    with uow:
        return [to_row(s) for s in uow.session.scalars(select(Series).order_by(Series.title))]


def default_series_id(uow: UnitOfWork, requested: int | None = None) -> int:
    """The series a command means: the one asked for, else the only one there is."""
    if requested is not None:
        get_series(uow, requested)  # NotFound when it does not exist
        return requested
    every = list_series(uow)
    if len(every) == 1:
        return every[0].id
    held = f"{len(every)} series" if every else "no series"
    raise UserError(f"the database holds {held}; say which with --series ID")
