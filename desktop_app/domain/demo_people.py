"""Deterministic, realistic-looking registrants for the demo series (all addresses fake)."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop_app.domain.enums import Consent

# (country, cities, first names, last names) — names common in each country.
_PLACES = [
    (
        "United States",
        ["Chicago", "Atlanta", "Oakland", "Denver", "Boston", "El Paso"],
        [
            "Jessica",
            "Michael",
            "Ashley",
            "DeShawn",
            "Emily",
            "Marcus",
            "Lauren",
            "Tyrone",
            "Rachel",
            "Kevin",
            "Maya",
            "Brandon",
        ],
        [
            "Johnson",
            "Williams",
            "Brown",
            "Jackson",
            "Miller",
            "Davis",
            "Harris",
            "Nguyen",
            "Robinson",
            "O'Connor",
            "Washington",
            "Kowalski",
        ],
    ),
    (
        "Mexico",
        ["Ciudad de México", "Guadalajara", "Monterrey"],
        ["María José", "Alejandro", "Guadalupe", "Héctor", "Ximena", "Joaquín", "Itzel"],
        ["García", "Hernández", "López", "Martínez", "de la Cruz", "Ramírez", "Núñez"],
    ),
    (
        "Colombia",
        ["Bogotá", "Medellín", "Cali"],
        ["Andrés", "Valentina", "Santiago", "Camila", "Sebastián", "Mariana"],
        ["Rodríguez", "Gómez", "Muñoz", "Díaz", "Castaño", "Ospina"],
    ),
    (
        "Brazil",
        ["São Paulo", "Recife", "Porto Alegre"],
        ["João", "Ana Luíza", "Thiago", "Fernanda", "Luís", "Beatriz"],
        ["Silva", "Santos", "Oliveira", "Souza", "Conceição", "Araújo"],
    ),
    (
        "United Kingdom",
        ["London", "Manchester", "Glasgow"],
        ["Oliver", "Amelia", "Harry", "Siobhan", "Rhys", "Priya"],
        ["Smith", "Patel", "Evans", "Campbell", "Ahmed", "Hughes"],
    ),
    (
        "Germany",
        ["Berlin", "Köln", "München"],
        ["Jürgen", "Anna-Lena", "Lukas", "Katharina", "Björn", "Elif"],
        ["Müller", "Schmidt", "Weiß", "Schäfer", "Yılmaz", "Hoffmann"],
    ),
    (
        "Nigeria",
        ["Lagos", "Abuja", "Ibadan"],
        ["Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Aisha", "Tunde"],
        ["Okafor", "Adeyemi", "Bello", "Eze", "Abubakar", "Okonkwo"],
    ),
    (
        "Kenya",
        ["Nairobi", "Mombasa", "Kisumu"],
        ["Wanjiru", "Otieno", "Achieng", "Kipchoge", "Njeri", "Baraka"],
        ["Kamau", "Odhiambo", "Mwangi", "Wafula", "Chebet", "Mutua"],
    ),
    (
        "India",
        ["Mumbai", "Bengaluru", "Pune"],
        ["Priya", "Arjun", "Ananya", "Rohan", "Lakshmi", "Vikram"],
        ["Sharma", "Iyer", "Reddy", "Banerjee", "Khan", "Deshpande"],
    ),
    (
        "Philippines",
        ["Manila", "Quezon City", "Cebu"],
        ["Maria Cristina", "Jose", "Angelica", "Paolo", "Rowena"],
        ["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva"],
    ),
    (
        "Ukraine",
        ["Kyiv", "Lviv", "Kharkiv"],
        ["Oksana", "Dmytro", "Iryna", "Taras", "Yulia"],
        ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk"],
    ),
    (
        "France",
        ["Paris", "Lyon", "Marseille"],
        ["Chloé", "Théo", "Léa", "François", "Inès"],
        ["Martin", "Bernard", "Lefèvre", "Dubois", "N'Diaye"],
    ),
]

# (organisation, email domain, sector, job titles); {c} is the city, {k} the country.
_ORGANISATIONS = [
    (
        "City of {city}",
        "{c}.gov.example",
        "Government",
        [
            "Procurement Officer",
            "Chief Procurement Officer",
            "Purchasing Manager",
            "Contract Specialist",
        ],
    ),
    (
        "{city} Open Data Lab",
        "opendata-{c}.example",
        "Civil society",
        ["Data Analyst", "Program Manager"],
    ),
    (
        "{country} Transparency Network",
        "transparency-{k}.example",
        "Civil society",
        ["Policy Advocate", "Researcher"],
    ),
    (
        "{city} Small Business Alliance",
        "{c}-sba.example",
        "Business",
        ["Executive Director", "Outreach Lead"],
    ),
    (
        "University of {city}",
        "uni-{c}.example",
        "Academia",
        ["Professor of Public Policy", "Research Fellow"],
    ),
    (
        "Civic Tech {city}",
        "civictech-{c}.example",
        "Civic technology",
        ["Product Designer", "Software Engineer"],
    ),
    (
        "{country} Public Works Department",
        "publicworks-{k}.example",
        "Government",
        ["Deputy Director", "Supplier Diversity Manager"],
    ),
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


def _slug(text: str, space: str = "") -> str:
    """'São Paulo' -> 'saopaulo' (or 'sao.paulo' with space='.'), for email addresses."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).replace(" ", space)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in "-."))


def demo_people(count: int, session_starts: list[datetime], seed: int = 2021) -> list[DemoPerson]:
    """count people, each registered for 1–4 of the sessions; same seed, same people."""
    rng = random.Random(seed)
    people: list[DemoPerson] = []
    used_names: set[tuple[str, str]] = set()
    used_emails: set[str] = set()
    misses = 0
    while len(people) < count:
        country, cities, firsts, lasts = rng.choice(_PLACES)
        first, last = rng.choice(firsts), rng.choice(lasts)
        # One person per name keeps a few hundred believable; thousands must share names.
        if (first, last) in used_names and misses < 50:
            misses += 1
            continue
        misses = 0
        used_names.add((first, last))
        city = rng.choice(cities)
        pattern, domain_pattern, sector, titles = rng.choice(_ORGANISATIONS)
        organisation = pattern.format(city=city, country=country)
        domain = domain_pattern.format(c=_slug(city), k=_slug(country))
        local = f"{_slug(first, '.')}.{_slug(last, '')}"
        email, number = f"{local}@{domain}", 1
        while email in used_emails:
            number += 1
            email = f"{local}{number}@{domain}"
        used_emails.add(email)
        how_many = min(rng.choice([1, 1, 2, 2, 3, 4]), len(session_starts))
        chosen = sorted(rng.sample(range(len(session_starts)), k=how_many))
        registrations = []
        for index in chosen:
            start = session_starts[index]
            registered = start - timedelta(days=rng.randint(1, 30), minutes=rng.randint(0, 1439))
            attended = rng.random() < 0.62
            minutes = rng.randint(8, 60) if attended else 0
            registrations.append(
                DemoAttendance(index, registered.astimezone(UTC), attended, minutes)
            )
        consent = rng.choices([Consent.YES, Consent.NO, Consent.UNKNOWN], [6, 2, 2])[0]
        people.append(
            DemoPerson(
                first_name=first,
                last_name=last,
                email=email,
                organisation=organisation,
                job_title=rng.choice(titles),
                city=city,
                country=country,
                sector=sector,
                consent=consent,
                registrations=tuple(registrations),
            )
        )
    return people
