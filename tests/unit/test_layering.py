"""The floors of the house: what each package may import, and no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop_app", "ui")


def module_name(path: Path) -> str:
    """'desktop_app/io/formats.py' -> 'desktop_app.io.formats' (packages drop __init__)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (functions and TYPE_CHECKING included)."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names.add(module)
            # `from desktop_app.services import imports` imports a module, not a name.
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def graph() -> dict[str, set[str]]:
    """Our modules and which of our modules each imports."""
    files = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    return {
        name: {m for m in imports_of(path) if m in files and m != name}
        for name, path in files.items()
    }


def all_imports() -> dict[str, set[str]]:
    """Our modules and every module (ours or not) each imports."""
    return {
        module_name(p): imports_of(p)
        for package in PACKAGES
        for p in (ROOT / package).rglob("*.py")
    }


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


# The top floor: what calls the use cases. Nothing below may import it.
CALLERS = ("desktop_app.cli", "desktop_app.commands", "desktop_app.bootstrap")
SQL = ("sqlalchemy", "alembic")
RULES = [
    # (who, may not import, why)
    ("desktop_app", ("PySide6", "shiboken6", "ui"), "the core runs without Qt"),
    (
        "desktop_app.domain",
        (
            "desktop_app.db",
            "desktop_app.services",
            "desktop_app.io",
            "desktop_app.reports",
            *CALLERS,
            *SQL,
        ),
        "the ground floor imports only itself",
    ),
    (
        "desktop_app.io",
        ("desktop_app.services", "desktop_app.db", "desktop_app.reports", *CALLERS, *SQL),
        "readers and writers take rows and paths",
    ),
    (
        "desktop_app.reports",
        ("desktop_app.services", "desktop_app.db", "desktop_app.io", *CALLERS, *SQL),
        "documents are rendered from rows",
    ),
    (
        "desktop_app.db",
        ("desktop_app.services", "desktop_app.io", "desktop_app.reports", *CALLERS),
        "storage knows only the domain",
    ),
    ("desktop_app.services", CALLERS, "use cases do not know who calls them"),
    ("ui", ("desktop_app.db", *SQL), "the shell talks to services only"),
]


@pytest.mark.parametrize(("who", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_floor_does_not_import(who: str, forbidden: tuple[str, ...], why: str) -> None:
    offenders = {
        module: sorted(m for m in names if any(within(m, f) for f in forbidden))
        for module, names in all_imports().items()
        if within(module, who)
    }
    assert {k: v for k, v in offenders.items() if v} == {}, why


def test_no_import_cycles() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for other in sorted(edges[node]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []


def test_the_scan_sees_imports() -> None:
    # Guards the tests above against passing because they read nothing.
    found = all_imports()
    assert "sqlalchemy" in found["desktop_app.db.models.base"]
    assert "PySide6.QtWidgets" in found["ui.window.main_window"]
    assert "desktop_app.services.uow" in graph()["desktop_app.services.imports"]
    # A package import of a module counts as importing that module.
    assert "desktop_app.services.sessions" in graph()["desktop_app.services.run_of_show"]
