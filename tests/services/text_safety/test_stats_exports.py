"""The statistics workbook and the 双随机 workbooks hold stored names (institutions, care
workers, inspectors): written as text, never a formula, never failing on a forged name."""

import datetime as dt
from pathlib import Path

import openpyxl
from sqlalchemy import update

from mzdesk.core.identifiers import make_uscc
from mzdesk.core.vocab import InstitutionKind, Occupation
from mzdesk.reports.bed_report import write_xlsx
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.sampling import DrawRequest, make_draw
from mzdesk.services.sampling_export import export_draw, export_results
from mzdesk.services.workers import WorkerData, register_care_worker
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import bed_statistics
from mzdesk.stats.beds.occupancy import monthly_trend, occupancy_by_group
from mzdesk.stats.hazards import hazard_statistics
from mzdesk.stats.training import training_statistics
from mzdesk.store.engine import open_store
from mzdesk.store.models import CareWorker, Institution
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

FORGED_HOME = '=HYPERLINK("http://evil.example","点我")\x1b[2J\u202e'
FORGED_WORKER = "@SUM(1)\x07"


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_safe(path: Path) -> list[str]:
    texts = []
    for cell in _cells(path):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            texts.append(cell.value)
            assert not any(ord(c) < 0x20 and c not in "\n\t" for c in cell.value), cell.value
            assert "\u202e" not in cell.value
    return texts


def test_the_statistics_workbook_with_forged_names(store, home, tmp_path):
    register_care_worker(
        store,
        SETUP,
        WorkerData(home.id, "王五", Occupation.CARE_WORKER, dt.date(2024, 1, 2), id_number()),
    )
    with store.write(SETUP) as session:  # as a forged row arrives by sync
        session.execute(update(Institution).values(name=FORGED_HOME))
        session.execute(update(CareWorker).values(name=FORGED_WORKER))
    scope = Scope(None, None, dt.date.today())
    out = tmp_path / "stats.xlsx"
    write_xlsx(
        out,
        "床位统计",
        bed_statistics(store, scope),
        occupancy_by_group(store, scope),
        monthly_trend(store, scope),
        training_statistics(store, scope),
        hazard_statistics(store, scope, dt.date(dt.date.today().year, 1, 1), dt.date.today()),
    )
    texts = _assert_safe(out)
    shown = "'" + '=HYPERLINK("http://evil.example","点我")\ufffd[2J\ufffd'
    assert shown in texts
    assert "'@SUM(1)\ufffd" in texts


def test_the_sampling_workbooks_with_a_forged_name(tmp_path):
    store = open_store(tmp_path / "region.db")
    for i in range(3):
        create_institution(
            store,
            SETUP,
            InstitutionData(
                name=f"第{i}养老院",
                kind=InstitutionKind.NURSING_HOME,
                uscc=make_uscc(f"5237021200000{i:04d}"),
                region_code="370212",
            ),
        )
    with store.write(SETUP) as session:
        session.execute(update(Institution).values(name=FORGED_HOME))
    draw = make_draw(store, SETUP, DrawRequest("370212", 2, ["张三", "李四"], seed="1"))
    for write in (export_draw, export_results):
        out = tmp_path / f"{write.__name__}.xlsx"
        write(store, draw.id, out)
        texts = _assert_safe(out)
        assert "'" + '=HYPERLINK("http://evil.example","点我")\ufffd[2J\ufffd' in texts
    store.close()
