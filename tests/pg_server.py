"""A throw-away PostgreSQL server for the test run: initdb + pg_ctl on a Unix socket.

The server runs as an unprivileged user (PostgreSQL refuses to run as root), listens on no
TCP port at all (only a socket in its own temporary folder), trusts local connections and
skips fsync: it exists for one test run and is deleted afterwards.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

TEST_USER = "webinar-desk-test"  # owns the server's files when the tests run as root
SUPERUSER = "postgres"
TEMPLATE = "webinar_desk_template"


class ServerUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or its server would not start."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: Debian keeps them off PATH, per version."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(re.sub(r"\D", "", p.parent.parent.name) or 0),
        reverse=True,
    )
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise ServerUnavailable(
        "PostgreSQL's initdb was not found; install Debian's 'postgresql' package "
        "(./dev test does) or set WEBINAR_DESK_TEST_PG=0 for a SQLite-only run"
    )


def _server_user() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root, creating the user if needed."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(TEST_USER)
    return entry.pw_uid, entry.pw_gid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PgServer:
    """One running cluster in a temporary folder; databases are made from a template."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.reap_orphans()
        self.owner = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="webinar-desk-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root  # the socket sits beside the data, nowhere else
        self.log = self.root / "server.log"
        self._names = itertools.count(1)
        self.running = False
        (self.root / "owner.pid").write_text(str(os.getpid()), encoding="utf-8")
        if self.owner is not None:
            os.chown(self.root, *self.owner)
        # The user running the tests connects over the socket; the folder must be reachable.
        self.root.chmod(0o755)

    def reap_orphans(self) -> None:
        """Stop and delete servers left by test runs that were killed (no teardown ran)."""
        for root in Path(tempfile.gettempdir()).glob("webinar-desk-pg-*"):
            try:
                owner = int((root / "owner.pid").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if _alive(owner):
                continue
            orphan = PgServer.__new__(PgServer)
            orphan.bindir, orphan.owner, orphan.root = self.bindir, _server_user(), root
            orphan.data, orphan.log, orphan.running = root / "data", root / "server.log", True
            orphan.stop()

    def _run(self, tool: str, *args: str) -> None:
        """Run a server tool as the server's owner; ServerUnavailable with its output."""
        user = group = None
        if self.owner is not None:
            user, group = self.owner[0], self.owner[1]
        result = subprocess.run(
            [str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            user=user,
            group=group,
            extra_groups=[] if self.owner is not None else None,
            cwd=self.root,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ServerUnavailable(
                f"{tool} failed ({result.returncode}): {result.stderr.strip()} {log}".strip()
            )

    def start(self) -> None:
        """initdb, then start the server and wait until it accepts connections."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        # The superuser connects without a password; every other role needs its password,
        # so the tests can prove where a password comes from (~/.pgpass, the keyring).
        (self.data / "pg_hba.conf").write_text(
            f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n", encoding="utf-8"
        )
        options = " ".join(
            [
                "-c listen_addresses=''",
                f"-c unix_socket_directories='{self.socket_dir}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=64MB",
                "-c max_wal_size=1GB",
            ]
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self.running = True
        with self.admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))

    def stop(self) -> None:
        """Stop the server (fast: connections are cut) and delete everything it wrote."""
        if self.running:
            with contextlib.suppress(ServerUnavailable):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of one database on this server (over the socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    @contextlib.contextmanager
    def admin(self) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        """An autocommit connection to the maintenance database."""
        with psycopg.connect(
            dbname="postgres", user=SUPERUSER, host=str(self.socket_dir), autocommit=True
        ) as connection:
            yield connection

    def create_database(self, template: str = TEMPLATE) -> str:
        """A new database copied from template (migrated once per run); returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        with self.admin() as connection:
            # FILE_COPY copies the template's files: much faster than WAL_LOG for small ones.
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        return name

    def create_role(self, name: str, password: str, owns: str) -> None:
        """A login role with a password that owns one database (as a team's server has)."""
        with self.admin() as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )
            connection.execute(
                sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                    sql.Identifier(owns), sql.Identifier(name)
                )
            )

    def empty_database(self) -> str:
        """A new database with no tables at all."""
        return self.create_database("template0")

    def drop_database(self, name: str) -> None:
        """Drop a test database, cutting any connection a test left open."""
        with self.admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
