"""Backups: a consistent copy that opens as a database; failures leave no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.errors import UserError
from desktop_app.services import stats
from desktop_app.services.backups import backup_database


def test_backup_opens_with_the_same_data(demo_app: App, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    target.write_text("an older backup")
    backup_database(demo_app.path, target)
    copy = open_app(str(target))
    assert stats.stats(copy.uow()) == stats.stats(demo_app.uow())
    copy.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_failures_are_plain_and_leave_nothing(demo_app: App, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        backup_database(demo_app.path, tmp_path / "missing" / "copy.sqlite")
    with pytest.raises(UserError, match="open database itself"):
        assert demo_app.path is not None
        backup_database(demo_app.path, demo_app.path)
    with pytest.raises(UserError, match="database server"):
        backup_database(None, tmp_path / "x.sqlite")
    leftovers = [
        p.name
        for p in tmp_path.rglob("*")
        if "copy" in p.name or p.name.endswith(".part") or p.name == "x.sqlite"
    ]
    assert leftovers == []
