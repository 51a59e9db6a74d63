"""The columns of each roster kind: Chinese headers, the spellings people use, and which are
required. One definition serves import, export and the empty template."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from mzdesk.core.children import IntakeWay, NoticeStatus, PlacementKind
from mzdesk.core.labels import field_label, table_label
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    ChildCategory,
    DischargeReason,
    Gender,
    Grade,
    GuardianshipType,
    HazardLevel,
    HazardStatus,
    InstitutionKind,
    MaritalStatus,
    Occupation,
    Operation,
    PaymentMethod,
    Positioning,
    Relationship,
    SkillLevel,
    SupportType,
    TrainingCategory,
    TrainingResult,
    Vocab,
    WorkerStatus,
)


class Kind(StrEnum):
    INSTITUTIONS = "institutions"
    BEDS = "beds"
    RESIDENTS = "residents"
    WORKERS = "workers"
    CERTIFICATES = "certificates"
    TRAINING = "training"
    HAZARDS = "hazards"
    CHILDREN = "children"  # a children's home's roster (issue 16)

    @property
    def table(self) -> str:
        """The table the kind's rows go to (its label names the kind)."""
        return _TABLES.get(self, self.value)

    @property
    def label(self) -> str:
        return table_label(_LABELS.get(self, self.table))

    @property
    def permission(self) -> Permission:
        """What changing these records takes, besides importing at all: a roster is edits
        made many at once, so a role (or a bureau's device) that may not make them one by one
        may not import them either."""
        return _PERMISSIONS[self]

    @property
    def permissions(self) -> tuple[Permission, ...]:
        """Every permission importing the kind takes (besides data.import)."""
        return (self.permission, *_ALSO_NEEDS.get(self, ()))


_PERMISSIONS = {
    Kind.INSTITUTIONS: Permission.INSTITUTION_EDIT,
    Kind.BEDS: Permission.BEDS_EDIT,
    Kind.RESIDENTS: Permission.RESIDENTS_EDIT,
    Kind.WORKERS: Permission.WORKERS_EDIT,
    Kind.CERTIFICATES: Permission.WORKERS_EDIT,
    Kind.TRAINING: Permission.WORKERS_EDIT,
    Kind.HAZARDS: Permission.INSPECTIONS_EDIT,
    # a child's roster carries birth-family and placement-family columns: only a role that
    # may see them imports it (and receiving a child takes residents.edit as well)
    Kind.CHILDREN: Permission.CHILDREN_PRIVATE,
}
_ALSO_NEEDS = {Kind.CHILDREN: (Permission.RESIDENTS_EDIT,)}
_TABLES = {
    Kind.WORKERS: "care_workers",
    Kind.CERTIFICATES: "worker_certificates",
    Kind.TRAINING: "training_sessions",
    Kind.CHILDREN: "residents",
}
_LABELS = {Kind.CHILDREN: "children_roster"}


@dataclass(frozen=True)
class Column:
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: type[Vocab] | None = None
    is_date: bool = False
    is_code: bool = False  # keep as text in Excel (ID numbers, phone numbers, codes)
    is_number: bool = False  # a number in Excel (学时)
    width: int = 14
    field: str = ""  # the record's field the column fills, when problems name it
    # core/children.py PRIVATE_FIELDS: exported only to a role with children.private
    private: bool = False


INSTITUTION = "机构名称"
_ID_NUMBER = Column(
    "身份证号",
    True,
    ("身份证号码", "公民身份号码", "证件号码"),
    is_code=True,
    width=22,
    field="id_number",
)
_ID_NUMBER_OPTIONAL = replace(_ID_NUMBER, required=False)  # residents and children

COLUMNS: dict[Kind, tuple[Column, ...]] = {
    Kind.INSTITUTIONS: (
        Column(INSTITUTION, True, ("名称", "单位名称", "机构"), width=28, field="name"),
        Column("机构类型", True, ("类型",), InstitutionKind, field="kind"),
        Column("机构定位", False, ("定位",), Positioning, field="positioning"),
        Column("运营方式", False, ("运营模式", "经营方式"), Operation, field="operation"),
        Column("等级", False, ("机构等级", "星级"), Grade, field="grade"),
        Column(
            "统一社会信用代码",
            False,
            ("信用代码", "社会信用代码"),
            is_code=True,
            width=22,
            field="uscc",
        ),
        Column("行政区划代码", False, ("区划代码",), is_code=True, field="region_code"),
        Column("地址", False, ("机构地址",), width=30, field="address"),
        Column("联系电话", False, ("电话",), is_code=True, field="phone"),
        Column("法定代表人", False, ("法人", "负责人"), field="legal_representative"),
        Column("消防安全责任人", False, (), field="fire_safety_officer"),
    ),
    Kind.BEDS: (
        Column(INSTITUTION, True, ("机构",), width=24),
        Column("楼栋", True, ("楼号", "楼宇", "楼")),
        Column("楼层", True, ("层",)),
        Column("房间", True, ("房间号", "房号")),
        Column("床位号", True, ("床号", "床位")),
        Column("床位类型", True, ("类型",), BedType),
        Column("状态", False, ("床位状态",), BedStatus),
        Column("启用日期", False, ("投入使用日期",), is_date=True),
    ),
    Kind.RESIDENTS: (
        Column(INSTITUTION, True, ("机构",), width=24),
        Column("姓名", True, ("老人姓名", "儿童姓名", "住户姓名"), field="name"),
        _ID_NUMBER_OPTIONAL,
        Column("性别", False, (), Gender, field="gender"),
        Column("出生日期", False, ("出生年月日",), is_date=True, field="birth_date"),
        Column("入住日期", True, ("入院日期", "入住时间"), is_date=True),
        Column("床位号", False, ("床号", "床位")),
        Column("供养类型", False, ("供养方式", "人员类别"), SupportType),
        Column("联系人", False, ("紧急联系人", "监护人"), field="contacts"),
        Column(
            "联系电话",
            False,
            ("联系人电话", "紧急联系电话", "电话"),
            is_code=True,
            field="contacts.0.phone",
        ),
        Column("联系人关系", False, ("与本人关系", "关系"), Relationship),
        Column("民族", False, ()),
        Column("户籍地址", False, ("户籍所在地", "户籍"), width=30),
        Column("婚姻状况", False, ("婚姻",), MaritalStatus),
        Column("医疗费用支付方式", False, ("医保类型", "医疗保障"), PaymentMethod),
        Column("合同编号", False, ("服务合同编号",), is_code=True),
        Column("疾病诊断", False, ("诊断", "主要疾病"), width=24),
        Column("儿童类别", False, ("类别",), ChildCategory, field="child_category"),
        Column("监护类型", False, (), GuardianshipType),
        Column("备注", False, (), width=24),
    ),
    Kind.WORKERS: (
        Column(INSTITUTION, False, ("机构",), width=24),
        Column("姓名", True, (), field="name"),
        _ID_NUMBER,
        Column("岗位", True, ("职业", "工种", "岗位类别"), Occupation),
        Column("技能等级", False, ("职业技能等级", "等级"), SkillLevel),
        Column("入职日期", True, ("入职时间", "上岗日期"), is_date=True, field="hired_on"),
        Column("性别", False, (), Gender, field="gender"),
        Column("出生日期", False, (), is_date=True, field="birth_date"),
        Column("联系电话", False, ("电话", "手机号"), is_code=True, field="phone"),
        Column("状态", False, ("在职状态", "人员状态", "在职情况"), WorkerStatus, field="status"),
        Column("离职日期", False, ("离职时间",), is_date=True, field="left_on"),
    ),
    Kind.CERTIFICATES: (
        Column(INSTITUTION, False, ("机构",), width=24),
        Column("姓名", True, ("持证人", "护理员姓名")),
        _ID_NUMBER,
        Column("证书名称", True, ("证书", "证书类别", "证书种类"), width=24, field="name"),
        Column("证书编号", False, ("证书号", "证书号码"), is_code=True, width=22, field="number"),
        Column("技能等级", False, ("职业技能等级", "等级"), SkillLevel, field="skill_level"),
        Column("发证机关", False, ("发证单位", "颁发机构", "发证机构"), width=20, field="issuer"),
        Column(
            "发证日期", False, ("颁发日期", "取证日期", "发证时间"), is_date=True, field="issued_on"
        ),
        Column(
            "有效期至",
            False,
            ("有效期", "有效期限", "到期日期", "截止日期"),
            is_date=True,
            field="expires_on",
        ),
    ),
    Kind.TRAINING: (
        Column(INSTITUTION, False, ("机构",), width=24),
        Column(
            "培训主题", True, ("培训内容", "培训名称", "课程名称", "主题"), width=24, field="topic"
        ),
        Column("培训类别", True, ("培训类型", "类别"), TrainingCategory, field="category"),
        Column(
            "开始日期", True, ("培训日期", "培训时间", "开始时间"), is_date=True, field="start_date"
        ),
        Column("结束日期", False, ("结束时间",), is_date=True, field="end_date"),
        Column(
            "学时", True, ("培训学时", "课时", "学时数"), is_number=True, width=8, field="hours"
        ),
        Column("培训讲师", False, ("讲师", "授课人", "授课老师", "培训老师"), field="trainer"),
        Column("培训地点", False, ("地点", "培训场所"), width=20, field="place"),
        Column("姓名", True, ("参训人", "参训人员", "学员姓名")),
        _ID_NUMBER,
        Column(
            "考核结果", False, ("考核", "成绩", "结果", "考核情况"), TrainingResult, field="result"
        ),
    ),
    # 隐患排查整改台账 (issue 12, part D)
    Kind.HAZARDS: (
        Column(INSTITUTION, False, ("机构", "单位名称", "被检查单位"), width=24),
        Column(
            "发现日期", True, ("检查日期", "排查日期", "发现时间"), is_date=True, field="found_on"
        ),
        Column(
            "隐患描述",
            True,
            ("隐患内容", "存在问题", "问题描述", "隐患情况", "隐患"),
            width=36,
            field="description",
        ),
        Column("隐患等级", True, ("隐患级别", "等级", "级别"), HazardLevel, field="level"),
        Column("整改措施", False, ("整改要求", "整改方案"), width=30, field="measure"),
        Column(
            "责任人", False, ("整改责任人", "责任人员", "整改负责人"), field="responsible_person"
        ),
        Column(
            "整改期限",
            True,
            ("整改时限", "限期", "完成时限", "整改期"),
            is_date=True,
            field="deadline",
        ),
        Column(
            "整改完成日期",
            False,
            ("完成日期", "整改日期", "完成时间"),
            is_date=True,
            field="rectified_on",
        ),
        Column("复查人", False, ("复查人员", "验收人"), field="rechecked_by"),
        Column("复查日期", False, ("验收日期", "复查时间"), is_date=True, field="rechecked_on"),
        Column("状态", False, ("整改状态", "整改情况", "处理状态"), HazardStatus, field="status"),
    ),
}

# 儿童名册: the children's columns of the residents roster, then the path's dates (接收,
# 寻亲公告, 安置, 离院). The private ones (core/children.py PRIVATE_FIELDS) come last of each step.
COLUMNS[Kind.CHILDREN] = (
    Column(INSTITUTION, True, ("机构",), width=24),
    Column("姓名", True, ("儿童姓名",), field="name"),
    _ID_NUMBER_OPTIONAL,
    Column("性别", False, (), Gender, field="gender"),
    Column("出生日期", False, ("出生年月日",), is_date=True, field="birth_date"),
    Column("儿童类别", True, ("类别", "人员类别"), ChildCategory, field="child_category"),
    Column("监护类型", False, (), GuardianshipType, field="guardianship_type"),
    Column("残疾类别", False, ("残疾类型",), field="disability_type"),
    Column("残疾等级", False, (), width=10, field="disability_level"),
    Column("状态", False, ("在院状态",), width=10),  # written, never read: no drop-down
    Column("接收方式", True, ("来院方式", "入院方式"), IntakeWay, width=16, field="way"),
    Column(
        "接收日期", True, ("入院日期", "入住日期", "接收时间"), is_date=True, field="intake_date"
    ),
    Column("捡拾日期", False, ("发现日期",), is_date=True, field="found_on"),
    Column("捡拾地点", False, ("发现地点",), width=24, field="found_place", private=True),
    Column("送交单位", False, ("送交机关",), width=18, field="brought_by", private=True),
    Column(
        "捡拾报案证明编号",
        False,
        ("报案证明编号",),
        is_code=True,
        width=18,
        field="police_report_number",
        private=True,
    ),
    Column("转出机构", False, (), width=18, field="transferred_from", private=True),
    Column(
        "判决书或决定书文号",
        False,
        ("判决书文号", "决定书文号"),
        width=20,
        field="court_ruling",
        private=True,
    ),
    Column("公告日期", False, ("寻亲公告日期", "公告发布日期"), is_date=True, field="published_on"),
    Column("公告期满日期", False, ("公告截止日期", "公告期满"), is_date=True, field="period_days"),
    Column("公告状态", False, (), NoticeStatus, width=10, field="status"),
    Column("公告结束日期", False, ("认领日期", "撤回日期"), is_date=True, field="closed_on"),
    Column("认领人", False, (), field="claimed_by", private=True),
    Column("公告备注", False, ("撤回原因",), width=24, field="note", private=True),
    Column("安置方式", False, ("安置类型",), PlacementKind, field="kind"),
    Column("安置日期", False, ("寄养日期", "收养日期"), is_date=True, field="start_date"),
    Column(
        "寄养或收养家庭",
        False,
        ("寄养家庭", "收养家庭", "安置家庭"),
        width=18,
        field="family_name",
        private=True,
    ),
    Column("家庭住址", False, ("寄养家庭住址",), width=30, field="family_address", private=True),
    Column("离院日期", False, ("离开日期",), is_date=True, field="discharge_date"),
    Column("离院原因", False, (), DischargeReason, field="discharge_reason"),
)


def known_headers(kind: Kind) -> dict[str, str]:
    """Every accepted spelling (normalised) → canonical header."""
    # the reader (and openpyxl behind it) loads when a table is read, not with the kinds
    from mzdesk.services.tables.reading import normalise_header

    known: dict[str, str] = {}
    for column in COLUMNS[kind]:
        for spelling in (column.header, *column.aliases):
            known.setdefault(normalise_header(spelling), column.header)
    return known


def header_of(kind: Kind, field: str) -> str:
    """The column a problem with ``field`` is reported under: the header the person typed, or
    (for a field no column fills) the field's label."""
    headers = {c.field: c.header for c in COLUMNS[kind] if c.field}
    return headers.get(field) or headers.get(field.split(".")[0]) or field_label(field, kind.table)


def required_headers(kind: Kind) -> list[str]:
    return [c.header for c in COLUMNS[kind] if c.required]
