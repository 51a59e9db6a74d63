"""The rates on top with the names behind a gap, the training matrix cells, "who needs what
next", and the requirements editor."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit

from mzdesk.core.training import CellStatus
from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.gui.training.matrix_panel import STATUS_COLOURS
from mzdesk.gui.training.requirements_dialog import HOURS, NAME, RequirementsDialog
from mzdesk.gui.training.worker_page import WorkerPage
from mzdesk.services.training import training_requirements
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    record_training_session,
    register_care_worker,
)
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.training import training_statistics
from tests.gui.conftest import closed, open_dialog
from tests.gui.training.test_workers_and_sessions import grab, press, show_page
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

TODAY = dt.date.today()


def _days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def _newcomer(store, institution_id, name: str, hired: dt.date):
    return register_care_worker(
        store,
        SETUP,
        WorkerData(
            institution_id,
            name,
            Occupation.CARE_WORKER,
            hired,
            id_number(dt.date(1985, 6, 1), male=False),
        ),
    )


def _trained(store, institution_id, worker_id, topic, category, ended: dt.date) -> None:
    record_training_session(
        store,
        SETUP,
        TrainingData(
            institution_id,
            topic,
            category,
            ended,
            ended,
            Decimal(2),
            [Attendee(worker_id, TrainingResult.PASSED)],
        ),
    )


def _refreshed(qtbot, page, condition) -> None:
    qtbot.waitUntil(condition, timeout=10_000)


def test_rates_name_the_gap_and_a_name_opens_the_worker(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    newcomer = _newcomer(store, institution.id, "新来护理员", _days_ago(20))
    soon = TODAY + dt.timedelta(days=30)
    add_certificate(
        store,
        SETUP,
        CertificateData(newcomer.id, "健康证", "JK-1", issued_on=_days_ago(300), expires_on=soon),
    )
    # the page follows the shell's "changed" signal only for writes on the one writer: a
    # write made behind its back is shown on the next refresh
    page.refresh()
    _refreshed(qtbot, page, lambda: "新来护理员" in page.rates.prejob.names.text())
    figures = training_statistics(store, Scope(institution_id=institution.id))
    assert page.rates.prejob.value.text() == figures.prejob_rate.pct != "100.0%"
    assert page.rates.certified.value.text() == figures.certified_rate.pct
    names = {w.name for w in figures.missing_certificate}
    assert "新来护理员" in names and "新来护理员" in page.rates.certified.names.text()
    expiring = page.rates.expiring.text()
    assert "新来护理员" in expiring and "健康证" in expiring and soon.isoformat() in expiring
    grab(window, "page-top")

    # a name behind the gap opens that worker's page
    page.rates.prejob.names.linkActivated.emit(f"worker:{newcomer.id}")
    sheet = open_dialog(qtbot, WorkerPage)
    assert sheet.detail.worker.id == newcomer.id
    sheet.close()
    closed(qtbot, sheet)

    # trained before starting: the name goes, the rate follows
    _trained(
        store, institution.id, newcomer.id, "岗前培训", TrainingCategory.PRE_JOB, _days_ago(21)
    )
    page.refresh()
    _refreshed(qtbot, page, lambda: "新来护理员" not in page.rates.prejob.names.text())
    after = training_statistics(store, Scope(institution_id=institution.id))
    assert page.rates.prejob.value.text() == after.prejob_rate.pct
    assert after.prejob_trained == figures.prejob_trained + 1


def _cell(page, name: str, column: str):
    model = page.matrix.model
    matrix = model.matrix
    row = next(i for i, r in enumerate(matrix.rows) if r.name == name)
    col = matrix.columns.index(column) + 2
    index = model.index(row, col)
    return (
        model.data(index, Qt.ItemDataRole.DisplayRole),
        model.data(index, Qt.ItemDataRole.BackgroundRole),
    )


def test_matrix_cells_say_and_colour_where_each_worker_stands(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    fresh = _newcomer(store, institution.id, "矩阵甲", _days_ago(400))
    old = _newcomer(store, institution.id, "矩阵乙", _days_ago(800))
    _trained(
        store,
        institution.id,
        fresh.id,
        "消防安全演练",
        TrainingCategory.FIRE_FIRST_AID,
        _days_ago(340),
    )
    _trained(
        store,
        institution.id,
        old.id,
        "消防安全演练",
        TrainingCategory.FIRE_FIRST_AID,
        _days_ago(400),
    )
    _trained(store, institution.id, old.id, "岗前培训", TrainingCategory.PRE_JOB, _days_ago(801))
    page.tabs.setCurrentWidget(page.matrix)
    page.refresh()
    _refreshed(
        qtbot,
        page,
        lambda: (
            page.matrix.model.matrix is not None
            and any(r.name == "矩阵乙" for r in page.matrix.model.matrix.rows)
        ),
    )
    colour = {status: QColor(STATUS_COLOURS[status][0]) for status in CellStatus}

    text, background = _cell(page, "矩阵甲", "岗前培训")
    assert text.startswith("缺") and str(_days_ago(400)) in text  # due on the first day
    assert background == colour[CellStatus.MISSING]
    text, background = _cell(page, "矩阵甲", "消防安全培训")  # 340 days ago: due within 60
    assert text.startswith("即将到期") and background == colour[CellStatus.EXPIRING]
    text, background = _cell(page, "矩阵乙", "消防安全培训")  # 400 days ago: over a year
    assert text.startswith("已过期") and background == colour[CellStatus.EXPIRED]
    text, background = _cell(page, "矩阵乙", "岗前培训")
    assert text.startswith("有效") and background == colour[CellStatus.CURRENT]

    # who needs what next: ordered by due date, the overdue 岗前培训 of 矩阵甲 among them
    needs = page.matrix.needs
    assert [n.due or dt.date.max for n in needs] == sorted(n.due or dt.date.max for n in needs)
    assert any(n.name == "矩阵甲" and n.requirement == "岗前培训" for n in needs)
    row = next(i for i, n in enumerate(needs) if n.name == "矩阵乙")
    assert page.matrix.next.rows_model.text(row, 1) == "矩阵乙"
    grab(window, "matrix-tab")


def test_requirements_editor_saves_the_institutions_own_lines(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    page.tabs.setCurrentWidget(page.matrix)
    assert all(line.is_default for line in training_requirements(store, institution.id))
    qtbot.mouseClick(page.matrix.requirements_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, RequirementsDialog)
    lines = dialog.lines()
    hours_row = next(
        i
        for i, line in enumerate(lines)
        if line.occupation is Occupation.CARE_WORKER and line.hours_per_year is not None
    )
    dialog.table.cellWidget(hours_row, HOURS).setValue(24)
    # a line without a name is refused and marked
    dialog.add_line()
    last = dialog.table.rowCount()
    press(qtbot, dialog)
    qtbot.waitUntil(lambda: f"第{last}行" in dialog.error_label.text())
    name = dialog.table.cellWidget(last - 1, NAME)
    assert isinstance(name, QLineEdit) and name.styleSheet()
    grab(dialog, "requirements-dialog")
    name.setText("失智照护专项")
    press(qtbot, dialog)
    qtbot.waitUntil(lambda: "类别" in dialog.error_label.text() or not dialog.isVisible())
    if dialog.isVisible():  # the new line needs what counts: a category or words
        dialog.table.cellWidget(last - 1, 3).setText("失智")
        press(qtbot, dialog)
    closed(qtbot, dialog)
    saved = training_requirements(store, institution.id)
    assert not any(line.is_default for line in saved)
    assert any(line.hours_per_year == Decimal(24) for line in saved)
    assert any(line.name == "失智照护专项" for line in saved)
    # the matrix follows (a column for the new line)
    qtbot.waitUntil(lambda: "失智照护专项" in page.matrix.model.matrix.columns, timeout=10_000)


def test_a_change_reloads_what_it_touched_and_a_hidden_tab_when_shown(qtbot, window):
    from mzdesk.gui.runtime.tasks import spawn

    store, institution = window.ctx.store, window.ctx.institution
    newcomer = _newcomer(store, institution.id, "分步刷新", _days_ago(10))
    page = show_page(qtbot, window)
    page.refresh()
    _refreshed(qtbot, page, lambda: "分步刷新" in page.rates.prejob.names.text())
    _refreshed(qtbot, page, lambda: page.loaded is not None and page.loaded.done())
    listed = page.workers.all
    assert page.matrix.model.matrix is None  # the matrix tab was never shown: never read
    data = TrainingData(
        institution.id,
        "岗前培训（分步）",
        TrainingCategory.PRE_JOB,
        _days_ago(11),
        _days_ago(11),
        Decimal(8),
        [Attendee(newcomer.id, TrainingResult.PASSED)],
    )
    task = spawn(window.ctx.change(record_training_session, data))  # through the one writer
    qtbot.waitUntil(task.done)
    # the rates follow the shell's "changed" signal; the workers' list was not touched
    _refreshed(qtbot, page, lambda: "分步刷新" not in page.rates.prejob.names.text())
    _refreshed(qtbot, page, lambda: page.loaded is not None and page.loaded.done())
    assert page.workers.all is listed
    assert {"sessions", "matrix"} <= page.dirty
    page.tabs.setCurrentWidget(page.matrix)  # shown: read now
    _refreshed(qtbot, page, lambda: page.matrix.model.matrix is not None)
    text, _ = _cell(page, "分步刷新", "岗前培训")
    assert text.startswith("有效")
    assert "matrix" not in page.dirty


def test_the_list_count_and_the_rates_count_the_same_care_workers(qtbot, window):
    """Seen: the rates read "在职护理员 18 人" and the list under them "在职人员 22 人" — the list
    counted managers and therapists too, and nothing said so."""
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    figures = training_statistics(store, Scope(institution_id=institution.id))
    _refreshed(qtbot, page, lambda: bool(page.workers.count.text()))
    count = page.workers.count.text()
    assert f"护理员 {figures.active_care_workers} 人" in count, count
    assert f"在职护理员 {figures.active_care_workers} 人" in page.rates.heading.text()
