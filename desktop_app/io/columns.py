"""Recognises what a column holds from its heading, in the languages of the team's partners."""

from __future__ import annotations

import re
import unicodedata

FIELDS = (
    "email",
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "job_title",
    "city",
    "country",
    "sector",
    "consent",
    "registered_at",
    "status",
    "attended",
    "join_time",
    "leave_time",
    "minutes",
)

_SYNONYMS: dict[str, set[str]] = {
    "email": {
        "email",
        "email address",
        "e mail",
        "e mail address",
        "emailaddress",
        "mail",
        "correo",
        "correo electronico",
        "e mail adresse",
        "email adresse",
        "courriel",
        "adresse e mail",
        "adresse email",
        "adresse electronique",
        "endereco de email",
        "attendee email",
        "your email",
        "work email",
    },
    "first_name": {
        "first name",
        "firstname",
        "given name",
        "forename",
        "vorname",
        "nombre",
        "prenom",
        "nome",
        "primeiro nome",
    },
    "last_name": {
        "last name",
        "lastname",
        "surname",
        "family name",
        "nachname",
        "apellido",
        "apellidos",
        "nom",
        "nom de famille",
        "sobrenome",
        "ultimo nome",
    },
    "full_name": {
        "name",
        "full name",
        "user name",
        "name original name",
        "user name original name",
        "nombre completo",
        "nom complet",
        "vollstandiger name",
        "attendee name",
        "participant",
        "nome completo",
        "your name",
    },
    "organisation": {
        "organization",
        "organisation",
        "company",
        "company name",
        "organization name",
        "organisation name",
        "employer",
        "institution",
        "organizacion",
        "empresa",
        "firma",
        "unternehmen",
        "organisation company",
        "organization company",
        "entidad",
        "institucion",
        "agency",
        "organisme",
        "entreprise",
        "organizacao",
    },
    "job_title": {
        "job title",
        "title",
        "position",
        "role",
        "cargo",
        "puesto",
        "berufsbezeichnung",
        "position title",
        "poste",
        "fonction",
        "job role",
        "funcao",
    },
    "city": {"city", "ciudad", "stadt", "ville", "town", "cidade"},
    "country": {
        "country",
        "country region",
        "country region name",
        "pais",
        "land",
        "pays",
        "country of residence",
    },
    "sector": {
        "sector",
        "industry",
        "organization type",
        "organisation type",
        "type of organization",
        "type of organisation",
        "branche",
    },
    "registered_at": {
        "registration time",
        "order date",
        "timestamp",
        "registered",
        "registration date",
        "date registered",
        "marca temporal",
        "zeitstempel",
        "horodateur",
        "created",
        "date",
        "carimbo de data hora",  # Google Forms in Portuguese
        "fecha de inscripcion",
        "fecha de registro",
        "fecha",
        "date d inscription",
        "date inscription",
        "anmeldedatum",
        "anmeldezeitpunkt",
        "datum",
        "data de inscricao",
        "data de registro",
        "data",
        "signup date",
        "sign up date",
    },
    "status": {
        "approval status",
        "attendee status",
        "status",
        "registration status",
        "estado",
        "statut",
        "estado de la inscripcion",
    },
    "attended": {"attended", "checked in", "attendance"},
    "join_time": {"join time", "first join"},  # Teams: First Join, Last Leave
    "leave_time": {"leave time", "last leave"},
    "minutes": {
        "time in session minutes",
        "duration minutes",
        "minutes",
        "time in session",
        "duration",
        "in meeting duration",  # Teams: '1h 7m 28s'
        "attendance duration",
    },
}
_LOOKUP = {synonym: field for field, synonyms in _SYNONYMS.items() for synonym in synonyms}
_CONSENT = re.compile(
    r"\b(consent|share|sharing|partners?|einwillig|weitergabe|"
    r"consentimiento|compartir|partager|consentement|compartilhar)\b"
)


def normalise_heading(heading: str) -> str:
    """'Correo electrónico:' -> 'correo electronico' (accents, punctuation and case gone)."""
    decomposed = unicodedata.normalize("NFKD", heading.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def field_for(heading: str) -> str | None:
    """The field a heading names, or None for a column to ignore (e.g. a question)."""
    key = normalise_heading(heading)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if _CONSENT.search(key):
        return "consent"
    if "email" in key.replace(" ", "") or "correo" in key:
        return "email"
    return None


def map_columns(header: list[str]) -> dict[int, str]:
    """Column index -> field for a header row; the first column wins when two mean one thing."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, heading in enumerate(header):
        field = field_for(heading)
        if field is not None and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping
