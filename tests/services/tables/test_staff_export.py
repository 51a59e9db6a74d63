"""Exports and templates of workers, certificates and training ledgers re-import unchanged."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import COLUMNS, Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.services.tables.writing import export_table, write_template
from mzdesk.store.engine import open_store
from mzdesk.store.models import CareWorker, TrainingAttendance, TrainingSession, WorkerCertificate
from tests.helpers.actors import SETUP
from tests.services.tables.staff import (
    CERT_HEADER,
    LEDGER_HEADER,
    PEOPLE,
    WORKER_HEADER,
    sheet,
    workers_sheet,
)

(A, NA), (B, NB), (C, NC) = PEOPLE
STAFF = (Kind.WORKERS, Kind.CERTIFICATES, Kind.TRAINING)


def snapshot(store):
    """What the three rosters hold, without ids."""
    with store.read() as s:
        workers = {w.id: w.id_number for w in s.scalars(select(CareWorker))}
        return (
            sorted(
                (w.id_number, w.name, w.status, w.left_on, w.skill_level, w.hired_on)
                for w in s.scalars(select(CareWorker))
            ),
            sorted(
                (workers[c.worker_id], c.name, c.number or "", str(c.issued_on), str(c.expires_on))
                for c in s.scalars(select(WorkerCertificate))
            ),
            sorted(
                (
                    t.topic,
                    t.category,
                    t.start_date,
                    t.end_date,
                    t.hours,
                    t.trainer or "",
                    workers[a.worker_id],
                    a.result,
                    a.hours_credited,
                )
                for a, t in s.execute(
                    select(TrainingAttendance, TrainingSession).join(
                        TrainingSession, TrainingSession.id == TrainingAttendance.session_id
                    )
                )
            ),
        )


@pytest.fixture
def filled(store, home, tmp_path):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    left = [[*WORKER_HEADER, "离职日期"], [C, NC, "养老护理员", "三级", "2024-01-02", "2025-05-31"]]
    import_file(store, SETUP, Kind.WORKERS, sheet(tmp_path / "left.xlsx", left))
    certs = [
        CERT_HEADER,
        [A, NA, "养老护理员职业技能等级证书", "0012345678", "四级", "人社局", "2024-05-01", None],
        [B, NB, "健康证", None, None, "疾控", "2025-03-05", "2026-03-04"],
    ]
    import_file(store, SETUP, Kind.CERTIFICATES, sheet(tmp_path / "c.xlsx", certs))
    ledger = [
        LEDGER_HEADER,
        ["消防安全", "消防", "2026-03-05", None, 2, "刘教官", "会议室", A, NA, None],
        ["消防安全", "消防", "2026-03-05", None, 2, "刘教官", "会议室", B, NB, "缺席"],
        ["照护技能", "在岗", "2026-04-01", "2026-04-02", 1.5, None, None, A, NA, "不合格"],
    ]
    import_file(store, SETUP, Kind.TRAINING, sheet(tmp_path / "t.xlsx", ledger))
    return store


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exports_reimport_unchanged_into_the_source_and_a_fresh_database(filled, tmp_path, suffix):
    before = snapshot(filled)
    fresh = open_store(tmp_path / f"fresh{suffix}.db")
    create_institution(
        fresh, SETUP, InstitutionData(name="幸福养老院", kind=InstitutionKind.NURSING_HOME)
    )
    for kind in STAFF:
        out = tmp_path / f"{kind.value}{suffix}"
        assert export_table(filled, kind, out) > 0
        again = import_file(filled, SETUP, kind, out)
        assert (again.created, again.updated, again.ok) == (0, 0, True), kind
        assert import_file(fresh, SETUP, kind, out).created > 0
    assert snapshot(filled) == before
    assert snapshot(fresh) == before
    fresh.close()


def test_export_keeps_codes_as_text_dates_as_dates_and_hours_as_numbers(filled, tmp_path):
    out = tmp_path / "c.xlsx"
    export_table(filled, Kind.CERTIFICATES, out)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    (row,) = [
        dict(zip(headers, r, strict=True))
        for r in ws.iter_rows(min_row=2)
        if r[headers.index("身份证号")].value == NA
    ]
    assert row["证书编号"].value == "0012345678" and row["证书编号"].number_format == "@"
    assert row["身份证号"].value == NA and row["身份证号"].data_type == "s"
    assert row["发证日期"].is_date and row["有效期至"].value == "长期"
    out = tmp_path / "t.xlsx"
    export_table(filled, Kind.TRAINING, out)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in COLUMNS[Kind.TRAINING]]
    hours = {ws.cell(row=r, column=headers.index("学时") + 1).value for r in range(2, 5)}
    assert hours == {2, 1.5}
    assert ws.cell(row=2, column=headers.index("开始日期") + 1).value == dt.datetime(2026, 3, 5)


@pytest.mark.parametrize("kind", STAFF)
def test_templates_help_typing_and_import_as_nothing(store, home, tmp_path, kind):
    path = tmp_path / f"{kind.value}.xlsx"
    write_template(kind, path)
    ws = openpyxl.load_workbook(path).active
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in COLUMNS[kind]]
    assert ws.cell(row=2, column=headers.index("身份证号") + 1).number_format == "@"
    choices = {
        str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    if kind is Kind.TRAINING:
        assert "消防/急救专项" in choices["C"] and "缺席" in choices["K"]
        assert ws.cell(row=2, column=headers.index("学时") + 1).number_format == "0.0"
    if kind is Kind.WORKERS:
        assert "离职" in choices["J"]
    report = import_file(store, SETUP, kind, path)
    assert (report.rows, report.created) == (0, 0)
