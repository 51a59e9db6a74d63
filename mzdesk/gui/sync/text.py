"""What the 同步 page says: tables, fields and operations by their Chinese names, values as
people read them, times in local time, and the status line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.gui.widgets.palette import ORANGE, RED
from mzdesk.sync.client import SyncFailure
from mzdesk.sync.display import vocab_label
from mzdesk.sync.feed import CONFLICTS
from mzdesk.sync.review import QuarantinedChange

CLOCK_RED_SECONDS = 3600

TABLE_LABELS = {
    "institutions": QT_TR_NOOP("机构"),
    "buildings": QT_TR_NOOP("楼栋"),
    "floors": QT_TR_NOOP("楼层"),
    "rooms": QT_TR_NOOP("房间"),
    "beds": QT_TR_NOOP("床位"),
    "bed_history": QT_TR_NOOP("床位变更"),
    "residents": QT_TR_NOOP("住户"),
    "resident_contacts": QT_TR_NOOP("联系人"),
    "resident_leaves": QT_TR_NOOP("外出登记"),
    "bed_stays": QT_TR_NOOP("住床记录"),
    "assessments": QT_TR_NOOP("能力评估"),
    "care_workers": QT_TR_NOOP("护理员"),
    "worker_certificates": QT_TR_NOOP("证书"),
    "training_sessions": QT_TR_NOOP("培训"),
    "training_attendance": QT_TR_NOOP("参训记录"),
    "inspections": QT_TR_NOOP("安全检查"),
    "inspection_results": QT_TR_NOOP("检查结果"),
    "hazards": QT_TR_NOOP("隐患"),
    "users": QT_TR_NOOP("用户"),
    CONFLICTS: QT_TR_NOOP("冲突处理"),
}
PERSON_TABLES = {"residents", "resident_contacts", "care_workers"}
FIELD_LABELS = {
    "name": QT_TR_NOOP("名称"),
    "id_number": QT_TR_NOOP("身份证号"),
    "gender": QT_TR_NOOP("性别"),
    "birth_date": QT_TR_NOOP("出生日期"),
    "ethnicity": QT_TR_NOOP("民族"),
    "household_address": QT_TR_NOOP("户籍地址"),
    "phone": QT_TR_NOOP("联系电话"),
    "marital_status": QT_TR_NOOP("婚姻状况"),
    "living_situation": QT_TR_NOOP("居住情况"),
    "education": QT_TR_NOOP("文化程度"),
    "payment_method": QT_TR_NOOP("医疗费用支付方式"),
    "income_source": QT_TR_NOOP("经济来源"),
    "support_type": QT_TR_NOOP("供养类型"),
    "diagnoses": QT_TR_NOOP("疾病诊断"),
    "cognitive_disorder": QT_TR_NOOP("认知障碍"),
    "contract_number": QT_TR_NOOP("合同编号"),
    "status": QT_TR_NOOP("状态"),
    "admission_date": QT_TR_NOOP("入住日期"),
    "bed_id": QT_TR_NOOP("床位"),
    "ability_level": QT_TR_NOOP("能力等级"),
    "care_level": QT_TR_NOOP("护理等级"),
    "discharge_date": QT_TR_NOOP("退住日期"),
    "discharge_reason": QT_TR_NOOP("退住原因"),
    "note": QT_TR_NOOP("备注"),
    "relationship": QT_TR_NOOP("关系"),
    "address": QT_TR_NOOP("地址"),
    "number": QT_TR_NOOP("编号"),
    "bed_type": QT_TR_NOOP("床位类型"),
    "start_date": QT_TR_NOOP("开始日期"),
    "end_date": QT_TR_NOOP("结束日期"),
    "return_date": QT_TR_NOOP("返回日期"),
    "reason": QT_TR_NOOP("原因"),
    "description": QT_TR_NOOP("描述"),
    "deadline": QT_TR_NOOP("整改期限"),
    "level": QT_TR_NOOP("级别"),
    "deleted_at": QT_TR_NOOP("删除时间"),
    "created_at": QT_TR_NOOP("创建时间"),
}
OP_LABELS = {
    "insert": QT_TR_NOOP("新增"),
    "update": QT_TR_NOOP("修改"),
    "delete": QT_TR_NOOP("删除"),
    "resolve": QT_TR_NOOP("冲突处理"),
}


def record_text(table: str, name: str) -> str:
    kind = tr(TABLE_LABELS[table]) if table in TABLE_LABELS else table
    return tr("{kind}：{name}").format(kind=kind, name=name)


def reason_text(change: QuarantinedChange) -> str:
    """The server's reason with the change's field names as people know them (「电话」)."""
    reason = change.error
    for key in change.data:
        reason = reason.replace(f"「{key}」", f"「{field_label(change.table, key)}」")
    return reason


def field_label(table: str, field: str) -> str:
    if field == "name" and table in PERSON_TABLES:
        return tr("姓名")
    return tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def readable_value(table: str, field: str, value: Any) -> str:
    """A JSON value as a person reads it: vocabulary codes as their labels, none as （空）."""
    if value is None:
        return tr("（空）")
    label = vocab_label(table, field, value)
    if label is not None:
        return label
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def edit_text(value: Any) -> str:
    """A JSON value as editable text (strings as they are, the rest as JSON)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def local_time(value: str | dt.datetime | None) -> str:
    """A UTC timestamp (ISO text or naive UTC) as local yyyy-MM-dd HH:mm."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def failure_text(failure: SyncFailure) -> str:
    """The failure in the user's language (by its code), then the details as they came."""
    if failure.detail and failure.detail != failure.message:
        return tr("{message}（详情：{detail}）").format(
            message=failure.message, detail=failure.detail
        )
    return failure.message


def clock_text(offset: float) -> str:
    minutes = max(1, round(abs(offset) / 60))
    if offset > 0:
        return tr(
            "本机时钟比服务器慢约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。"
        ).format(n=minutes)
    return tr("本机时钟比服务器快约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。").format(
        n=minutes
    )


def status_line(
    status: dict[str, Any], failure: SyncFailure | None, syncing: bool
) -> tuple[str, str | None]:
    """The status bar's sync text and its colour (``None``: the ordinary one)."""
    if not status["enrolled"]:
        return tr("同步：本机未注册到服务器，{n} 条修改待同步").format(n=status["pending"]), None
    parts = [
        tr("上次同步 {time}").format(time=local_time(status["last_sync"]))
        if status["last_sync"]
        else tr("从未同步"),
        tr("待同步 {n} 条").format(n=status["pending"]),
    ]
    if status["conflicts"]:
        parts.append(tr("冲突 {n} 条").format(n=status["conflicts"]))
    if status["quarantined"]:
        parts.append(tr("被退回 {n} 条").format(n=status["quarantined"]))
    colour: str | None = ORANGE if status["conflicts"] or status["quarantined"] else None
    offset = status["clock_offset_s"]
    if status["clock_warning"] and offset is not None:
        parts.append(tr("时钟偏差 {n} 分钟").format(n=max(1, round(abs(offset) / 60))))
        colour = RED if abs(offset) >= CLOCK_RED_SECONDS else ORANGE
    if syncing:
        parts.insert(0, tr("正在同步…"))
    elif failure is not None or status["last_error"]:
        parts.insert(0, tr("同步失败"))
        colour = RED
    return tr("同步：") + " · ".join(parts), colour
