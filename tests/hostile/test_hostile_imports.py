"""Hostile import files: each gets one clear line naming it, no traceback, no personal data,
and the database stays exactly as it was."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app import cli
from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.rows import RegistrantRow
from desktop_app.io import table_limits
from desktop_app.io.table_reader import read_table
from desktop_app.services import imports, registrants, sessions
from tests.hostile import files
from tests.integration.test_cli import run
from tests.integration.test_imports import dump

PEOPLE = (
    "Email,First Name,Last Name\r\nana.lima@example.org,Ana,Lima\r\njose@example.org,José,Pé\r\n"
)
PERSONAL = ("ana.lima@example.org", "Lima", "jose@example.org")


def person(app: App, email: str) -> RegistrantRow:
    found = registrants.find_by_email(app.uow(), email)
    assert found is not None
    return found


def session_of(app: App) -> int:
    return sessions.list_sessions(app.uow())[0].id


def refused(app: App, path: Path, expected: str) -> str:
    """Import path; it must be refused with one line naming it, the database unchanged."""
    before = dump(app)
    with pytest.raises(UserError) as caught:
        imports.import_file(app.uow(), path, session_of(app))
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "\x1b" not in message
    assert not any(value in message for value in PERSONAL)
    assert dump(app) == before
    return message


def through_cli(app: App, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The same file through the command line: exit 1 and one line on stderr."""
    before = dump(app)
    app.close()  # the command line is another copy: one writer per file, so let go first
    status = cli.main(["--db", app.url, "import", str(path), "--session", "1"])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("webinar-desk: error:")
    assert "Traceback" not in err and "\x1b" not in err
    assert dump(app) == before
    return err


# Files that are refused --------------------------------------------------------------------


def sparse(tmp: Path) -> Path:
    return files.sparse_xlsx(tmp / "sparse.xlsx")


def bomb(tmp: Path) -> Path:
    return files.shared_strings_bomb(tmp / "bomb.xlsx", unpacked_mb=64)


def lying_bomb(tmp: Path) -> Path:
    path = files.shared_strings_bomb(tmp / "liar.xlsx", unpacked_mb=8)
    return files.lie_about_size(path, "xl/sharedStrings.xml", 100_000)


def huge_sheet(tmp: Path) -> Path:
    path = files.sparse_xlsx(tmp / "huge.xlsx")
    return files.lie_about_size(path, "xl/worksheets/sheet1.xml", 3 * 1024**3)


def wide_sheet(tmp: Path) -> Path:
    cells = files.inline("A1", "Email") + files.inline("ALM1", "Question 1001")
    return files.workbook(tmp / "wide.xlsx", files.simple_sheet([f'<row r="1">{cells}</row>']))


def prefixed_sparse(tmp: Path) -> Path:
    """The sparse workbook with its cells written <x:c> and attributes in another order."""
    rows = [
        '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1">'
        '<x:c t="inlineStr" r="A1"><x:is><x:t>Email</x:t></x:is></x:c></x:row>',
        '<row r="1048576"><c t="inlineStr" r="XFD1048576"><is><t>x</t></is></c></row>',
    ]
    return files.workbook(tmp / "prefixed.xlsx", files.simple_sheet(rows))


def unnumbered_cells(tmp: Path) -> Path:
    """Cells without references, 1,200 of them in one row, then a row far below."""
    row = "<row>" + "<c><v>1</v></c>" * 1200 + "</row>"
    far = '<row r="900000"><c><v>2</v></c></row>'
    return files.workbook(tmp / "unnumbered.xlsx", files.simple_sheet([row, far]))


def truncated(tmp: Path) -> Path:
    data = files.sparse_xlsx(tmp / "whole.xlsx").read_bytes()
    path = tmp / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def fifo(tmp: Path) -> Path:
    path = tmp / "pipe.csv"
    os.mkfifo(path)
    return path


def link_to_dev_zero(tmp: Path) -> Path:
    path = tmp / "zero.csv"
    path.symlink_to("/dev/zero")
    return path


def folder(tmp: Path) -> Path:
    path = tmp / "exports.csv"
    path.mkdir()
    return path


def one_line(tmp: Path) -> Path:
    path = tmp / "one-line.csv"
    path.write_text("Email," + "x," * 15_000_000)
    return path


def unterminated_quote(tmp: Path) -> Path:
    path = tmp / "quote.csv"
    path.write_text('Email,Name\n"ana.lima@example.org\n' + "Lima,Ana\n" * 40_000)
    return path


def junk(tmp: Path) -> Path:
    path = tmp / "junk.csv"
    path.write_bytes(random.Random(12).randbytes(100_000))
    return path


def junk_after_text(tmp: Path) -> Path:
    """30,000 characters of a good CSV, then binary data (once checked only to 20,000)."""
    path = tmp / "tail.csv"
    text = PEOPLE + "".join(f"p{n}@example.org,P,Q\r\n" for n in range(1500))
    path.write_bytes(text.encode() + random.Random(3).randbytes(5_000))
    return path


def escaped_name(tmp: Path) -> Path:
    path = tmp / "\x1b[31mred\x1b]0;title\x07.csv"
    path.write_text("Nothing but a title\n")
    return path


REFUSED: list[tuple[str, Callable[[Path], Path], str]] = [
    ("sparse 5 KB workbook", sparse, "XFD1048576"),
    ("sharedStrings zip bomb", bomb, "packed unusually tightly"),
    ("sharedStrings lying about its size", lying_bomb, "damaged or cut short"),
    ("sheet XML of 3 GB", huge_sheet, "unpacks to 3,072 MB"),
    ("1,001 columns", wide_sheet, "ALM1"),
    ("prefixed cells far away", prefixed_sparse, "XFD1048576"),
    ("unnumbered cells", unnumbered_cells, "1,200 columns"),
    ("truncated zip", truncated, "damaged or cut short"),
    ("FIFO", fifo, "is a pipe"),
    ("/dev/zero", lambda _: Path("/dev/zero"), "is a device"),
    ("symlink to /dev/zero", link_to_dev_zero, "is a device"),
    ("folder", folder, "is a folder"),
    ("30 MB one-line CSV", one_line, "line 1 is 30,000,006 characters long"),
    ("unterminated quote", unterminated_quote, "a quote opens a field there"),
    ("binary junk", junk, "binary data from line 1"),
    ("binary after 30,000 characters", junk_after_text, "binary data from line 1,504"),
    ("escapes in the file name", escaped_name, "�[31mred�]0;title�.csv"),
]


@pytest.mark.parametrize(
    ("maker", "expected"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused_with_one_line(
    demo_app: App,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    maker: Callable[[Path], Path],
    expected: str,
) -> None:
    path = maker(tmp_path)
    message = refused(demo_app, path, expected)
    if path.name != "zero":
        assert path.name.split(".")[0][-4:] in message or "\x1b" in path.name  # names the file
    assert expected in through_cli(demo_app, path, capsys)


def test_table_over_the_cell_cap_is_refused(
    demo_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_limits, "MAX_CSV_CELLS", 100)
    path = tmp_path / "many.csv"
    path.write_text(PEOPLE + "".join(f"p{n}@example.org,P,Q\n" for n in range(40)))
    refused(demo_app, path, "more cells (102) than this app reads at once (100)")


def test_table_over_the_cap_on_different_values_is_refused(
    demo_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts a table repeats are held once; the distinct ones are what memory holds."""
    monkeypatch.setattr(table_limits, "MAX_CELLS", 44)
    path = tmp_path / "many.csv"
    rows = "".join(f"p{n}@example.org,P,Q\n" for n in range(40))
    path.write_text("Email,First Name,Last Name\n" + rows)  # 3 headings, 40 emails, P, Q
    refused(demo_app, path, "more different values (45) than this app reads at once (44)")
    monkeypatch.setattr(table_limits, "MAX_CELLS", 45)
    assert len(read_table(path).rows) == 41  # 123 cells, 45 different: read


@pytest.mark.parametrize("name", ["sparse.xlsx", "pipe.csv"])
def test_the_command_line_survives_them(app: App, tmp_path: Path, name: str) -> None:
    """In a process of its own: the sparse workbook used to abort Python (SIGABRT) and the
    FIFO to hang for ever."""
    path = sparse(tmp_path) if name.endswith("xlsx") else fifo(tmp_path)
    app.close()  # one writer per file: the command is the writer now
    result = run("import", str(path), "--session", "1", db=app.url)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and name in result.stderr


# Files that are read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-16"]
)
def test_wide_encodings_without_a_mark_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(PEOPLE.encode(encoding))
    table = read_table(path)
    assert table.rows[2] == ["jose@example.org", "José", "Pé"]


def test_utf8_and_windows_1252_mixed_line_by_line(demo_app: App, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"Email,First Name,Last Name\n"
        + b"ana.lima@example.org,Ana,Lima\n"
        + "jose@example.org,José,Pé\n".encode("cp1252")
        + "marta@example.org,Márta,Ñú\n".encode()
    )
    imports.import_file(demo_app.uow(), path, session_of(demo_app))
    jose, marta = person(demo_app, "jose@example.org"), person(demo_app, "marta@example.org")
    assert (jose.first_name, jose.last_name) == ("José", "Pé")
    assert (marta.first_name, marta.last_name) == ("Márta", "Ñú")


def test_escape_sequences_never_reach_the_database_or_terminal(
    demo_app: App, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "escapes.csv"
    path.write_bytes(
        b"Email,First Name,Last Name,\x1b[8mQuestion\n"
        b"esc@example.org,\x1b]0;owned\x07Eve,\x1b[2JSmith\xc2\x9b31m,x\n"
        b"bad\x1b[31m-address,Bob,Jones\n"
    )
    demo_app.close()  # one writer per file: the command is the writer now
    status = cli.main(["--db", demo_app.url, "import", str(path), "--session", "1"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "\x1b" not in out + err and "\x9b" not in out + err
    eve = person(demo_app, "esc@example.org")
    assert eve.first_name == "]0;ownedEve" and eve.last_name == "[2JSmith31m"


def test_deeply_nested_sheet_xml_is_read(demo_app: App, tmp_path: Path) -> None:
    path = files.nested_sheet_xlsx(tmp_path / "nested.xlsx", depth=300_000, level=0)
    report = imports.import_file(demo_app.uow(), path, session_of(demo_app))
    assert report.registrants_created == 1


def test_rows_come_from_a1_whatever_the_first_used_cell(tmp_path: Path) -> None:
    cells = files.inline("C3", "Email") + files.inline("E3", "Name")
    lower = files.inline("D5", "x")
    sheet = files.simple_sheet([f'<row r="3">{cells}</row>', f'<row r="5">{lower}</row>'])
    rows = read_table(files.workbook(tmp_path / "offset.xlsx", sheet)).rows
    assert len(rows) == 5 and rows[2] == ["", "", "Email", "", "Name"]
    assert rows[4][3] == "x"


def test_formula_payloads_import_as_text_and_export_as_text(demo_app: App, tmp_path: Path) -> None:
    payloads = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]
    path = tmp_path / "formulas.csv"
    path.write_text(
        "Email,First Name,Last Name,Organisation\n"
        + "".join(
            f'f{n}@example.org,"{p.replace(chr(34), 2 * chr(34))}",x,{p[:3]}\n'
            for n, p in enumerate(payloads)
        )
    )
    imports.import_file(demo_app.uow(), path, session_of(demo_app))
    assert [person(demo_app, f"f{n}@example.org").first_name for n in range(5)] == payloads
    out = tmp_path / "out.xlsx"
    status = cli.main(
        [
            "--db",
            demo_app.url,
            "export",
            "registrants",
            str(out),
            "--profile",
            "Everything (internal use)",
        ]
    )
    assert status == 0
    book = load_workbook(out)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert set(payloads) <= {c.value for c in cells}
