"""Messages about a resident's record: corrected dates, stays that would overlap, and
re-admitting a discharged person.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "date.after": ("{value} 晚于{other} {other_value}", "{value} is after {other} {other_value}"),
    "correction.unchanged": (
        "新日期与原日期相同（{value}），没有需要更正的内容",
        "the new date is the date already recorded ({value}): nothing to correct",
    ),
    "correction.not_discharged": (
        "「{name}」没有退住，没有退住日期可更正",
        "{name} has not been discharged: there is no discharge date to correct",
    ),
    "correction.bed_taken": (
        "床位 {bed} 在 {start} 至 {end} 由「{name}」入住，日期不能与之重叠",
        "bed {bed} was held by {name} from {start} to {end}: the dates may not overlap",
    ),
    "correction.leaves_overlap": (
        "与另一次外出（{start} 至 {end}）重叠",
        "overlaps another leave ({start} to {end})",
    ),
    "correction.after_readmission": (
        "{value} 不早于之后再次入住的日期 {other_value}",
        "{value} is not before the later re-admission on {other_value}",
    ),
    "stay.open_end": ("至今", "now"),
    "readmission.in_residence": (
        "身份证号{id_number}的住户「{name}」已在本机构在住（{status}，床位 {bed}），不能重复入住",
        "a resident with ID number {id_number} ({name}) already lives in this institution "
        "({status}, bed {bed}): cannot admit twice",
    ),
    "readmission.no_bed": ("未分配", "none"),
    "readmission.discharged": (
        "身份证号{id_number}的「{name}」已于 {date} 退住：请为其办理再次入住（沿用原档案），"
        "不要另建一份",
        "ID number {id_number} belongs to {name}, discharged on {date}: re-admit them (the "
        "same record) instead of creating another",
    ),
    "readmission.not_discharged": (
        "「{name}」没有退住，不能再次入住",
        "{name} has not been discharged and cannot be re-admitted",
    ),
    "readmission.before_discharge": (
        "{value} 早于上次退住日期 {other_value}",
        "{value} is before the last discharge on {other_value}",
    ),
    "bed.reason_required": (
        "请填写停用原因",
        "give the reason for taking the bed out of service",
    ),
}
