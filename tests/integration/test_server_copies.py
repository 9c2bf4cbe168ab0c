"""The window's copies as services: up to an empty server database, down to a new file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.errors import UserError
from desktop_app.services import stats
from desktop_app.services.copy_db import CopyCancelled
from desktop_app.services.server_copies import copy_to_server, save_as_file, server_name


@pytest.fixture
def laptop(demo_sqlite: Path, tmp_path: Path) -> Iterator[App]:
    """The demo series in a SQLite file."""
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(demo_sqlite, path)
    opened = open_app(str(path))
    yield opened
    opened.close()


def test_keep_going_hears_every_row_and_false_stops_with_nothing_copied(
    laptop: App, pg_url: str
) -> None:
    heard: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        heard.append((done, total))
        return done < 300

    with pytest.raises(CopyCancelled, match="cancelled; nothing was copied into the database"):
        copy_to_server(laptop.engine, laptop.name, pg_url, keep_going)
    assert heard[0][0] == 0 and heard[-1][0] >= 300
    target = open_app(pg_url)
    assert stats.stats(target.uow()).registrants == 0
    heard.clear()
    report = copy_to_server(
        laptop.engine, laptop.name, pg_url, lambda d, t: not heard.append((d, t))
    )
    assert heard[-1] == (report.rows, report.rows)
    assert stats.stats(target.uow()) == stats.stats(laptop.uow())
    target.close()


def test_a_server_that_cannot_be_reached_is_one_plain_line(laptop: App, pg_url: str) -> None:
    missing = pg_url.replace("/test_", "/webinars_", 1)
    with pytest.raises(UserError, match="does not exist on the server") as refused:
        copy_to_server(laptop.engine, laptop.name, missing)
    assert "\n" not in str(refused.value)
    server = open_app(pg_url)
    with pytest.raises(UserError, match="already that server database"):
        copy_to_server(server.engine, "server", pg_url)
    server.close()
    with pytest.raises(UserError, match="starts with postgresql://"):
        copy_to_server(laptop.engine, laptop.name, "elsewhere.sqlite")
    assert "password" not in server_name(pg_url.replace("postgres@", "postgres:secret@"))


def test_a_copy_to_a_file_never_replaces_one_and_leaves_none_when_stopped(
    pg_demo_url: str, tmp_path: Path
) -> None:
    server = open_app(pg_demo_url)
    taken = tmp_path / "taken.sqlite"
    taken.write_text("someone's notes")
    with pytest.raises(UserError, match="already exists"):
        save_as_file(server.engine, server.name, taken)
    assert taken.read_text() == "someone's notes"
    with pytest.raises(UserError, match="does not exist"):
        save_as_file(server.engine, server.name, tmp_path / "nowhere" / "trip.sqlite")
    with pytest.raises(CopyCancelled):
        save_as_file(server.engine, server.name, tmp_path / "trip.sqlite", lambda d, t: d < 100)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.sqlite"]
    report = save_as_file(server.engine, server.name, tmp_path / "trip.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.sqlite", "trip.sqlite"]
    trip = open_app(str(tmp_path / "trip.sqlite"))
    assert stats.stats(trip.uow()) == stats.stats(server.uow())
    assert report.tables["registrants"] == stats.stats(trip.uow()).registrants
    trip.close()
    server.close()
