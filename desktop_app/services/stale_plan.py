"""An import planned against data that another import changed meanwhile: plan once more."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from desktop_app.domain.errors import Conflict, UserError

log = logging.getLogger(__name__)
T = TypeVar("T")


def plan_again_if_stale(attempt: Callable[[], T]) -> T:
    """Run an import attempt; when its plan went stale, run it once more, then refuse.

    An import plans (who is new, who changes) and then writes. If another import adds the
    same people in between, the write breaks a uniqueness rule (Conflict) and its whole
    transaction is rolled back; a second plan sees those people and merges with them.
    """
    try:
        return attempt()
    except Conflict as first:
        log.info("import plan went stale (%s); planning again", first)
    try:
        return attempt()
    except Conflict:
        raise UserError(
            "another import was bringing in the same people at the same time, so this one "
            "stopped; nothing was imported — try again when the other has finished"
        ) from None
