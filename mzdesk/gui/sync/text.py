"""What the 同步 page says: records named by the core's one table of labels, values as people
read them, times in local time, and the status line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mzdesk.core.i18n import current_language
from mzdesk.core.labels import field_label, table_label
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import ORANGE, RED
from mzdesk.services.records import vocab_label
from mzdesk.sync.client import SyncFailure, SyncReport
from mzdesk.sync.review import QuarantinedChange

CLOCK_RED_SECONDS = 3600


def record_text(table: str, name: str) -> str:
    return tr("{kind}：{name}").format(kind=table_label(table), name=name)


def reason_text(change: QuarantinedChange) -> str:
    """The server's reason with the change's field names as people know them (「电话」)."""
    reason = change.error
    for key in change.data:
        reason = reason.replace(f"「{key}」", f"「{field_label(key, change.table)}」")
    return reason


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
    """The failure in the user's language (by its code); the server's own words, which are
    English, are added only when the user reads English."""
    if current_language() == "en" and failure.detail and failure.detail != failure.message:
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


def files_pending(status: dict[str, Any]) -> str:
    """Photos and signatures still to send or fetch ("" when none)."""
    up, down = int(status.get("files_to_send", 0)), int(status.get("files_to_fetch", 0))
    if not up and not down:
        return ""
    return tr("文件待上传 {up} 个、待下载 {down} 个").format(up=up, down=down)


def status_line(
    status: dict[str, Any], failure: SyncFailure | None, syncing: bool
) -> tuple[str, str | None]:
    """The status bar's sync text and its colour (``None``: the ordinary one)."""
    if not status["enrolled"]:
        # not an error: many homes work offline for good; the changes wait in the outbox
        # and the sync page says how to set up sync when they want it
        return tr("数据已安全保存在本机 · 尚未设置同步"), None
    parts = [
        tr("上次同步 {time}").format(time=local_time(status["last_sync"]))
        if status["last_sync"]
        else tr("从未同步"),
        tr("待同步 {n} 条").format(n=status["pending"]),
    ]
    if files_pending(status):
        parts.append(files_pending(status))
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


def report_text(report: SyncReport) -> str:
    """What a finished sync says on the 同步 page."""
    text = tr("同步完成（{time}）：发送 {sent} 条，收到 {received} 条。").format(
        time=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        sent=report.pushed,
        received=report.pulled,
    )
    rejected = report.outcomes.get("rejected", 0)
    if rejected:
        text += tr("其中 {n} 条被服务器退回，见下方列表。").format(n=rejected)
    return text
