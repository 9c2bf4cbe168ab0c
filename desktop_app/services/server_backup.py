"""Backups of a server database: PostgreSQL's pg_dump in its custom format (-Fc)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

from desktop_app.db import server_url
from desktop_app.domain.errors import UserError
from desktop_app.io.atomic import atomic_path

log = logging.getLogger(__name__)

DUMP_SUFFIX = ".dump"
NO_PG_DUMP = (
    "backing up a server database needs PostgreSQL's pg_dump, which is not installed on "
    "this computer; install the PostgreSQL client tools (on Debian and Ubuntu: "
    "postgresql-client) or ask the server's administrator for a backup (nothing was written)"
)


def find_pg_dump() -> str | None:
    """The pg_dump program on PATH, if any."""
    return shutil.which("pg_dump")


def dump_server(url: str, target: Path, timeout: float = 3600) -> Path:
    """Write a pg_dump custom-format backup of the server database at url to target.

    The file appears only when pg_dump has finished; it restores with pg_restore into an
    empty database (see docs/team-server.md).
    """
    program = find_pg_dump()
    if program is None:
        raise UserError(NO_PG_DUMP)
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist; choose another place")
    uri, secret = server_url.libpq_target(url)
    environment = {**os.environ, **secret}
    where = server_url.describe_server(url)
    try:
        with atomic_path(target) as temporary:
            result = subprocess.run(
                [program, "--format=custom", "--no-owner", f"--file={temporary}", uri],
                capture_output=True,
                text=True,
                env=environment,
                timeout=timeout,
                check=False,
            )
            if result.returncode != 0:
                log.warning("pg_dump failed: %s", server_url.mask(result.stderr))
                raise UserError(f"cannot back up {where}: {_reason(result.stderr)}")
    except subprocess.TimeoutExpired:
        raise UserError(f"backing up {where} took too long and was stopped") from None
    except OSError as error:
        raise UserError(f"cannot write the backup {target}: {error.strerror or error}") from None
    return target


def _reason(stderr: str) -> str:
    """pg_dump's complaint in a few plain words (its first line, without the program name)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    first = lines[0] if lines else "pg_dump failed"
    first = first.removeprefix("pg_dump: error: ").removeprefix("pg_dump: ")
    text = server_url.mask(first).casefold()
    if "version mismatch" in text:
        return (
            "this computer's pg_dump is older than the server; install the client tools of "
            "the server's version (nothing was written)"
        )
    if "password" in text:
        return (
            "the server wants a password: put it in ~/.pgpass (or $PGPASSFILE) or the "
            "system keyring (nothing was written)"
        )
    return f"{server_url.mask(first)} (nothing was written)"
