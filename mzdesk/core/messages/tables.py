"""Messages of the worker, certificate and training imports and of the import preview
(issue 11). code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "import.assumed_passed": (
        "；{count}行考核结果为空，已按合格登记（第{rows}行）",
        "; {count} rows with a blank 考核结果 were recorded as passed (rows {rows})",
    ),
    # which institution a sheet without 机构名称 goes to (services/tables/importing.py)
    "import.institution_option_unknown": (
        "没有名为「{name}」的机构",
        "there is no institution named '{name}'",
    ),
    "import.institution_choose": (
        "表中没有机构名称列，而数据库中有{count}家机构：请用 --institution 指定机构，"
        "或在表中加一列机构名称",
        "the sheet has no 机构名称 column and the database has {count} institutions: name one "
        "with --institution, or add a 机构名称 column",
    ),
    "import.no_institution": (
        "数据库中还没有机构，请先创建或导入机构",
        "the database has no institution yet; create or import one first",
    ),
    "import.cancelled": ("已取消导入，未写入任何数据", "import cancelled; nothing was written"),
    # workers who left (importers/workers.py)
    "import.worker_left_needs_date": (
        "状态为离职时请填写离职日期",
        "a worker who has left needs a 离职日期 (leaving date)",
    ),
    "import.worker_left_but_active": (
        "离职日期与状态「在职」矛盾",
        "a 离职日期 (leaving date) contradicts the status 'active'",
    ),
    "import.worker_recorded_left": (
        "「{name}」已于{date}离职；表中为在职（复职请在软件中办理，或改为离职）",
        "'{name}' left on {date}; the sheet says active (record a return in the app, or "
        "mark the row as left)",
    ),
    # certificates and training: the worker a row names (importers/certificates.py, training.py)
    "import.worker_unknown": (
        "本机构没有身份证号为 {id_number} 的护理员",
        "the institution has no worker with ID number {id_number}",
    ),
    "import.worker_name_differs": (
        "身份证号 {id_number} 登记的是「{recorded}」，表中是「{typed}」",
        "ID number {id_number} is recorded as '{recorded}'; the sheet says '{typed}'",
    ),
    "import.no_expiry": ("长期", "no expiry"),
    "import.not_hours": (
        "「{value}」不是学时数（如 2 或 1.5）",
        "'{value}' is not a number of hours (such as 2 or 1.5)",
    ),
    "import.attendee_twice": (
        "与第{other}行是同一培训的同一人",
        "the same person in the same session as row {other}",
    ),
    "import.attendee_left": (
        "「{name}」已于{date}离职，早于培训开始",
        "'{name}' left on {date}, before the session began",
    ),
    "import.certificate_issued": (
        "已为此人此次培训发放合格证书，改为「{result}」前请先作废证书",
        "a certificate was issued for this attendance; revoke it before changing the "
        "result to '{result}'",
    ),
}
