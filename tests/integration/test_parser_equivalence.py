"""The column-at-a-time people reader reads what the row-by-row reader before it read.

tests/golden/parsed.json.gz was captured with the row-by-row reader (commit fb5c844): every
fixture file, and a generated file of awkward values (bad and missing emails, bots, names
to split, dates and minutes that cannot be read, texts too long, non-ASCII), parsed in
chunks of 7 rows so every chunk boundary is crossed. Set WEBINAR_DESK_GOLDEN=write to
capture it again, only when a change of what is parsed is intended.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import json
import os
import random
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.formats import parse_table, people_reader
from desktop_app.io.table_reader import read_table

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "parsed.json.gz"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WRITE = os.environ.get("WEBINAR_DESK_GOLDEN") == "write"
HEADER = [
    "Email",
    "First Name",
    "Last Name",
    "Full Name",
    "Organisation",
    "Job Title",
    "Country",
    "Consent",
    "Registration Time",
    "Status",
    "Attended",
    "Join Time",
    "Leave Time",
    "Minutes",
]
EMAILS = ["A@B.ORG", "x..y@z.com", "", "--", "na", "notanemail", "bot@otter.ai", "p q@r.st"]
EMAILS += ["Zoë@exämple.org", " spaced@x.org ", "é@ü.de", "a" * 250 + "@x.org"]
NAMES = ["Ana", "  Ana  María ", "Zoë", "", "Otter.ai Notetaker", "x" * 250, "Cruz, Ana", "ß"]
NAMES += ["Bob Smith (Robert)", "Ludwig van Beethoven"]
DATES = ["2026-03-01 10:00", "31/31/26", "03/04/2026", "", "--", "Mar 28, 2020 09:00:00"]
DATES += ["13/04/2026 10:00", "garbage", "2026-03-29 02:30"]
MINUTES = ["30", "", "abc", "99999999999999999999", "1h 7m", "-5", "--", "12,5"]
SAID = ["Yes", "No", "", "maybe", "checked in", "1", "sí"]
STATUS = ["approved", "pending", "checked in", "weird", "", "attended", "refunded"]


def awkward_file(folder: Path) -> Path:
    """A generated registration list of awkward values (the same on every run)."""
    rng = random.Random(13)
    path = folder / "awkward-values.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(400):
            writer.writerow(
                [
                    rng.choice([*EMAILS, *[f"p{n}@x.org"] * 8, f"P{n % 50}@X.org"]),
                    rng.choice(NAMES),
                    rng.choice(NAMES),
                    rng.choice(NAMES),
                    rng.choice([*NAMES, "o" * 400]),
                    rng.choice(["", "Director", "j" * 320]),
                    rng.choice(["Kenya", "--", "España", ""]),
                    rng.choice(SAID),
                    rng.choice(DATES),
                    rng.choice(STATUS),
                    rng.choice(SAID),
                    rng.choice(DATES),
                    rng.choice(DATES),
                    rng.choice(MINUTES),
                ]
            )
    return path


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.astuple(value))
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _parsed_json(parsed: ParsedFile) -> dict[str, Any]:
    return {
        f.name: _jsonable(getattr(parsed, f.name))
        for f in dataclasses.fields(parsed)
        if f.name != "rows"
    } | {"rows": [_jsonable(dataclasses.astuple(row)) for row in parsed.rows]}


def test_parsers_read_what_the_row_by_row_reader_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people_reader, "CHUNK_ROWS", 7)
    files = [*sorted(FIXTURES.glob("*/*.csv")), awkward_file(tmp_path)]
    parsed = {path.name: _parsed_json(parse_table(read_table(path))) for path in files}
    if WRITE:
        with (
            open(GOLDEN, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped,
        ):
            zipped.write(json.dumps(parsed, indent=0, ensure_ascii=False).encode())
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as handle:
        before = json.load(handle)
    assert sorted(parsed) == sorted(before)
    for name, now in parsed.items():
        for key, value in now.items():
            assert value == before[name][key], f"{name}: {key} differs"
    awkward = parsed["awkward-values.csv"]
    assert awkward["skipped"] and awkward["left_empty"] and awkward["bots"]  # it bites
