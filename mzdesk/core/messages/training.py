"""Messages about care workers' records, the training matrix and the training figures
(issue 11, part A).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "worker.not_left": ("「{name}」在职，无需撤销离职", "'{name}' has not left"),
    "worker.left_attendee": (
        "「{name}」已于{left_on}离职，不能登记参训",
        "'{name}' left on {left_on} and cannot be added to a session",
    ),
    "training.already_attending": (
        "「{name}」已在本次培训的参训名单中",
        "'{name}' already attends this session",
    ),
    "training.other_institution": (
        "「{name}」不是本机构的工作人员",
        "'{name}' does not work at this session's institution",
    ),
    "training.certificate_issued": (
        "已为这次参训颁发培训合格证书，请先作废证书再修改",
        "a training certificate was issued for this attendance: revoke it first",
    ),
    "requirement.hours_alone": (
        "按学时计的要求不设间隔月数，也不设上岗前完成",
        "a requirement in hours per year takes no interval and no 'before starting work'",
    ),
    "requirement.what_counts": (
        "请选择培训类别或填写主题包含的文字",
        "choose a category or the words the topic contains",
    ),
    "requirement.interval": (
        "间隔月数应在1–{max}之间（留空表示只需一次）",
        "the interval must be 1–{max} months (blank: once)",
    ),
    "requirement.duplicate": (
        "第{row}行与前面一行的岗位和名称相同（{occupation}「{name}」）",
        "line {row} repeats an earlier line ({occupation} '{name}')",
    ),
    "requirement.line": ("第{row}行（{name}）：{problem}", "line {row} ({name}): {problem}"),
    "requirement.file": (
        "培训要求文件 {path} 第{entry}项有误：{problem}",
        "the training requirements file {path}, entry {entry}, is broken: {problem}",
    ),
    "cli.training.which_institution": (
        "数据库中有多家机构，请用 --institution 指明：{names}",
        "The database holds several institutions; name one with --institution: {names}",
    ),
}
