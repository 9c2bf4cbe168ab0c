"""The declarative base every table shares: constraint names, column helpers, length checks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Integer, MetaData, event, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.db.types import UTCDateTime
from desktop_app.domain.errors import ValidationError

# Named constraints keep migrations reproducible (SQLite's batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now_utc() -> datetime:
    """The current instant, aware UTC."""
    return datetime.now(UTC)


def version_column() -> Mapped[int]:
    """A record's version, 1 when created and +1 on each change (a stale save is refused)."""
    return mapped_column(Integer, default=1, server_default=text("1"))


def versioned_by(column: Any) -> dict[str, Any]:
    """Mapper arguments that make every UPDATE/DELETE check and bump the version."""
    return {"version_id_col": column}


def one_of(column: str, values: type[Any]) -> str:
    """SQL CHECK text limiting a column to an enum's values."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class Base(DeclarativeBase):
    """Base class of every model; shares the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


def _refuse_overlong(mapper: Any, _connection: Any, target: Any) -> None:
    """Refuse text longer than its column on every engine alike: PostgreSQL would refuse
    it with a database error, SQLite would store it whole."""
    problems: dict[str, str] = {}
    for column in mapper.columns:
        limit = getattr(column.type, "length", None)
        if not limit:
            continue
        value = getattr(target, mapper.get_property_by_column(column).key, None)
        if isinstance(value, str) and len(value) > limit:
            problems[column.key] = f"at most {limit:,} characters fit (this has {len(value):,})"
    if problems:
        raise ValidationError(problems)


event.listen(Base, "before_insert", _refuse_overlong, propagate=True)
event.listen(Base, "before_update", _refuse_overlong, propagate=True)
