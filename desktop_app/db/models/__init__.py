"""SQLAlchemy 2 typed models: the tables of a Webinar Desk database, one import for them all."""

from desktop_app.db.models import derived_fields as derived_fields  # registers its listeners
from desktop_app.db.models.base import NAMING, Base
from desktop_app.db.models.change_log import ChangeCounter, ChangeLog
from desktop_app.db.models.imports_exports import ExportProfile, ImportBatch
from desktop_app.db.models.mail import DraftBatch, MailTemplate
from desktop_app.db.models.run_of_show_template import RunOfShowTemplate
from desktop_app.db.models.series_and_people import (
    Registrant,
    Registration,
    RunOfShowSegment,
    Series,
    Session,
    SessionSpeaker,
    Speaker,
)

__all__ = [
    "NAMING",
    "Base",
    "ChangeCounter",
    "ChangeLog",
    "DraftBatch",
    "ExportProfile",
    "ImportBatch",
    "MailTemplate",
    "Registrant",
    "Registration",
    "RunOfShowSegment",
    "RunOfShowTemplate",
    "Series",
    "Session",
    "SessionSpeaker",
    "Speaker",
]
