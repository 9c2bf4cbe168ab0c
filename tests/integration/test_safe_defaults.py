"""Without a profile, an export sends only what partners may have; Everything says INTERNAL."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.export_profile import EVERYTHING, PARTNERS
from desktop_app.services import export_profiles, exports, series
from tests.integration.test_cli import run


def summary(path: Path) -> dict[object, object]:
    return {row[0].value: row[1].value for row in load_workbook(path)["Summary"].iter_rows()}


def test_the_default_profile_respects_consent(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    out = tmp_path / "partners.csv"
    result = run("export", "registrants", str(out), db=demo_app.url)
    assert result.returncode == 0, result.stderr
    assert f"with the profile '{PARTNERS}' (the default; name another" in result.stdout
    assert "Personal columns" not in result.stdout and "INTERNAL" not in result.stdout
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert "Email" not in rows[0] and not any("phone" in k.casefold() for k in rows[0])
    series_id = series.list_series(demo_app.uow())[0].id
    plan = exports.plan_export(
        demo_app.uow(), series_id, export_profiles.get_profile(demo_app.uow(), None)
    )
    assert plan.profile.name == PARTNERS and not plan.internal
    assert plan.profile.require_consent and not plan.profile.include_unknown_consent
    consenting = exports.plan_export(
        demo_app.uow(), series_id, export_profiles.get_profile(demo_app.uow(), EVERYTHING)
    )
    assert 0 < len(rows) == plan.people < consenting.people


def test_everything_must_be_named_and_says_internal(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    everything = tmp_path / "everything.xlsx"
    result = run("export", "registrants", str(everything), "--profile", EVERYTHING, db=demo_app.url)
    assert result.returncode == 0, result.stderr
    assert "INTERNAL" in result.stdout and "(the default" not in result.stdout
    assert str(summary(everything)["INTERNAL"]).startswith("For the team only")
    partners = tmp_path / "partners.xlsx"
    assert run("export", "registrants", str(partners), db=demo_app.url).returncode == 0
    assert "INTERNAL" not in summary(partners)
    assert summary(partners)["Profile"] == PARTNERS


def test_a_saved_profile_without_consent_is_internal_too(demo_app: App) -> None:
    from dataclasses import replace

    profile = replace(
        export_profiles.get_profile(demo_app.uow(), None), name="Staff", require_consent=False
    )
    series_id = series.list_series(demo_app.uow())[0].id
    assert exports.plan_export(demo_app.uow(), series_id, profile).internal
