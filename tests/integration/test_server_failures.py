"""A server that cannot be reached, or goes away mid-save: one plain line, nothing half-saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.bootstrap import open_app
from desktop_app.domain.errors import UserError


def test_no_server_at_the_address_is_one_plain_line(tmp_path: Path) -> None:
    url = f"postgresql://webinars@/webinars?host={tmp_path / 'no-server-here'}"
    with pytest.raises(UserError) as refused:
        open_app(url)
    message = str(refused.value)
    assert "not running on this computer" in message and "\n" not in message


def test_a_database_that_does_not_exist_says_how_to_create_it(pg_url: str) -> None:
    missing = pg_url.replace("/test_", "/webinars_", 1)
    with pytest.raises(UserError, match="does not exist on the server; create it with createdb"):
        open_app(missing)
