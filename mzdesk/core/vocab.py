"""Every controlled vocabulary of the domain, in one place, with Chinese and English labels.

The enum value is the stable code stored in the database and sent over sync; labels are for
people. ``from_text`` accepts a code, either label, or a common alias — what people type into
spreadsheets — and returns ``None`` when nothing matches, so callers can say what is allowed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from mzdesk.core.i18n import current_language


class Vocab(StrEnum):
    """A StrEnum whose members carry ``zh`` and ``en`` labels and aliases."""

    zh: str
    en: str
    aliases: tuple[str, ...]

    def __new__(cls, value: str, zh: str = "", en: str = "", *aliases: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh = zh or value
        member.en = en or value
        member.aliases = aliases
        return member

    @property
    def label(self) -> str:
        return self.zh if current_language() == "zh" else self.en

    @classmethod
    def from_text(cls, raw: str) -> Self | None:
        key = raw.strip().replace(" ", "").lower()
        if not key:
            return None
        for member in cls:
            names = (member.value, member.zh, member.en, *member.aliases)
            if any(key == n.replace(" ", "").lower() for n in names):
                return member
        return None

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]


class Gender(Vocab):
    MALE = "male", "男", "male", "男性", "m"
    FEMALE = "female", "女", "female", "女性", "f"


class InstitutionKind(Vocab):
    NURSING_HOME = "nursing_home", "养老机构", "nursing home", "养老院", "敬老院"
    CHILDREN_HOME = "children_home", "儿童福利机构", "children's welfare home", "儿童福利院"


class Positioning(Vocab):
    SAFETY_NET = "safety_net", "兜底型", "safety net", "兜底"
    AFFORDABLE = "affordable", "普惠型", "affordable", "普惠"
    QUALITY = "quality", "品质型", "market-priced", "品质"


class Operation(Vocab):
    PUBLIC = "public", "公办公营", "publicly run", "公办"
    PUBLIC_PRIVATE = "public_private", "公建民营", "publicly built, privately run"
    PRIVATE = "private", "民办", "private", "民营", "社会办"

    @property
    def socially_operated(self) -> bool:
        """社会力量举办或经营 = 公建民营 + 民办."""
        return self is not Operation.PUBLIC


class Grade(Vocab):
    UNRATED = "unrated", "未评级", "unrated", "无", "未评定"
    ONE = "1", "一级", "grade 1", "1级", "一星级"
    TWO = "2", "二级", "grade 2", "2级", "二星级"
    THREE = "3", "三级", "grade 3", "3级", "三星级"
    FOUR = "4", "四级", "grade 4", "4级", "四星级"
    FIVE = "5", "五级", "grade 5", "5级", "五星级"


class MedicalIntegration(Vocab):
    NONE = "none", "无", "none"
    LICENSED = "licensed", "两证齐全", "own medical licence"
    CONTRACTED = "contracted", "签约合作", "contract with a clinic"


class BedType(Vocab):
    SELF_CARE = "self_care", "自理型", "self-care", "自理"
    NURSING = "nursing", "护理型", "nursing", "护理"
    DEMENTIA = "dementia", "认知障碍照护", "dementia care", "认知障碍照护床位", "认知障碍", "认知症"

    @property
    def counts_as_nursing(self) -> bool:
        """Dementia-care beds are nursing-type beds with a designation (domain.md)."""
        return self is not BedType.SELF_CARE


class BedStatus(Vocab):
    FREE = "free", "空闲", "free", "空"
    OCCUPIED = "occupied", "在住", "occupied", "占用", "已入住"
    RESERVED = "reserved", "预留", "reserved"
    OUT_OF_SERVICE = "out_of_service", "停用", "out of service"


class ResidentKind(Vocab):
    ELDERLY = "elderly", "老年人", "older person"
    CHILD = "child", "儿童", "child"


class ResidentStatus(Vocab):
    IN_HOUSE = "in_house", "在住", "in house"
    ON_LEAVE = "on_leave", "外出", "on leave"
    DISCHARGED = "discharged", "退住", "discharged", "已退住", "离院"
    # a child in family foster care: still in the home's care, living with the foster family
    FOSTERED = "fostered", "家庭寄养", "in foster care", "寄养"


class DischargeReason(Vocab):
    HOME = "home", "回家", "went home"
    TRANSFER = "transfer", "转院", "moved to another institution", "转机构"
    HOSPITAL = "hospital", "住院", "long hospital stay"
    DEATH = "death", "死亡", "died", "去世"
    PLACEMENT = "placement", "安置", "placed (adoption, foster care, independent living)"
    # a child's 离院 (children's welfare homes)
    ADOPTION = "adoption", "收养", "adopted", "送养"
    FAMILY_RETURN = "family_return", "回归家庭", "returned to the family", "家人认领"
    ADULTHOOD = "adulthood", "成年安置", "came of age", "成年"
    OTHER = "other", "其他", "other"


class SupportType(Vocab):
    """供养类型."""

    EXTREME_POVERTY = (
        "extreme_poverty",
        "特困集中供养",
        "extreme poverty, centralised",
        "特困",
        "五保",
    )
    MINIMUM_LIVING = "minimum_living", "低保", "minimum living allowance"
    NEAR_MINIMUM = "near_minimum", "低保边缘", "near minimum living allowance"
    FAMILY_PLANNING = (
        "family_planning",
        "计划生育特殊家庭",
        "family-planning special family",
        "计生特殊家庭",
    )
    SELF_PAYING = "self_paying", "自费", "self-paying", "社会寄养", "自费寄养"
    OTHER = "other", "其他", "other"


class PaymentMethod(Vocab):
    """医疗费用支付方式."""

    EMPLOYEE_INSURANCE = (
        "employee_insurance",
        "城镇职工医保",
        "urban employee insurance",
        "职工医保",
    )
    RESIDENT_INSURANCE = (
        "resident_insurance",
        "城乡居民医保",
        "urban-rural resident insurance",
        "居民医保",
        "新农合",
    )
    SELF_PAID = "self_paid", "自费", "self-paid"
    MEDICAL_ASSISTANCE = "medical_assistance", "医疗救助", "medical assistance"
    COMMERCIAL = "commercial", "商业保险", "commercial insurance"
    OTHER = "other", "其他", "other"


class MaritalStatus(Vocab):
    UNMARRIED = "unmarried", "未婚", "never married"
    MARRIED = "married", "已婚", "married", "有配偶"
    WIDOWED = "widowed", "丧偶", "widowed"
    DIVORCED = "divorced", "离婚", "divorced"


class ChildCategory(Vocab):
    ORPHAN = "orphan", "孤儿", "orphan"
    DE_FACTO_UNSUPPORTED = (
        "de_facto_unsupported",
        "事实无人抚养儿童",
        "de facto unsupported child",
        "事实无人抚养",
    )
    ABANDONED_INFANT = "abandoned_infant", "弃婴", "abandoned infant"
    DISABLED = "disabled", "残疾儿童", "disabled child"
    EXTREME_POVERTY_MINOR = "extreme_poverty_minor", "特困未成年人", "minor in extreme poverty"


class GuardianshipType(Vocab):
    LONG_TERM = "long_term", "长期监护", "long-term guardianship"
    TEMPORARY = "temporary", "临时监护", "temporary guardianship"


class ChildStage(Vocab):
    """The flow of a child through a welfare home: 接收 → 评估 → 养育 → 安置 → 离院."""

    INTAKE = "intake", "接收", "intake"
    ASSESSMENT = "assessment", "评估", "assessment"
    UPBRINGING = "upbringing", "养育", "upbringing"
    PLACEMENT = "placement", "安置", "placement"
    LEFT = "left", "离院", "left"


class Relationship(Vocab):
    SPOUSE = "spouse", "配偶", "spouse"
    SON = "son", "儿子", "son", "子"
    DAUGHTER = "daughter", "女儿", "daughter", "女"
    CHILD_IN_LAW = "child_in_law", "儿媳/女婿", "child-in-law", "儿媳", "女婿"
    GRANDCHILD = "grandchild", "孙辈", "grandchild", "孙子", "孙女", "外孙", "外孙女"
    SIBLING = "sibling", "兄弟姐妹", "sibling"
    RELATIVE = "relative", "其他亲属", "other relative", "亲属"
    VILLAGE = "village", "村（居）委会", "village or neighbourhood committee", "村委会", "居委会"
    GUARDIAN_ORG = "guardian_org", "监护机构", "guardian organisation"
    FRIEND = "friend", "朋友", "friend"
    OTHER = "other", "其他", "other"


class AbilityLevel(Vocab):
    """GB/T 42195-2022 levels, ordered from best (0) to worst (4)."""

    INTACT = "0", "能力完好", "intact"
    MILD = "1", "轻度失能", "mildly disabled"
    MODERATE = "2", "中度失能", "moderately disabled"
    SEVERE = "3", "重度失能", "severely disabled"
    COMPLETE = "4", "完全失能", "completely disabled"

    def worse(self, steps: int = 1) -> AbilityLevel:
        members = list(AbilityLevel)
        return members[min(members.index(self) + steps, len(members) - 1)]


class AssessmentReason(Vocab):
    FIRST = "first", "首次评估", "first assessment", "首次"
    ROUTINE = "routine", "常规评估", "routine reassessment", "常规"
    IMMEDIATE = "immediate", "即时评估", "immediate reassessment", "即时"
    REVIEW = "review", "复评", "review on request"


class RiskEvent(Vocab):
    FALL = "fall", "跌倒", "fall"
    WANDERING = "wandering", "走失", "wandering off"
    CHOKING = "choking", "噎食", "choking"
    SELF_HARM = "self_harm", "自杀/自伤", "suicide or self-harm", "自伤", "自杀"
    OTHER = "other", "其他", "other"


class Occupation(Vocab):
    CARE_WORKER = "care_worker", "养老护理员", "elderly care worker", "护理员"
    CHILDCARE_WORKER = "childcare_worker", "育婴员/保育员", "childcare worker", "育婴员", "保育员"
    NURSE = "nurse", "护士", "nurse"
    THERAPIST = "therapist", "康复师", "rehabilitation therapist", "康复治疗师"
    SOCIAL_WORKER = "social_worker", "社会工作者", "social worker", "社工"
    MANAGER = "manager", "管理人员", "manager", "院长", "管理员"
    OTHER = "other", "其他", "other", "后勤"

    @property
    def is_care_worker(self) -> bool:
        """Whether 岗前培训率 and 持证上岗率 count this occupation."""
        return self in (Occupation.CARE_WORKER, Occupation.CHILDCARE_WORKER)


class SkillLevel(Vocab):
    """养老护理员国家职业技能标准 (2019) levels."""

    NONE = "none", "无", "none", "未取得", "暂无"
    LEVEL5 = "5", "五级/初级工", "level 5 (junior)", "五级", "初级", "初级工"
    LEVEL4 = "4", "四级/中级工", "level 4 (intermediate)", "四级", "中级", "中级工"
    LEVEL3 = "3", "三级/高级工", "level 3 (senior)", "三级", "高级", "高级工"
    LEVEL2 = "2", "二级/技师", "level 2 (technician)", "二级", "技师"
    LEVEL1 = "1", "一级/高级技师", "level 1 (senior technician)", "一级", "高级技师"


class WorkerStatus(Vocab):
    ACTIVE = "active", "在职", "active"
    LEFT = "left", "离职", "left"


class TrainingCategory(Vocab):
    PRE_JOB = "pre_job", "岗前培训", "pre-job training", "岗前"
    ON_JOB = "on_job", "在岗培训", "in-service training", "在岗"
    FIRE_FIRST_AID = "fire_first_aid", "消防/急救专项", "fire and first-aid", "消防", "急救"
    COMPETITION = "competition", "技能竞赛", "skills competition", "竞赛"


class TrainingResult(Vocab):
    PASSED = "passed", "合格", "passed", "通过"
    FAILED = "failed", "不合格", "failed", "未通过"
    ABSENT = "absent", "缺席", "absent"


class InspectionType(Vocab):
    SELF_DAILY = "self_daily", "日常自查", "daily self-check", "自查"
    MONTHLY = "monthly", "月度检查", "monthly", "月度"
    SPECIAL = "special", "专项检查", "special", "专项"
    SUPERVISORY = "supervisory", "上级检查", "supervisory"
    RANDOM = "random", "双随机抽查", "random spot check", "双随机"


class InspectionStatus(Vocab):
    IN_PROGRESS = "in_progress", "草稿", "draft", "进行中", "in progress"
    COMPLETED = "completed", "已完成", "completed"


# -- inspecting (issue 12, part C) --------------------------------------------------------------
class InspectionState(Vocab):
    """How an inspection reads in lists: a draft, finished, or finished and then corrected."""

    DRAFT = "draft", "草稿", "draft"
    COMPLETED = "completed", "已完成", "completed"
    AMENDED = "amended", "已更正", "amended"


class ScheduleFrequency(Vocab):
    """How often a scheduled check is due: once a day, a week (Monday to Sunday) or a month."""

    DAILY = "daily", "每日", "daily", "每天"
    WEEKLY = "weekly", "每周", "weekly"
    MONTHLY = "monthly", "每月", "monthly"


class ItemResult(Vocab):
    PASS = "pass", "合格", "pass"
    FAIL = "fail", "不合格", "fail"
    NOT_APPLICABLE = "not_applicable", "不适用", "not applicable"


class HazardLevel(Vocab):
    ORDINARY = "ordinary", "一般隐患", "ordinary", "一般"
    MAJOR = "major", "重大隐患", "major", "重大"


class HazardStatus(Vocab):
    """待整改 → 整改中 → 待复查 → 已销号."""

    OPEN = "open", "待整改", "to rectify"
    IN_PROGRESS = "in_progress", "整改中", "being rectified"
    AWAITING_CHECK = "awaiting_check", "待复查", "awaiting re-check"
    CLOSED = "closed", "已销号", "closed"


class AttachmentKind(Vocab):
    PHOTO = "photo", "照片", "photo"
    SIGNATURE = "signature", "签名", "signature"
    EVIDENCE = "evidence", "整改照片", "rectification photo", "整改凭证"
    DOCUMENT = "document", "入院材料", "intake document", "材料"


class SignerRole(Vocab):
    INSPECTOR = "inspector", "检查人", "inspector"
    INSPECTED_HEAD = "inspected_head", "被检查单位负责人", "head of the inspected institution"
