"""Fixtures shared by every test: a real SQLite database in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests never need a screen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.bootstrap import App, open_app
from desktop_app.services import demo


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database file lives (not created yet)."""
    return tmp_path / "test.sqlite"


@pytest.fixture
def app(db_path: Path) -> Iterator[App]:
    """An empty, migrated database."""
    opened = open_app(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def demo_app(app: App) -> App:
    """A database holding the demo series."""
    demo.load_demo(app.uow())
    return app


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings, platformdirs and $WEBINAR_DESK_DB away from the user's real files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("WEBINAR_DESK_DB", raising=False)
