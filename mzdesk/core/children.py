"""A child's path through a children's welfare home: 接收 → 入院评估 → 养育 → 安置 → 离院.

The vocabularies of each step and the one date rule of a 寻亲公告 (a foundling's public notice
looking for its family). Children's records are the most sensitive data mzdesk holds
(domain.md, PIPL): which of their fields are private is declared here, once, for the services
(who may see them), the audit (every look is recorded) and the server (what a bureau's device
never receives).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from mzdesk.core.i18n import current_language
from mzdesk.core.vocab import DischargeReason, ResidentStatus, Vocab

# 收养登记工作规范: a foundling's notice runs 60 days; a home or a province may set another period.
NOTICE_DAYS_DEFAULT: Final = 60
NOTICE_DAYS_RANGE: Final = (30, 365)


class IntakeWay(Vocab):
    """How the child came into the home's care (接收方式)."""

    POLICE = "police", "公安机关送交", "brought by the police", "公安送交", "捡拾"
    TRANSFER = "transfer", "转入", "transferred from another institution", "机构转入"
    COURT = "court", "法院指定监护", "guardianship by court order", "法院判决", "法院指定"
    CIVIL_AFFAIRS = (
        "civil_affairs",
        "民政部门监护",
        "guardianship by civil affairs",
        "民政监护",
        "民政部门长期监护",
        "临时监护",
    )
    OTHER = "other", "其他", "other"


class NoticeStatus(Vocab):
    """A 寻亲公告: running; ended because the family came, because its period ran out with
    nobody coming forward (the child then counts as one whose parents cannot be found), or
    withdrawn (the child's identity became known otherwise)."""

    RUNNING = "running", "公告中", "running"
    CLAIMED = "claimed", "已认领", "claimed by the family", "认领"
    LAPSED = "lapsed", "期满无人认领", "ended unclaimed", "期满", "无人认领"
    WITHDRAWN = "withdrawn", "已撤回", "withdrawn", "撤回"


class CareArrangement(Vocab):
    """养育方式 in the home."""

    FAMILY_GROUP = "family_group", "类家庭养育", "family-style group", "家庭式", "类家庭"
    UNIT = "unit", "集中养育（单元）", "unit care", "集中养育", "单元"
    MEDICAL = "medical", "医疗康复区", "medical and rehabilitation ward", "医疗区", "康复区"
    OTHER = "other", "其他", "other"


class SchoolStage(Vocab):
    """就学情况."""

    NOT_YET = "not_yet", "未入学", "not at school yet", "学龄前未入园"
    PRESCHOOL = "preschool", "学前教育", "preschool", "幼儿园", "学前"
    PRIMARY = "primary", "小学", "primary school"
    JUNIOR = "junior", "初中", "junior secondary"
    SENIOR = "senior", "高中", "senior secondary", "普通高中"
    VOCATIONAL = "vocational", "中职", "vocational school", "职高", "技校"
    SPECIAL = "special", "特殊教育", "special education", "特教", "特殊教育学校"
    HIGHER = "higher", "高等教育", "higher education", "大学", "大专"
    NOT_ATTENDING = "not_attending", "未就学", "not attending", "失学", "休学"

    @property
    def at_school(self) -> bool:
        return self not in (SchoolStage.NOT_YET, SchoolStage.NOT_ATTENDING)


class PlacementKind(Vocab):
    """安置: where the child goes from the home's own care."""

    FOSTER = "foster", "家庭寄养", "family foster care", "寄养"
    ADOPTION = "adoption", "收养", "adoption", "送养", "领养"
    FAMILY_RETURN = "family_return", "回归家庭", "return to the family", "回归原生家庭"
    ADULTHOOD = "adulthood", "成年安置", "placement on coming of age", "成年"

    @property
    def leaves_the_home(self) -> bool:
        """Adoption, return and adult placement end the home's care; foster care does not:
        the home stays the guardian and the child counts as in its care."""
        return self is not PlacementKind.FOSTER


# the reasons a child leaves (离院); the others of DischargeReason are the elderly's
CHILD_LEAVING: Final[tuple[DischargeReason, ...]] = (
    DischargeReason.ADOPTION,
    DischargeReason.FAMILY_RETURN,
    DischargeReason.ADULTHOOD,
    DischargeReason.TRANSFER,
    DischargeReason.DEATH,
    DischargeReason.OTHER,
)

# 离院 on its own (services/children: child_leaves); the other reasons of CHILD_LEAVING are
# placements, recorded through 安置 so that the placement figures count them
LEAVING_REASONS: Final[tuple[DischargeReason, ...]] = (
    DischargeReason.TRANSFER,
    DischargeReason.DEATH,
    DischargeReason.OTHER,
)

# the placement that ends the home's care leaves for this reason
LEAVING_FOR: Final[dict[PlacementKind, DischargeReason]] = {
    PlacementKind.ADOPTION: DischargeReason.ADOPTION,
    PlacementKind.FAMILY_RETURN: DischargeReason.FAMILY_RETURN,
    PlacementKind.ADULTHOOD: DischargeReason.ADULTHOOD,
}


# a children's home's words for a child's status where they differ from the elderly's
# (在住, 退住): the child is in the home's care (在院) or has left it (已离院)
CHILD_STATUS_WORDS: Final[dict[ResidentStatus, tuple[str, str]]] = {
    ResidentStatus.IN_HOUSE: ("在院", "in the home"),
    ResidentStatus.DISCHARGED: ("已离院", "left the home"),
}


def child_status_label(status: ResidentStatus) -> str:
    """A child's status as a children's home says it, in the language shown."""
    words = CHILD_STATUS_WORDS.get(status)
    if words is None:
        return status.label
    return words[0] if current_language() == "zh" else words[1]


def notice_period_end(published_on: dt.date, days: int) -> dt.date:
    """The last day of a notice's period. The day of publication does not count (民法典
    第二百零一条: a period in days starts the next day), so a 60-day notice published on
    2026-01-01 runs until 2026-03-02 inclusive."""
    return published_on + dt.timedelta(days=days)


def notice_expired(published_on: dt.date, days: int, on: dt.date) -> bool:
    """On ``on``, the notice has run its period without a claim: from the day after the
    period's last day the child counts as one whose parents cannot be found."""
    return on > notice_period_end(published_on, days)


AGE_BANDS: Final[tuple[tuple[int, int | None, str, str], ...]] = (
    (0, 3, "0–3岁", "0–3"),
    (3, 6, "3–6岁", "3–6"),
    (6, 12, "6–12岁", "6–12"),
    (12, 18, "12–18岁", "12–18"),
    (18, None, "18岁及以上", "18 and over"),
)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Full years of age on ``on`` (a birthday on 29 February counts on 1 March)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def age_band(birth: dt.date, on: dt.date) -> int:
    """Index into :data:`AGE_BANDS` of a child born on ``birth``, on ``on``: lower bound
    inclusive, upper exclusive (a child of exactly 3 is in 3–6)."""
    age = age_on(birth, on)
    for index, (low, high, _zh, _en) in enumerate(AGE_BANDS):
        if age >= low and (high is None or age < high):
            return index
    return 0  # born after ``on``: not counted by callers, band 0 for safety


# The private fields of children's records: birth family, intake circumstances and documents,
# placement families. Only a role with children.private sees them (each look audited); a
# bureau's region device never receives them (server/regions.py withholds them).
PRIVATE_FIELDS: Final[dict[str, frozenset[str]]] = {
    "child_intakes": frozenset(
        {
            "found_place",
            "brought_by",
            "police_report_number",
            "transferred_from",
            "court_ruling",
            "birth_family",
            "note",
        }
    ),
    "family_notices": frozenset({"publication", "claimed_by", "note"}),
    "child_placements": frozenset(
        {
            "family_name",
            "family_id_number",
            "family_address",
            "family_phone",
            "agreement_number",
            "end_reason",
            "note",
        }
    ),
    "placement_visits": frozenset({"visited_by", "findings", "note"}),
}

# What a bureau's device never receives of a home's children (server/institutions.py:
# for_device): the private fields above, the intake documents (attachments of an intake), the
# contacts of residents (a child's are its birth family), and these fields of a child's own
# record. Figures need none of them: category, birth date, disability, status and the dates.
WITHHELD_FROM_BUREAU: Final[dict[str, frozenset[str]]] = {
    **PRIVATE_FIELDS,
    "residents": frozenset(
        {
            "id_number",
            "household_address",
            "phone",
            "diagnoses",
            "intake_documents",
            "contract_number",
            "note",
            "discharge_note",
        }
    ),
}
NOT_FOR_BUREAU: Final = frozenset({"resident_contacts"})  # whole rows withheld
