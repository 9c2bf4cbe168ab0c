"""Database server URLs: kept and shown without their password, which comes from libpq's
password file (~/.pgpass, $PGPASSFILE) or the system keyring; TLS options pass through."""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Webinar Desk"
# libpq URIs (postgres://, postgresql://) name no driver; SQLAlchemy would pick psycopg2.
_DRIVERLESS = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
# user:password@ in any URL, and password=... in libpq keyword strings, for masking text.
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*):([^@\s]*)@")
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)
# Found quickly when a server or the network has gone; kept alive through idle periods.
CONNECTION_DEFAULTS = {
    "connect_timeout": "10",
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
    "application_name": "Webinar Desk",
}


def normalise(url: str) -> str:
    """postgres://… and postgresql://… (as libpq writes them) use the psycopg driver."""
    return _DRIVERLESS.sub("postgresql+psycopg://", url, count=1)


def is_server(url: str) -> bool:
    """True for a database server (PostgreSQL), False for a SQLite file or memory."""
    return make_url(url).get_backend_name() != "sqlite"


def without_password(url: str) -> str:
    """The URL to keep in settings and show: the same server, user and options, no password."""
    parsed = make_url(url)
    if parsed.password is None:
        return url
    return _plain(parsed).render_as_string(hide_password=False)


def _plain(parsed: URL) -> URL:
    return URL.create(
        parsed.drivername,
        username=parsed.username,
        password=None,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )


def mask(text: str) -> str:
    """text with any password in a URL or keyword string replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    return _KEYWORD_PASSWORD.sub(r"\1***", text)


def describe_server(url: str) -> str:
    """The server database as messages name it: 'webinars on db.example.org:5432'."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "this computer"
    if isinstance(host, tuple):
        host = host[0]
    where = f"{host}:{parsed.port}" if parsed.port else str(host)
    if str(where).startswith("/"):
        where = "this computer"
    user = f"{parsed.username}@" if parsed.username else ""
    return f"the database {parsed.database or '(default)'} ({user}{where})"


def keyring_account(url: str) -> str:
    """The name the password is filed under in the system keyring: user@host:port/database."""
    parsed = make_url(url)
    host, port = parsed.host or "localhost", parsed.port or 5432
    return f"{parsed.username or ''}@{host}:{port}/{parsed.database or ''}"


def keyring_password(url: str) -> str | None:
    """The password the system keyring holds for this server, when keyring is installed."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (KeyringError, RuntimeError, OSError) as error:
        # No keyring daemon (a headless session): libpq's password file still applies.
        log.info("no password from the keyring: %s", type(error).__name__)
        return None
    return found if isinstance(found, str) else None


def connect_args(url: str) -> dict[str, Any]:
    """Extra driver arguments for a server: timeouts, keep-alives, the keyring's password.

    Options in the URL win over these defaults (e.g. ?connect_timeout=30, ?sslmode=…);
    a password in the URL wins over the keyring; libpq itself reads ~/.pgpass otherwise.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return {}
    args: dict[str, Any] = {k: v for k, v in CONNECTION_DEFAULTS.items() if k not in parsed.query}
    if parsed.password is None:
        password = keyring_password(url)
        if password:
            args["password"] = password
    return args


def libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """(URI without password, environment with PGPASSWORD) for libpq's tools (pg_dump).

    The password goes through the environment, never on a command line that `ps` shows.
    """
    parsed = make_url(url)
    env: dict[str, str] = {}
    password = parsed.password if parsed.password is not None else keyring_password(url)
    if password:
        env["PGPASSWORD"] = str(password)
    plain = _plain(parsed).set(drivername="postgresql")
    return plain.render_as_string(hide_password=False), env
