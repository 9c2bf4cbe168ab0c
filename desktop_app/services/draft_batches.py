"""The record of every batch of drafts: kind, session, recipients, when and where."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.models import DraftBatch, Session
from desktop_app.domain.draft_batches import DraftBatchRow
from desktop_app.services.common import get_or_raise
from desktop_app.services.uow import UnitOfWork


def record_batch(
    uow: UnitOfWork,
    session_id: int,
    kind: str,
    when: str,
    template_name: str,
    recipients: list[str],
    folder: str,
    sender: str,
) -> int:
    """Save the record of a batch just written; returns its id."""
    with uow:
        get_or_raise(uow.session, Session, session_id, "session")
        batch = DraftBatch(
            session_id=session_id,
            kind=kind,
            variant=when,
            template_name=template_name,
            recipient_count=len(recipients),
            recipients=recipients,
            folder=folder,
            sender=sender,
        )
        uow.session.add(batch)
        uow.flush()
        uow.commit()
        return batch.id


def list_batches(uow: UnitOfWork, session_id: int) -> list[DraftBatchRow]:
    """The batches written for a session, newest first."""
    with uow:
        get_or_raise(uow.session, Session, session_id, "session")
        rows = uow.session.execute(
            select(
                DraftBatch.id,
                DraftBatch.session_id,
                DraftBatch.kind,
                DraftBatch.variant,
                DraftBatch.template_name,
                DraftBatch.recipient_count,
                DraftBatch.folder,
                DraftBatch.sender,
                DraftBatch.created_at,
            )
            .where(DraftBatch.session_id == session_id)
            .order_by(DraftBatch.created_at.desc(), DraftBatch.id.desc())
        ).all()
    return [DraftBatchRow(*row) for row in rows]


def batch_recipients(uow: UnitOfWork, batch_id: int) -> list[str]:
    """The addresses one batch was written to."""
    with uow:
        return list(get_or_raise(uow.session, DraftBatch, batch_id, "draft batch").recipients)
