"""Messages about backups and restoring them.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "backup.failed_os": (
        "无法在备份文件夹 {folder} 中建立备份：{reason}",
        "cannot make a backup in the backup folder {folder}: {reason}",
    ),
    "backup.failed_copy": (
        "备份没有做成（复制数据库时出错：{reason}），没有留下不完整的备份",
        "no backup was made (copying the database failed: {reason}); nothing half-made was kept",
    ),
    "backup.failed_busy": (
        "备份没有做成：复制时数据一直在变化，请稍后再试",
        "no backup was made: the data kept changing during the copy; try again later",
    ),
    "backup.failed_verify": (
        "备份核对不通过（{reason}），已删除这份备份",
        "the backup did not verify ({reason}) and was deleted",
    ),
    "backup.restore_wrong_key": (
        "备份 {name} 打不开：它不是用本数据库的钥匙加密的，或已损坏",
        "the backup {name} does not open: it was not encrypted with this database's key, "
        "or it is damaged",
    ),
    "backup.not_a_backup": (
        "{path} 不是 mzdesk 的备份（没有核对过的备份清单）",
        "{path} is not an mzdesk backup (no verified backup manifest)",
    ),
    "backup.kind.daily": ("每日自动", "daily (automatic)"),
    "backup.kind.manual": ("手动", "manual"),
    "backup.kind.before-migration": ("升级数据库前", "before a database upgrade"),
    "backup.kind.before-restore": ("恢复备份前", "before a restore"),
    "backup.kind.before-import": ("导入前", "before an import"),
    "backup.kind.before-adoption": ("加入上级机构前", "before joining the server's institution"),
    "backup.made": (
        "已备份到 {path}（{size}，{rows} 行，已核对：{check}）",
        "backed up to {path} ({size}, {rows} rows, verified: {check})",
    ),
    "backup.unchanged": (
        "数据库自上次备份（{path}）以来没有变化，未再备份",
        "the database has not changed since the last backup ({path}); no new backup made",
    ),
    "backup.none": (
        "还没有备份（备份文件夹：{folder}）",
        "no backups yet (backup folder: {folder})",
    ),
    "backup.list_header": (
        "备份文件夹 {folder}：日期  类型  大小  核对",
        "backup folder {folder}: date  kind  size  verified",
    ),
    "backup.confirm_restore": (
        "用 {date} 的备份（{kind}）替换当前数据库？此后录入的所有内容都会丢失"
        "（恢复前会先备份当前数据库）",
        "replace the current database with the backup of {date} ({kind})? Everything entered "
        "since then will be lost (the current database is backed up first)",
    ),
    "backup.restored": (
        "已恢复 {date} 的备份；恢复前的数据库已备份到 {before}",
        "restored the backup of {date}; the database as it was is backed up in {before}",
    ),
    "backup.restored_damaged": (
        "已恢复 {date} 的备份；损坏的数据库已移到旁边，没有删除",
        "restored the backup of {date}; the damaged database was moved aside, not deleted",
    ),
    "backup.confirm_needed": (
        "恢复会替换当前数据库，需要确认：在终端中运行，或加 --yes",
        "a restore replaces the current database and needs confirming: run it in a terminal, "
        "or add --yes",
    ),
    "backup.cancelled": ("已取消，数据库没有改动", "cancelled; the database is unchanged"),
    "backup.damaged_advice": (
        "数据库 {file} 已损坏。最近一份完好的备份是 {date} 的 {path}。恢复它：{command}",
        "the database {file} is damaged. The newest good backup is {path} of {date}. "
        "Restore it: {command}",
    ),
    "backup.damaged_no_backup": (
        "数据库 {file} 已损坏，且没有找到能打开的备份（备份文件夹：{folder}）",
        "the database {file} is damaged and no backup that opens was found (backup folder: "
        "{folder})",
    ),
}
