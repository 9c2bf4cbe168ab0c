"""A database server's failures (network, password, locks) as one plain line.

The driver's own text can span lines and name sockets and SQL; the user gets what happened,
that nothing was saved, and what to do. The details go to the log.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

NOTHING_SAVED = "nothing was saved"
SETUP = "see docs/team-server.md"
LOST = "lost the connection to the server of {where}; {saved} — check the network and try again"

# SQLSTATE classes and codes (PostgreSQL appendix A) and what they mean for a user.
_BY_STATE = {
    "40001": "a colleague saved the same records at the same moment; {saved}, try again",
    "40P01": "a colleague saved the same records at the same moment; {saved}, try again",
    "55P03": "{where} is busy (someone else's import is being saved); {saved}, try again "
    "in a moment",
    "57014": "{where} took too long to answer; {saved}, try again in a moment",
    "57P01": "the server for {where} was shut down; {saved}, try again when it is back",
    "57P02": "the server for {where} was shut down; {saved}, try again when it is back",
    "57P03": "the server for {where} is starting or stopping; try again in a moment",
    "53100": "the server for {where} is out of disk space; {saved}, tell its administrator",
    "53200": "the server for {where} is out of memory; {saved}, try again or tell its "
    "administrator",
    "53300": "the server for {where} has too many connections; close other copies of the "
    "app or ask its administrator to allow more",
    "42501": "the server's user may not change {where}; ask its administrator to give "
    "the user the rights of the database's owner ({saved})",
    "25006": "{where} is read-only on this server (a standby?); connect to the main server "
    "to make changes ({saved})",
    "3D000": "{where} does not exist on the server; create it with createdb ({setup})",
    "28P01": "the server refused the password for {where}; put the right one in ~/.pgpass "
    "(or $PGPASSFILE) or the system keyring ({setup})",
    "28000": "the server does not let this user connect to {where}; ask its administrator "
    "to allow it in pg_hba.conf ({setup})",
}

# Connection failures carry no SQLSTATE: libpq's words decide.
_BY_TEXT = (
    (
        "no password supplied",
        "the server asks for a password for {where}; put it in "
        "~/.pgpass (or $PGPASSFILE) or the system keyring ({setup})",
    ),
    ("password authentication failed", _BY_STATE["28P01"]),
    ("does not exist", _BY_STATE["3D000"]),
    (
        "does not support ssl",
        "the server of {where} offers no encrypted connection, but "
        "the URL asks for one (sslmode); ask its administrator to turn TLS on",
    ),
    (
        "certificate",
        "the server's TLS certificate for {where} could not be checked: "
        "check sslrootcert in the URL ({setup})",
    ),
    ("pg_hba.conf", _BY_STATE["28000"]),
    (
        "could not translate host name",
        "cannot find the server of {where}: check its name in the URL and the network",
    ),
    (
        "timeout expired",
        "the server of {where} did not answer in time: check the network "
        "and that the server is running ({saved})",
    ),
    (
        "connection refused",
        "the server of {where} refused the connection: check that it "
        "is running and that the URL's host and port are right",
    ),
    (
        "no such file or directory",
        "the server of {where} is not running on this computer "
        "(no socket found): start it, or check the URL",
    ),
    ("server closed the connection", LOST),
    ("connection is lost", LOST),
    ("connection is closed", LOST),
    ("consuming input failed", LOST),
    ("terminating connection", _BY_STATE["57P01"]),
    ("network is unreachable", "cannot reach the server of {where}: check the network ({saved})"),
    ("no route to host", "cannot reach the server of {where}: check the network ({saved})"),
)


def explain(error: BaseException, where: str) -> str | None:
    """One plain line for a failure talking to a database server; None when it is not one.

    error may be SQLAlchemy's wrapper (its .orig is the driver's error) or the driver's.
    """
    original = getattr(error, "orig", None) or error
    module = type(original).__module__
    if not module.startswith("psycopg"):
        return None
    state = getattr(original, "sqlstate", None) or ""
    text = str(original).casefold()
    template = _BY_STATE.get(state)
    if template is None:
        template = next((t for needle, t in _BY_TEXT if needle in text), None)
    if template is None and state.startswith("08"):
        template = LOST  # a connection exception of some other kind
    if template is None:
        return None
    log.warning("database server failure (%s) on %s: %s", state or "no state", where, original)
    return template.format(where=where, saved=NOTHING_SAVED, setup=SETUP)
