"""What a change to the data touched: which kinds of record and, where known, which ids, so
that each view reloads only what it shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SERIES = "series"
SESSION = "session"
SPEAKER = "speaker"
APPEARANCE = "appearance"  # a speaker's part in a session
REGISTRANT = "registrant"
REGISTRATION = "registration"
IMPORT = "import"  # an import batch (the import history)
RUN_OF_SHOW = "run_of_show"
MAIL = "mail"  # a batch of mail drafts recorded for a session
KINDS = frozenset(
    {SERIES, SESSION, SPEAKER, APPEARANCE, REGISTRANT, REGISTRATION, IMPORT, RUN_OF_SHOW, MAIL}
)


@dataclass(frozen=True, eq=False)
class Change:
    """One change: the kinds of record it touched, the ids it knows, what came or went.

    `ids` maps a kind to the ids of its records the change touched; a touched kind missing
    from `ids` means "any of them". `ids` may also name records of a related kind, e.g. the
    registrant whose registration changed. `reshaped` lists the kinds whose records were
    created or deleted rather than edited.
    """

    kinds: frozenset[str]
    ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    reshaped: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = (self.kinds | set(self.ids) | self.reshaped) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of record: {sorted(unknown)}")

    def touches(self, *kinds: str) -> bool:
        """True when the change touched records of any of these kinds."""
        return not self.kinds.isdisjoint(kinds)

    def ids_of(self, kind: str) -> frozenset[int] | None:
        """The ids of a kind the change names, or None when any of them may have changed."""
        return self.ids.get(kind)

    def __repr__(self) -> str:
        ids = {kind: sorted(values) for kind, values in self.ids.items()}
        return f"Change({sorted(self.kinds)}, ids={ids}, reshaped={sorted(self.reshaped)})"


def change(
    *kinds: str,
    reshaped: Iterable[str] = (),
    **ids: Iterable[int],
) -> Change:
    """A Change from keywords: change(REGISTRANT, registrant=[4, 7])."""
    return Change(
        frozenset(kinds),
        {kind: frozenset(values) for kind, values in ids.items()},
        frozenset(reshaped),
    )


EVERYTHING = Change(KINDS, {}, KINDS)
