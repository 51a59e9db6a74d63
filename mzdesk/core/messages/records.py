"""Messages about records and their states: not found, duplicates, accounts and
permissions, beds, residents, workers, training, inspections and assessments.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # records and states
    "not_found": ("找不到{what}（{key}）", "{what} not found ({key})"),
    "lookup.id_not_found": (
        "找不到{what}「{key}」（请给出编号或其唯一的开头部分）",
        "no {what} '{key}' (give its id or a unique beginning of it)",
    ),
    "lookup.id_ambiguous": (
        "「{key}」对应 {count} 条{what}，请多给几位编号",
        "'{key}' matches {count} records ({what}): give more of the id",
    ),
    "institution.duplicate_name": (
        "已有同名机构「{name}」",
        "an institution named '{name}' already exists",
    ),
    "institution.duplicate_uscc": (
        "统一社会信用代码 {credit_code} 已属于另一家机构",
        "the unified social credit code {credit_code} belongs to another institution",
    ),
    "user.duplicate": ("用户名「{name}」已被使用", "the user name '{name}' is taken"),
    "user.password_short": ("密码至少{min}位", "the password needs at least {min} characters"),
    "user.bad_login": ("用户名或密码不正确", "wrong user name or password"),
    "user.locked": (
        "登录失败次数过多，该账号已锁定，请{minutes}分钟后再试",
        "too many failed logins: the account is locked; try again in {minutes} minutes",
    ),
    "user.password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "user.unknown_role": (
        "没有角色「{value}」，可选：{choices}",
        "there is no role '{value}'; choose one of: {choices}",
    ),
    "user.not_found": ("本机构没有用户「{name}」", "the institution has no user '{name}'"),
    "user.last_admin": (
        "机构至少要保留一名启用的管理员",
        "the institution must keep at least one active administrator",
    ),
    "user.ambiguous": (
        "多个机构都有这个用户名（{names}），请用 MZDESK_INSTITUTION 指明机构名称",
        "several institutions have this user name ({names}); set MZDESK_INSTITUTION to one",
    ),
    "user.not_yourself": ("不能停用自己的账号", "you cannot disable your own account"),
    "user.wrong_password": ("原密码不正确", "the current password is wrong"),
    "user.login_required": (
        "本数据库已有用户，请先登录（命令行可设置 MZDESK_USER 和 MZDESK_PASSWORD）",
        "this database has users: log in first (scripts set MZDESK_USER and MZDESK_PASSWORD)",
    ),
    "permission.denied": (
        "{role}没有「{action}」的权限，请联系管理员",
        "a {role} may not {action}; ask an administrator",
    ),
    "permission.other_institution": (
        "只能修改本机构的记录",
        "you may change only your own institution's records",
    ),
    "bed.duplicate": (
        "床位「{label}」已存在",
        "the bed '{label}' already exists",
    ),
    "bed.not_free": (
        "床位「{label}」当前为{status}，不能入住",
        "bed '{label}' is {status}, not free",
    ),
    "bed.occupied": (
        "床位「{label}」有人入住，不能停用",
        "bed '{label}' is occupied and cannot be taken out of service",
    ),
    "bed.already_out_of_service": (
        "床位「{label}」已停用",
        "bed '{label}' is already out of service",
    ),
    "bed.not_out_of_service": ("床位「{label}」未停用", "bed '{label}' is not out of service"),
    "bed.other_institution": ("床位不属于该机构", "the bed belongs to another institution"),
    "bed.range": ("房间号范围无效：{start}–{end}", "invalid room range {start}–{end}"),
    "bed.count": ("每间床位数应为1–{max}", "beds per room must be 1–{max}"),
    "bed.floor_range": (
        "楼层范围无效：{first}–{last}（请写同样格式的楼层，如 2层 到 5层，最多60层）",
        "invalid floor range {first}–{last} (write both floors alike, e.g. 2F to 5F; at most 60)",
    ),
    "bed.block_too_big": (
        "一次最多添加{max}张床位，这次是{count}张；请分几次添加",
        "at most {max} beds at a time, this is {count}; add them in parts",
    ),
    "bed.same": ("新床位与当前床位相同", "the new bed is the current bed"),
    "resident.duplicate_id_number": (
        "身份证号{id_number}的住户「{name}」已在本机构在住",
        "a resident with ID number {id_number} ({name}) already lives in this institution",
    ),
    "resident.not_in_house": (
        "「{name}」当前不在住（{status}）",
        "'{name}' is not in house ({status})",
    ),
    "resident.not_on_leave": ("「{name}」当前没有外出", "'{name}' is not on leave"),
    "resident.discharged": (
        "「{name}」已退住，档案只读",
        "'{name}' has been discharged; the record is read-only",
    ),
    "resident.child_fields": ("儿童福利机构的住户需填写儿童类别", "a child needs a child category"),
    "worker.duplicate_id_number": (
        "身份证号{id_number}的工作人员「{name}」已登记",
        "a worker with ID number {id_number} ({name}) is already registered",
    ),
    "worker.left": ("「{name}」已离职", "'{name}' has left"),
    "training.no_attendees": ("至少登记一名参训人员", "record at least one attendee"),
    "training.hours": ("学时应在0–{max}之间", "hours must be between 0 and {max}"),
    "training.absent_hours": (
        "缺席不计学时（填了{hours}），请改为0或改考核结果",
        "an absent attendee is credited no hours ({hours} given): enter 0 or change the result",
    ),
    "training.duplicate_attendee": ("「{name}」重复登记", "'{name}' is listed twice"),
    "inspection.completed": (
        "检查已完成，不能修改",
        "the inspection is completed and cannot be changed",
    ),
    "inspection.unanswered": ("还有{count}项未填写结果", "{count} items have no result yet"),
    "inspection.item_not_in_template": (
        "检查项目不属于该模板",
        "the item is not part of this checklist",
    ),
    "hazard.transition": (
        "隐患状态不能从「{current}」改为「{target}」",
        "a hazard cannot go from '{current}' to '{target}'",
    ),
    "hazard.deadline": (
        "整改期限不能早于发现日期",
        "the deadline cannot be before the day it was found",
    ),
    # assessment
    "assessment.missing_item": ("未评分：{item}", "not scored: {item}"),
    "assessment.bad_score": (
        "{item} 的得分{score}不在允许范围内",
        "the score {score} of {item} is not one of its options",
    ),
    "assessment.unknown_item": ("未知评估项目：{item}", "unknown assessment item: {item}"),
    "assessment.risk_events": (
        "风险事件次数不能为负",
        "the count of risk events cannot be negative",
    ),
}
