"""Exporting only the people chosen by hand: the profile's rules still apply."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.export_profile import EVERYTHING
from desktop_app.services import export_profiles, exports, registrants


def test_only_the_chosen_people_within_the_profile(demo_app: App, tmp_path: Path) -> None:
    people = registrants.list_registrants(demo_app.uow())
    said_no = [p.id for p in people if p.consent == "no"][:2]
    said_yes = [p.id for p in people if p.consent == "yes"][:3]
    chosen = said_no + said_yes
    partners = export_profiles.get_profile(demo_app.uow(), None)
    plan = exports.plan_export(demo_app.uow(), 1, partners, registrant_ids=chosen)
    assert plan.people == 3  # the two who said no stay out of a partner file
    everything = export_profiles.get_profile(demo_app.uow(), EVERYTHING)
    assert exports.plan_export(demo_app.uow(), 1, everything, registrant_ids=chosen).people == 5
    assert exports.plan_export(demo_app.uow(), 1, everything, registrant_ids=[]).people == 0
    target = tmp_path / "chosen.xlsx"
    written = exports.export_registrants(
        demo_app.uow(), 1, everything, target, registrant_ids=chosen, exported_by="Ana Ruiz"
    )
    assert written.people == 5
    book = load_workbook(target)
    emails = {row[2] for row in book["All registrants"].iter_rows(min_row=2, values_only=True)}
    assert emails == {p.email for p in people if p.id in chosen}
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Chosen by hand"] == "5 people selected in Webinar Desk, if the rules allow"
    assert summary["Exported by"] == "Ana Ruiz"
