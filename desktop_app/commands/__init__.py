"""The headless commands, one module per family; each module's register() adds its own.

Command modules import services inside their handlers, not at the top: `webinar-desk`
without a command opens the window, and SQLAlchemy must not load before it paints.
"""

from __future__ import annotations

from desktop_app.commands import database, exporting, importing, mail, records, server

FAMILIES = (records, importing, exporting, mail, server, database)
