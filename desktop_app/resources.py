"""Finds the plain resource files, beside the checkout or inside a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: in the PyInstaller bundle when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """The path of one resource file, e.g. resource('demo', 'series.txt')."""
    return resources_dir().joinpath(*parts)
