"""Peak memory (VmHWM) and time of reading the worst hostile files, each in a process of its
own, and of the largest files the app accepts: 1,048,576-row workbooks, against a floor
(python-calamine reading the same sheet with nothing else: no checks, no text).

    .venv/bin/python benchmarks/bench_hostile_files.py          # everything (~10 minutes)
    BENCH_QUICK=1 .venv/bin/python benchmarks/bench_hostile_files.py   # hostile files only

Before the limits, the sparse workbook aborted Python (a 512 GB allocation), the 1.5 GB
shared-strings bomb grew past 6 GB, /dev/zero and FIFOs hung, the 30 MB one-line CSV took
86 s and the million-row workbook 74 s and 1.85 GB.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import files  # noqa: E402  (generators shared with the tests)

FOLDER = Path(tempfile.gettempdir()) / "webinar-desk-hostile"


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_app(path: str) -> None:
    """Read one file as an import does, then parse it; print both stages as JSON."""
    from desktop_app.domain.errors import UserError
    from desktop_app.io.formats import parse_table
    from desktop_app.io.table_reader import read_table

    started = time.perf_counter()
    result: dict[str, object] = {}
    try:
        table = read_table(Path(path))
        result.update(seconds=time.perf_counter() - started, mb=peak_mb())
        outcome = f"read {len(table.rows):,} rows"
        parsed = parse_table(table)
        outcome += f"; parsed {len(parsed.rows):,} people"
        result.update(parsed_seconds=time.perf_counter() - started, parsed_mb=peak_mb())
    except UserError as error:
        outcome = f"refused: {error}"
        result.setdefault("seconds", time.perf_counter() - started)
        result.setdefault("mb", peak_mb())
    print(json.dumps({**result, "out": outcome}))


def child_floor(path: str) -> None:
    """python-calamine alone: the sheet as Python values, nothing checked or converted."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    outcome = f"read {len(rows):,} rows"
    print(json.dumps({"seconds": time.perf_counter() - started, "mb": peak_mb(), "out": outcome}))


def measure(role: str, path: Path) -> dict[str, object]:
    """Run a child on path; a child that hangs or dies is reported as such."""
    command = [sys.executable, __file__, role, str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": 600.0, "mb": float("nan"), "out": "HUNG (killed after 600 s)"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": float("nan"), "mb": float("nan"), "out": f"DIED: {last}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def hostile() -> list[tuple[str, Callable[[], Path]]]:
    """The worst hostile files, made on first use."""

    def cached(name: str, make: Callable[[Path], Path]) -> Callable[[], Path]:
        def get() -> Path:
            path = FOLDER / name
            if not path.exists() and not path.is_symlink():
                make(path)
            return path

        return get

    def fifo(path: Path) -> Path:
        os.mkfifo(path)
        return path

    def link(path: Path) -> Path:
        path.symlink_to("/dev/zero")
        return path

    def one_line(path: Path) -> Path:
        path.write_text("Email," + "x," * 15_000_000)
        return path

    def tiny_cells(path: Path) -> Path:
        row = ",".join("x" for _ in range(100)) + "\n"
        with path.open("w") as out:
            out.write("Email," + row)
            for _ in range(190 * 1024 * 1024 // len(row)):
                out.write("a@b.org," + row)
        return path

    def junk(path: Path) -> Path:
        path.write_bytes(random.Random(1).randbytes(150 * 1024 * 1024))
        return path

    def liar(path: Path) -> Path:
        files.shared_strings_bomb(path, unpacked_mb=400)
        return files.lie_about_size(path, "xl/sharedStrings.xml", 100_000)

    return [
        ("5 KB workbook, cells at A1 and XFD1048576", cached("sparse.xlsx", files.sparse_xlsx)),
        (
            "sharedStrings bomb: 1.5 GB unpacked",
            cached("bomb.xlsx", lambda p: files.shared_strings_bomb(p, unpacked_mb=1536)),
        ),
        ("sharedStrings bomb lying about its size", cached("liar.xlsx", liar)),
        ("30 MB one-line CSV", cached("one-line.csv", one_line)),
        ("190 MB CSV of 101-column rows (cell cap)", cached("tiny-cells.csv", tiny_cells)),
        ("150 MB of binary junk", cached("junk.csv", junk)),
        ("FIFO", cached("pipe.csv", fifo)),
        ("/dev/zero", lambda: Path("/dev/zero")),
        ("symlink to /dev/zero", cached("zero.csv", link)),
    ]


def largest() -> list[tuple[str, Callable[[], Path]]]:
    """The largest workbooks: Excel's full height, 6, 8 and 10 columns."""

    def rows(columns: int) -> Callable[[], Path]:
        def get() -> Path:
            path = FOLDER / f"million-{columns}.xlsx"
            if not path.exists():
                files.million_rows_xlsx(path, columns=columns)
            return path

        return get

    return [(f"1,048,576 rows × {n} columns XLSX", rows(n)) for n in (6, 8, 10)]


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    cases = hostile() + ([] if os.environ.get("BENCH_QUICK") else largest())
    print(f"{'file (read as an import reads it)':<46} {'seconds':>8} {'peak MB':>8}  outcome")
    for label, get in cases:
        path = get()
        result = measure("app", path)
        line = f"{label:<46} {result['seconds']:>8.1f} {result['mb']:>8.0f}  {result['out']}"
        print(line[:200], flush=True)
        if "parsed_seconds" in result:
            print(
                f"{'  ... and parsed into import rows':<46} {result['parsed_seconds']:>8.1f} "
                f"{result['parsed_mb']:>8.0f}",
                flush=True,
            )
        if label.startswith("1,048,576"):
            floor = measure("floor", path)
            ratio_s = float(result["seconds"]) / float(floor["seconds"])  # type: ignore[arg-type]
            ratio_mb = float(result["mb"]) / float(floor["mb"])  # type: ignore[arg-type]
            print(
                f"{'  floor: python-calamine to_python alone':<46} {floor['seconds']:>8.1f} "
                f"{floor['mb']:>8.0f}  app/floor: time {ratio_s:.2f}, memory {ratio_mb:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        {"app": child_app, "floor": child_floor}[sys.argv[1]](sys.argv[2])
    else:
        main()
