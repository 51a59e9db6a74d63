"""A bureau's laptop (enrolled for a region) does not offer edits of a home's residents and beds
(core/permissions.py REGION_WITHHELD; the server refuses them anyway: server/regions.py)."""

from __future__ import annotations


def test_a_bureau_laptop_does_not_offer_the_homes_edits(qtbot, window_as):
    from dataclasses import replace

    from mzdesk.core.permissions import Permission
    from mzdesk.gui.beds.page import BedsPage
    from mzdesk.gui.residents.page import ResidentsPage

    window = window_as("staff")
    ctx = window.ctx
    assert ctx.can(Permission.RESIDENTS_EDIT)
    bureau = replace(ctx, region_device=True)  # what gui/app.py builds on a region device
    assert not bureau.can(Permission.RESIDENTS_EDIT) and not bureau.can(Permission.BEDS_EDIT)
    assert bureau.can(Permission.INSPECTIONS_EDIT)
    residents, beds = ResidentsPage(bureau), BedsPage(bureau)
    assert residents.admit_button.isHidden() and residents.discharge_button.isHidden()
    assert not residents.open_button.isHidden() and beds.add_button.isHidden()
    assert not ResidentsPage(ctx).admit_button.isHidden()
    for page in (residents, beds):
        page.deleteLater()
