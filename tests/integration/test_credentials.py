"""A server's password comes from ~/.pgpass or the keyring, and is never shown or kept."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.bootstrap import open_app
from desktop_app.db import server_url
from desktop_app.domain.errors import UserError
from desktop_app.services import stats
from tests.pg_server import PgServer

SECRET = "Corr3ct-Horse"
_names = itertools.count(1)


@pytest.fixture
def colleague_url(pg_server: PgServer) -> Iterator[str]:
    """A URL (without password) for a role that must give SECRET, owning an empty database."""
    database = pg_server.empty_database()
    role = f"colleague_{next(_names)}"
    pg_server.create_role(role, SECRET, owns=database)
    yield pg_server.url(database).replace("postgres@", f"{role}@", 1)
    pg_server.drop_database(database)


@pytest.fixture
def no_password_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No ~/.pgpass, no PGPASSWORD, an empty file keyring: the password must come from us."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    return tmp_path


def _pgpass(folder: Path, password: str) -> Path:
    path = folder / "pgpass"
    path.write_text(f"*:*:*:*:{password}\n", encoding="utf-8")
    path.chmod(0o600)  # libpq ignores a password file others may read
    return path


def test_the_password_comes_from_the_pgpass_file(
    colleague_url: str, no_password_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(_pgpass(no_password_sources, SECRET)))
    app = open_app(colleague_url)
    assert stats.stats(app.uow()).series == 0
    assert app.location == server_url.without_password(colleague_url)
    app.close()


def test_the_password_comes_from_the_keyring(colleague_url: str, no_password_sources: Path) -> None:
    import keyring

    keyring.set_password(
        server_url.KEYRING_SERVICE, server_url.keyring_account(colleague_url), SECRET
    )
    app = open_app(colleague_url)
    assert stats.stats(app.uow()).series == 0
    assert SECRET not in app.url and SECRET not in repr(app.engine.url)
    app.close()


def test_a_missing_or_wrong_password_is_one_plain_line(
    colleague_url: str,
    no_password_sources: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(UserError, match="asks for a password") as missing:
        open_app(colleague_url)
    assert ".pgpass" in str(missing.value) and "\n" not in str(missing.value)
    monkeypatch.setenv("PGPASSFILE", str(_pgpass(no_password_sources, "Wr0ng-Pony")))
    with pytest.raises(UserError, match="refused the password") as wrong:
        open_app(colleague_url)
    assert "Wr0ng-Pony" not in str(wrong.value)
    in_url = colleague_url.replace("@", ":Wr0ng-Pony@", 1)
    with pytest.raises(UserError, match="refused the password") as wrong_in_url:
        open_app(in_url)
    assert "Wr0ng-Pony" not in str(wrong_in_url.value)
    assert "Wr0ng-Pony" not in caplog.text


def test_url_options_reach_the_server(pg_url: str) -> None:
    app = open_app(f"{pg_url}&application_name=front-desk")
    with app.engine.connect() as connection:
        assert connection.execute(text("SHOW application_name")).scalar() == "front-desk"
    app.close()
    app = open_app(pg_url)
    with app.engine.connect() as connection:
        assert connection.execute(text("SHOW application_name")).scalar() == "Webinar Desk"
    app.close()


def test_libpq_urls_and_masking() -> None:
    assert server_url.normalise("postgres://u@db/x") == "postgresql+psycopg://u@db/x"
    url = "postgresql+psycopg://ann:s3cr%40t@db.example.org:5433/webinars?sslmode=require"
    assert server_url.without_password(url) == (
        "postgresql+psycopg://ann@db.example.org:5433/webinars?sslmode=require"
    )
    assert "s3cr" not in server_url.mask(f"cannot open {url}: refused")
    assert "hunter2" not in server_url.mask("host=db password=hunter2 user=ann")
    assert server_url.describe_server(url) == "the database webinars (ann@db.example.org:5433)"
    uri, env = server_url.libpq_target(url)
    assert uri == "postgresql://ann@db.example.org:5433/webinars?sslmode=require"
    assert env == {"PGPASSWORD": "s3cr@t"}
