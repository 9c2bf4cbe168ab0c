"""Remembered folders: each kind of file dialog starts where the user last went for that
purpose (kept in QSettings), or somewhere sensible the first time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

IMPORT = "import"
EXPORT = "export"
RUN_OF_SHOW = "run-of-show"
BACKUP = "backup"
HEADSHOT = "headshot"
PURPOSES = (IMPORT, EXPORT, RUN_OF_SHOW, BACKUP, HEADSHOT)
Location = QStandardPaths.StandardLocation
# Where each purpose starts before the user has chosen anything: reports are downloaded,
# documents written for others go with documents, pictures come from pictures.
FIRST_PLACE = {
    IMPORT: Location.DownloadLocation,
    EXPORT: Location.DocumentsLocation,
    RUN_OF_SHOW: Location.DocumentsLocation,
    BACKUP: Location.DocumentsLocation,
    HEADSHOT: Location.PicturesLocation,
}


def _key(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"no remembered folder for {purpose!r}")
    return f"folders/{purpose}"


def start_folder(purpose: str, fallback: str | Path | None = None) -> Path:
    """The folder a file dialog for purpose opens in: the last one used (if it is still
    there), else fallback (if it is a folder), else the purpose's usual place, else home."""
    remembered = QSettings().value(_key(purpose))
    for candidate in (remembered, fallback):
        if candidate and Path(str(candidate)).is_dir():
            return Path(str(candidate))
    usual = QStandardPaths.writableLocation(FIRST_PLACE[purpose])
    if usual and Path(usual).is_dir():
        return Path(usual)
    return Path.home()


def remember(purpose: str, chosen: str | Path, *, is_folder: bool = False) -> None:
    """Keep the folder of a chosen file (or a chosen folder) for the next dialog."""
    path = Path(chosen)
    folder = path if is_folder or path.is_dir() else path.parent
    QSettings().setValue(_key(purpose), str(folder))


def file_dialog(
    parent: QWidget | None,
    purpose: str,
    caption: str,
    name: str = "",
    name_filter: str = "",
    fallback: str | Path | None = None,
) -> QFileDialog:
    """A file dialog opening in the purpose's folder (with name filled in, for saving) that
    remembers the folder of the file chosen. Open it with open(), like every dialog here."""
    folder = start_folder(purpose, fallback)
    dialog = QFileDialog(parent, caption, str(folder / name) if name else str(folder))
    if name_filter:
        dialog.setNameFilter(name_filter)
    dialog.fileSelected.connect(lambda chosen: remember(purpose, chosen))
    return dialog
