"""The column mapping names every field the importer knows, and only those."""

from __future__ import annotations

from desktop_app.io.columns import FIELDS
from ui.widgets.column_mapping import FIELD_LABELS


def test_every_import_field_has_a_label() -> None:
    assert set(FIELD_LABELS) - {""} == set(FIELDS)
    assert FIELD_LABELS[""] == "(ignore)"
