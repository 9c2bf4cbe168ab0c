"""Deterministic, realistic-looking registrants for the demo series (all addresses fake)."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop_app.domain.enums import Consent

# (country, city, first names, last names) — names common in each country.
_PLACES = [
    ("United States", ["Chicago", "Atlanta", "Oakland", "Denver", "Boston", "El Paso"],
     ["Jessica", "Michael", "Ashley", "DeShawn", "Emily", "Marcus", "Lauren", "Tyrone",
      "Rachel", "Kevin"],
     ["Johnson", "Williams", "Brown", "Jackson", "Miller", "Davis", "Harris", "Nguyen",
      "Robinson", "O'Connor"]),
    ("Mexico", ["Ciudad de México", "Guadalajara", "Monterrey"],
     ["María José", "Alejandro", "Guadalupe", "Héctor", "Ximena", "Joaquín"],
     ["García", "Hernández", "López", "Martínez", "de la Cruz", "Ramírez"]),
    ("Colombia", ["Bogotá", "Medellín", "Cali"],
     ["Andrés", "Valentina", "Santiago", "Camila", "Sebastián"],
     ["Rodríguez", "Gómez", "Muñoz", "Díaz", "Castaño"]),
    ("Brazil", ["São Paulo", "Recife", "Porto Alegre"],
     ["João", "Ana Luíza", "Thiago", "Fernanda", "Luís"],
     ["Silva", "Santos", "Oliveira", "Souza", "Conceição"]),
    ("United Kingdom", ["London", "Manchester", "Glasgow"],
     ["Oliver", "Amelia", "Harry", "Siobhan", "Rhys"],
     ["Smith", "Patel", "Evans", "Campbell", "Ahmed"]),
    ("Germany", ["Berlin", "Köln", "München"],
     ["Jürgen", "Anna-Lena", "Lukas", "Katharina", "Björn"],
     ["Müller", "Schmidt", "Weiß", "Schäfer", "Yılmaz"]),
    ("Nigeria", ["Lagos", "Abuja", "Ibadan"],
     ["Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Aisha"],
     ["Okafor", "Adeyemi", "Bello", "Eze", "Abubakar"]),
    ("Kenya", ["Nairobi", "Mombasa", "Kisumu"],
     ["Wanjiru", "Otieno", "Achieng", "Kipchoge", "Njeri"],
     ["Kamau", "Odhiambo", "Mwangi", "Wafula", "Chebet"]),
    ("India", ["Mumbai", "Bengaluru", "Pune"],
     ["Priya", "Arjun", "Ananya", "Rohan", "Lakshmi"],
     ["Sharma", "Iyer", "Reddy", "Banerjee", "Khan"]),
    ("Philippines", ["Manila", "Quezon City", "Cebu"],
     ["Maria Cristina", "Jose", "Angelica", "Paolo"],
     ["Santos", "Reyes", "Dela Cruz", "Bautista"]),
    ("Ukraine", ["Kyiv", "Lviv", "Kharkiv"],
     ["Oksana", "Dmytro", "Iryna", "Taras"],
     ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko"]),
    ("France", ["Paris", "Lyon", "Marseille"],
     ["Chloé", "Théo", "Léa", "François"],
     ["Martin", "Bernard", "Lefèvre", "Dubois"]),
]

_ORGANISATIONS = [
    ("City of {city}", "Government", ["Procurement Officer", "Chief Procurement Officer",
                                      "Purchasing Manager", "Contract Specialist"]),
    ("{city} Open Data Lab", "Civil society", ["Data Analyst", "Program Manager"]),
    ("{country} Transparency Network", "Civil society", ["Policy Advocate", "Researcher"]),
    ("{city} Small Business Alliance", "Business", ["Executive Director", "Outreach Lead"]),
    ("University of {city}", "Academia", ["Professor of Public Policy", "Research Fellow"]),
    ("Civic Tech {city}", "Civic technology", ["Product Designer", "Software Engineer"]),
    ("{country} Public Works Department", "Government", ["Deputy Director",
                                                          "Supplier Diversity Manager"]),
]


@dataclass(frozen=True)
class DemoAttendance:
    """One generated registration: which session (by index) and what happened."""

    session_index: int
    registered_at: datetime
    attended: bool
    minutes: int


@dataclass(frozen=True)
class DemoPerson:
    """One generated registrant with their registrations."""

    first_name: str
    last_name: str
    email: str
    organisation: str
    job_title: str
    city: str
    country: str
    sector: str
    consent: Consent
    registrations: tuple[DemoAttendance, ...]


def _ascii(text: str) -> str:
    """'Müller-Schäfer' -> 'muller-schafer', for email local parts."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in "-."))
    return kept.replace(" ", "")


def demo_people(count: int, session_starts: list[datetime], seed: int = 2021) -> list[DemoPerson]:
    """count people, each registered for 1–4 of the sessions; same seed, same people."""
    rng = random.Random(seed)
    people: list[DemoPerson] = []
    used_emails: set[str] = set()
    while len(people) < count:
        country, cities, firsts, lasts = rng.choice(_PLACES)
        city = rng.choice(cities)
        first, last = rng.choice(firsts), rng.choice(lasts)
        pattern, sector, titles = rng.choice(_ORGANISATIONS)
        organisation = pattern.format(city=city, country=country)
        domain = _ascii(organisation.replace(" ", "")) + ".example"
        email = f"{_ascii(first)}.{_ascii(last)}@{domain}".replace("..", ".")
        if email in used_emails:
            continue
        used_emails.add(email)
        how_many = min(rng.choice([1, 1, 2, 2, 3, 4]), len(session_starts))
        chosen = sorted(rng.sample(range(len(session_starts)), k=how_many))
        registrations = []
        for index in chosen:
            start = session_starts[index]
            registered = start - timedelta(days=rng.randint(1, 30), minutes=rng.randint(0, 1439))
            attended = rng.random() < 0.62
            minutes = rng.randint(8, 60) if attended else 0
            registrations.append(DemoAttendance(index, registered.astimezone(UTC),
                                                attended, minutes))
        consent = rng.choices([Consent.YES, Consent.NO, Consent.UNKNOWN], [6, 2, 2])[0]
        people.append(DemoPerson(
            first_name=first, last_name=last, email=email, organisation=organisation,
            job_title=rng.choice(titles), city=city, country=country, sector=sector,
            consent=consent, registrations=tuple(registrations),
        ))
    return people
