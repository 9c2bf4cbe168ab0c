"""Mail templates per series: the built-in ones, and those staff saved (which win by name)."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.models import MailTemplate as StoredTemplate
from desktop_app.db.models import Series
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.domain.mail_kinds import MailKind
from desktop_app.domain.mail_templates import (
    MailTemplate,
    builtin_template,
    builtin_templates,
    default_name,
    validate_template,
)
from desktop_app.services.common import get_or_raise
from desktop_app.services.uow import UnitOfWork


def list_templates(
    uow: UnitOfWork, series_id: int, kind: MailKind | None = None
) -> list[MailTemplate]:
    """A series' templates (of one kind, or all): saved ones, and built-ins not overridden."""
    with uow:
        get_or_raise(uow.session, Series, series_id, "series")
        query = select(StoredTemplate).where(StoredTemplate.series_id == series_id)
        saved = [
            MailTemplate(t.name, MailKind(t.kind), t.subject, t.body)
            for t in uow.session.scalars(query)
        ]
    names = {t.name.casefold() for t in saved}
    every = saved + [t for t in builtin_templates() if t.name.casefold() not in names]
    every.sort(key=lambda t: (list(MailKind).index(t.kind), not t.builtin, t.name.casefold()))
    return [t for t in every if kind is None or t.kind == kind]


def get_template(
    uow: UnitOfWork,
    series_id: int,
    kind: MailKind,
    name: str | None = None,
    when: str = "",
    cancelled: bool = False,
) -> MailTemplate:
    """The template named (any kind), else the series' own or built-in one for the kind
    (for a cancelled session's change notice, the cancellation notice)."""
    every = list_templates(uow, series_id)
    wanted = (name or default_name(kind, when, cancelled)).casefold()
    for template in every:
        if template.name.casefold() == wanted:
            return template
    if name is None:
        return builtin_template(kind, when, cancelled)
    raise NotFound(
        f"there is no mail template named '{name}'; there are: {', '.join(t.name for t in every)}"
    )


def save_template(
    uow: UnitOfWork, series_id: int, template: MailTemplate, old_name: str | None = None
) -> MailTemplate:
    """Create or replace a series' template (renaming it from old_name); returns it saved."""
    template = validate_template(template)
    with uow:
        get_or_raise(uow.session, Series, series_id, "series")
        mine = select(StoredTemplate).where(StoredTemplate.series_id == series_id)
        stored = uow.session.scalar(mine.where(StoredTemplate.name == (old_name or template.name)))
        clash = uow.session.scalar(mine.where(StoredTemplate.name == template.name))
        if clash is not None and clash is not stored:
            raise UserError(f"this series already has a mail template named '{template.name}'")
        if stored is None:
            stored = StoredTemplate(series_id=series_id, name=template.name)
            uow.session.add(stored)
        stored.name, stored.kind = template.name, template.kind.value
        stored.subject, stored.body = template.subject, template.body
        uow.commit()
    return template


def delete_template(uow: UnitOfWork, series_id: int, name: str) -> None:
    """Delete a saved template (a built-in one of that name comes back)."""
    with uow:
        stored = uow.session.scalar(
            select(StoredTemplate).where(
                StoredTemplate.series_id == series_id, StoredTemplate.name == name
            )
        )
        if stored is None:
            raise NotFound(f"this series has no saved mail template named '{name}'")
        uow.session.delete(stored)
        uow.commit()
