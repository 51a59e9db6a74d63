"""A beds roster with 状态 = 在住 and no residents (how a bureau receives rosters from homes that
do not keep residents in mzdesk): occupied from the day of the import until a later roster
says otherwise or a resident's stay in the bed does — in the figures, the per-floor
breakdown, the home page, as of any date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from mzdesk.core.vocab import DischargeReason, InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import Admission, admit_resident, discharge_resident
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers import beds as bed_roster
from mzdesk.services.tables.importing import import_file
from mzdesk.stats.beds.asof import Scope, bed_states
from mzdesk.stats.beds.figures import bed_statistics
from mzdesk.stats.beds.occupancy import occupancy_by_group
from mzdesk.stats.today import today_figures
from mzdesk.store.models import Bed
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date
HOME = "远山敬老院"
IMPORTED = D(2026, 3, 1)


def roster(path: Path, statuses: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型", "状态", "启用日期"])
    for number, status in statuses.items():
        sheet.append([HOME, "1号楼", "1层", "101", number, "护理型", status, "2026-01-01"])
    book.save(path)
    return path


def import_on(store, path: Path, day: dt.date, monkeypatch) -> None:
    monkeypatch.setattr(bed_roster, "roster_day", lambda: day)
    import_file(store, SETUP, Kind.BEDS, path)


@pytest.fixture
def home(store, tmp_path, monkeypatch):
    institution = create_institution(
        store, SETUP, InstitutionData(HOME, InstitutionKind.NURSING_HOME, region_code="370212")
    )
    statuses = {"1": "在住", "2": "在住", "3": "在住", "4": "空闲", "5": "空闲"}
    import_on(store, roster(tmp_path / "r1.xlsx", statuses), IMPORTED, monkeypatch)
    return institution


def occupied(store, institution, day):
    """Occupied beds by every route: the figures, the per-floor breakdown and the slow
    bed-by-bed rules; all three must agree."""
    scope = Scope(institution.id, None, day)
    figures = bed_statistics(store, scope).occupied_beds
    groups = sum(g.occupied for g in occupancy_by_group(store, scope))
    with store.read() as session:
        states = bed_states(scope)
        reference = session.scalar(select(func.sum(states.c.occupied))) or 0
    assert figures == groups == reference, (day, figures, groups, reference)
    return figures


def test_a_roster_in_residence_counts_from_its_import(store, home):
    assert occupied(store, home, IMPORTED - dt.timedelta(days=1)) == 0  # before the import
    assert occupied(store, home, IMPORTED) == 3
    assert occupied(store, home, D(2026, 6, 1)) == 3
    figures = bed_statistics(store, Scope(home.id, None, D(2026, 6, 1)))
    assert (figures.occupancy.numerator, figures.occupancy.denominator) == (3, 5)
    today = today_figures(store, home.id)
    assert (today.beds_occupied, today.beds_in_service, today.free_total) == (3, 5, 2)


def test_a_residents_stay_then_decides(store, home):
    with store.read() as session:
        bed = session.scalar(select(Bed.id).where(Bed.number == "1"))
    resident = admit_resident(
        store,
        SETUP,
        Admission(home.id, ResidentData(name="张三", id_number=id_number()), D(2026, 4, 1), bed),
    )
    assert occupied(store, home, D(2026, 4, 15)) == 3  # the resident, not twice
    discharge_resident(store, SETUP, resident.id, D(2026, 5, 1), DischargeReason.HOME)
    assert occupied(store, home, D(2026, 5, 15)) == 2  # the discharge freed it
    assert occupied(store, home, D(2026, 3, 15)) == 3  # the past does not move


def test_a_later_roster_says_otherwise(store, home, tmp_path, monkeypatch):
    later = {"1": "空闲", "2": "空闲", "3": "在住", "4": "在住", "5": "空闲"}
    import_on(store, roster(tmp_path / "r2.xlsx", later), D(2026, 7, 1), monkeypatch)
    assert occupied(store, home, D(2026, 6, 30)) == 3  # the first roster still
    assert occupied(store, home, D(2026, 7, 1)) == 2  # beds 1, 2 freed; 4 taken
    with store.read() as session:
        assert session.scalar(select(Bed.status).where(Bed.number == "4")).value == "occupied"
