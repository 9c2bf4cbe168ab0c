"""Preferences: stored per user as JSON, read back with defaults for anything missing or bad."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.preferences import Preferences, series_defaults
from desktop_app.services import preferences
from desktop_app.services.preferences import load_preferences, save_preferences


def test_nothing_saved_gives_defaults(tmp_path: Path) -> None:
    prefs = load_preferences(tmp_path)
    assert prefs.staff_name == "" and prefs.paper_size in ("A4", "Letter")
    assert prefs == preferences.defaults()


def test_saved_preferences_come_back(tmp_path: Path) -> None:
    saved = save_preferences(
        Preferences(
            staff_name=" Lee Okafor ",
            staff_email="Lee@NGO.org",
            organisation="Open Contracting Partnership",
            paper_size="letter",
            export_folder="/srv/exports",
            home_zone="Europe/London",
            display_zones=("America/New_York", "America/New_York", "Asia/Tokyo"),
        ),
        tmp_path,
    )
    assert saved.staff_name == "Lee Okafor" and saved.staff_email == "lee@ngo.org"
    assert saved.paper_size == "Letter"
    assert saved.display_zones == ("America/New_York", "Asia/Tokyo")
    assert load_preferences(tmp_path) == saved
    assert json.loads((tmp_path / "preferences.json").read_text())["staff_name"] == "Lee Okafor"
    assert [p.name for p in tmp_path.iterdir()] == ["preferences.json"]  # no temporary left


def test_the_environment_variable_chooses_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(preferences.CONFIG_ENV, str(tmp_path / "cfg"))
    save_preferences(Preferences(staff_name="Lee"))
    assert (tmp_path / "cfg" / "preferences.json").exists()
    assert load_preferences().staff_name == "Lee"


def test_without_the_variable_the_user_config_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(preferences.CONFIG_ENV, raising=False)
    # conftest points XDG_CONFIG_HOME at tmp_path / "config"
    assert preferences.config_dir() == tmp_path / "config" / "WebinarDesk"


def test_bad_values_are_refused_on_save(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        save_preferences(
            Preferences(staff_email="lee at ngo", paper_size="A3", home_zone="Pacific"),
            tmp_path,
        )
    assert set(caught.value.problems) == {"staff_email", "paper_size", "home_zone"}
    assert not (tmp_path / "preferences.json").exists()


def test_a_damaged_file_falls_back_without_failing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "preferences.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_preferences(tmp_path) == preferences.defaults()
    assert "not JSON" in caplog.text
    (tmp_path / "preferences.json").write_text(
        json.dumps({"staff_name": "Lee", "paper_size": "A3", "home_zone": 7, "extra": 1}),
        encoding="utf-8",
    )
    prefs = load_preferences(tmp_path)
    assert prefs.staff_name == "Lee"  # the good value is kept
    assert prefs.paper_size == preferences.defaults().paper_size  # the bad ones fall back
    assert prefs.home_zone == preferences.defaults().home_zone


@pytest.mark.parametrize(
    ("lang", "paper"), [("en_US.UTF-8", "Letter"), ("en_GB.UTF-8", "A4"), ("C.UTF-8", "A4")]
)
def test_the_default_paper_follows_the_locale(
    lang: str, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_PAPER", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", lang)
    assert preferences.defaults().paper_size == paper


def test_new_series_start_from_the_preferences() -> None:
    prefs = Preferences(
        organisation="OCP", home_zone="Europe/London", display_zones=("America/New_York",)
    )
    data = series_defaults(prefs, "New")
    assert (data.title, data.organiser, data.home_zone, data.display_zones) == (
        "New",
        "OCP",
        "Europe/London",
        ("America/New_York",),
    )
