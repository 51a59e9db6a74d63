"""The import preview: the rows and every problem before anything is written, and a
cancelled import that writes nothing — the same checks as the import itself."""

import pytest
from sqlalchemy import func, select

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import ImportCancelled, import_file, preview_import
from mzdesk.store.models import AuditEntry, TrainingAttendance
from tests.helpers.actors import SETUP
from tests.services.tables.staff import LEDGER_HEADER, PEOPLE, sheet, workers_sheet

(A, NA), (B, NB), (C, NC) = PEOPLE
FIRE = ["消防安全", "消防", "2026-03-05", None, "2学时", None, None]


@pytest.fixture
def staffed(store, home, tmp_path):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    return store


def audit_count(store):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def test_preview_shows_rows_and_problems_by_row_and_column_and_writes_nothing(staffed, tmp_path):
    rows = [
        [*LEDGER_HEADER, "备注"],
        [*FIRE, A, NA, None, "x"],
        [*FIRE, B, NB, "优秀", None],
        [*FIRE, "路人", NC, None, None],
    ]
    path = sheet(tmp_path / "p.xlsx", rows)
    before = audit_count(staffed)
    preview = preview_import(staffed, Kind.TRAINING, path)
    assert audit_count(staffed) == before
    assert preview.columns == tuple(LEDGER_HEADER)  # the sheet has no 机构名称
    assert preview.institution == "幸福养老院"
    assert [r.number for r in preview.rows] == [2, 3, 4]
    assert preview.rows[0].values[:5] == ("消防安全", "消防", "2026-03-05", "", "2学时")
    assert [(p.row, p.column) for p in preview.problems] == [(3, "考核结果"), (4, "姓名")]
    assert (preview.valid_rows, preview.invalid_rows, preview.ignored_columns) == (1, 2, ("备注",))
    # the same problems as importing it
    report = import_file(staffed, SETUP, Kind.TRAINING, path, skip_invalid=True)
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (p.row, p.column, p.message) for p in preview.problems
    ]


def test_a_file_problem_is_a_preview_without_rows(staffed, tmp_path):
    path = tmp_path / "x.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    preview = preview_import(staffed, Kind.TRAINING, path)
    assert preview.rows == () and preview.valid_rows == 0
    assert "另存为 .xlsx" in str(preview.file_problems[0])


def test_a_cancelled_import_writes_nothing(staffed, tmp_path):
    rows = [LEDGER_HEADER] + [
        [f"课程{i}", "在岗", "2026-03-05", None, 1, None, None, A, NA, None] for i in range(450)
    ]
    path = sheet(tmp_path / "big.xlsx", rows)
    seen = []

    def progress(phase, done, total):
        seen.append((phase, done, total))

    before = audit_count(staffed)
    with pytest.raises(ImportCancelled):
        import_file(
            staffed, SETUP, Kind.TRAINING, path, progress=progress, cancelled=lambda: len(seen) >= 4
        )  # cancelled once the rows were written (flushed): they are rolled back
    assert seen == [("检查", 200, 450), ("检查", 400, 450), ("写入", 200, 450), ("写入", 400, 450)]
    assert audit_count(staffed) == before
    with staffed.read() as s:
        assert s.scalar(select(func.count()).select_from(TrainingAttendance)) == 0
    assert import_file(staffed, SETUP, Kind.TRAINING, path, cancelled=lambda: False).created == 450
