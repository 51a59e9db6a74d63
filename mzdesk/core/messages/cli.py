"""The command line's own messages.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # cli
    "list.separator": ("、", ", "),
    "cli.region_prefix": (
        "--region 应为2到6位数字的行政区划代码或其前缀",
        "--region must be a region code or its prefix: 2 to 6 digits",
    ),
    "cli.region_code": (
        "--region 应为6位数字的行政区划代码",
        "--region must be a 6-digit region code",
    ),
    "cli.login.username": ("用户名", "User name"),
    "cli.login.password": ("密码", "Password"),
    "cli.user.new_password": ("新密码", "New password"),
    "cli.user.password_needed": (
        "请输入新密码（脚本中设置 MZDESK_NEW_PASSWORD）",
        "type the new password (scripts set MZDESK_NEW_PASSWORD)",
    ),
    "cli.user.added": ("已添加用户「{name}」（{role}）", "Added the user '{name}' ({role})"),
    "cli.user.disabled": ("已停用用户「{name}」", "Disabled the user '{name}'"),
    "cli.user.enabled": ("已启用用户「{name}」", "Enabled the user '{name}'"),
    "cli.user.password_set": ("已修改「{name}」的密码", "Changed the password of '{name}'"),
    "cli.user.role_set": ("「{name}」的角色改为{role}", "'{name}' is now {role}"),
    "cli.user.line": ("{name}\t{display}\t{role}\t{state}", "{name}\t{display}\t{role}\t{state}"),
    "cli.user.active": ("启用", "active"),
    "cli.user.inactive": ("停用", "disabled"),
    "cli.user.no_institution": (
        "请用 --institution 指明机构（本数据库有多个机构）",
        "name the institution with --institution (this database has several)",
    ),
    "cli.audit.line": (
        "{at}  {user}  {action}{table}「{record}」{fields}",
        "{at}  {user}  {action} {table} '{record}'{fields}",
    ),
    "cli.audit.field": ("{label}：{old} → {new}", "{label}: {old} → {new}"),
    "cli.audit.bad_record": ("「{value}」不是记录ID", "'{value}' is not a record id"),
    "cli.init.done": (
        "已创建机构「{name}」和管理员「{admin}」。数据库：{path}",
        "Created the institution '{name}' and its administrator '{admin}'. Database: {path}",
    ),
    "cli.demo.done": (
        "演示数据已写入 {path}：机构{institutions}家，床位{beds}张，"
        "住户{residents}人，工作人员{workers}人。",
        "Demo data written to {path}: {institutions} institutions, {beds} beds, "
        "{residents} residents, {workers} workers.",
    ),
    "cli.demo.login": ("登录：{username} / {password}", "Log in: {username} / {password}"),
    "cli.import.rejected": (
        "未导入任何数据：{file} 有{count}处错误。",
        "Nothing was imported: {file} has {count} problem(s).",
    ),
    "cli.import.fix_or_skip": (
        "修正后重新导入，或使用 --skip-invalid 只导入无误的行。",
        "Correct them and import again, or use --skip-invalid to import only the valid rows.",
    ),
    "cli.import.ignored_columns": (
        "未识别的列（已忽略）：{columns}",
        "Columns not recognised (ignored): {columns}",
    ),
    "cli.import.skipped": ("跳过 {problem}", "skipped {problem}"),
    "cli.export.done": ("已导出{count}行到 {path}", "Exported {count} rows to {path}"),
    "cli.template.done": ("已生成模板 {path}", "Wrote the template {path}"),
    "cli.db.missing": (
        "找不到数据库文件：{path}（新建机构用 mzdesk init，演示数据用 mzdesk demo）",
        "no database file at {path} (mzdesk init sets one up; mzdesk demo writes demo data)",
    ),
    "cli.stats.no_institution": ("找不到机构「{name}」", "No institution named '{name}'"),
    "cli.children.choose": (
        "{option}：「{value}」不是可选的值（{allowed}）",
        "{option}: '{value}' is not one of the choices ({allowed})",
    ),
    "cli.children.received": ("已接收：{name} [{id}]", "Received: {name} [{id}]"),
    "cli.children.notice": (
        "已发布寻亲公告，公告期至 {end} [{id}]",
        "Notice published; its period ends {end} [{id}]",
    ),
    "cli.children.claimed_or_withdrawn": (
        "请给出 --claimed-by 认领人、--lapsed（期满无人认领）或 --withdrawn 撤回原因，三者选一",
        "Give one of --claimed-by WHO, --lapsed (ended unclaimed) or --withdrawn REASON",
    ),
    "cli.children.notice_closed": ("寻亲公告已结束：{status}", "Notice closed: {status}"),
    "cli.children.answer_form": (
        "--answer 的格式是 条目=答案代码，如 D1=hearing（见 mzdesk children items）",
        "--answer takes ITEM=CODE, e.g. D1=hearing (see mzdesk children items)",
    ),
    "cli.children.assessed": (
        "已记录入院评估：{disability}{level}",
        "Assessment recorded: {disability} {level}",
    ),
    "cli.children.no_disability": ("无残疾", "no disability"),
    "cli.children.saved": ("已保存", "Saved"),
    "cli.children.placed": ("已安置 [{id}]", "Placed [{id}]"),
    "cli.children.document": ("入院材料：{caption}", "intake document: {caption}"),
    "cli.stats.children.title": (
        "儿童统计（{area}，截至 {day}）",
        "Children ({area}, as of {day})",
    ),
    "cli.stats.children.in_care": (
        "  在院儿童 {in_care} 人：院内 {in_house} 人，家庭寄养 {foster} 人；在读 {school} 人",
        "  in care {in_care}: in the home {in_house}, in foster care {foster}; at school {school}",
    ),
    "cli.stats.children.by_category": ("  类别：{counts}", "  category: {counts}"),
    "cli.stats.children.by_age": ("  年龄：{counts}", "  age: {counts}"),
    "cli.stats.children.by_disability": ("  残疾：{counts}", "  disability: {counts}"),
    "cli.stats.children.period": (
        "  {start} 至 {end}：安置 {placements}；离院 {left}",
        "  {start} to {end}: placements {placements}; left {left}",
    ),
    "cli.stats.children.notices": (
        "  寻亲公告 {running} 份在公告中，其中 {past} 份已过公告期；寄养回访到期 {visits} 户",
        "  family-search notices running {running}, past their period {past}; "
        "foster visits due {visits}",
    ),
    "cli.stats.children.notice": (
        "    {child}（{home}）公告期至 {end}，{state}",
        "    {child} ({home}) notice period until {end}: {state}",
    ),
    "cli.stats.children.past": ("已期满未认领", "ended without a claim"),
    "cli.stats.children.running": ("公告中", "running"),
    "cli.stats.children.count": ("{label}{n}人", "{label} {n}"),
    "cli.stats.children.sep": ("，", ", "),
    "cli.stats.children.none": ("无", "none"),
    "cli.server.db_unavailable": (
        "无法打开服务器数据库 {url}：{error}",
        "Cannot open the server database {url}: {error}",
    ),
    "cli.server.refused": ("失败：{message}", "Failed: {message}"),
    "cli.server.sqlite_one_worker": (
        "SQLite 数据库只能由一个服务进程使用（要求 {workers} 个）。"
        "多进程请使用 PostgreSQL（--db postgresql+psycopg://…），或去掉 --workers。",
        "A SQLite database is served by one process only ({workers} asked for). "
        "Use PostgreSQL (--db postgresql+psycopg://…) for several workers, or drop --workers.",
    ),
    "cli.server.pool_too_small": (
        "PostgreSQL 的 max_connections（{limit}）容纳不下 {workers} 个服务进程"
        "（每个进程 {pool} 个连接，另留 10 个给管理）。请提高 max_connections，"
        "或减少 --workers / --pool-size。",
        "PostgreSQL's max_connections ({limit}) cannot hold {workers} server processes "
        "({pool} connections each, and 10 kept for administration). Raise max_connections, "
        "or lower --workers / --pool-size.",
    ),
    "cli.server.serving": (
        "mzdesk 中心服务器 {url}（数据库 {database}，{workers} 个进程，每个 {pool} 个连接）",
        "mzdesk server on {url} (database {database}, {workers} processes, "
        "{pool} connections each)",
    ),
    "cli.server.institution_added": (
        "已新建机构「{name}」{id}",
        "Added the institution '{name}' {id}",
    ),
    "cli.server.institution_set": (
        "已修改机构「{name}」{id}，其设备下次同步时收到",
        "Changed the institution '{name}' {id}; its devices receive it on their next sync",
    ),
    "cli.institutions.line": (
        "{id}  {name}  {kind}  区划 {region}  统一社会信用代码 {code}",
        "{id}  {name}  {kind}  region {region}  credit code {code}",
    ),
    "cli.enroll.one_scope": (
        "请给出 --institution 或 --region 之一",
        "Give either --institution or --region",
    ),
    "cli.enroll.file_written": (
        "已写入离线注册文件 {path}；站点用它和下面的注册码注册：",
        "Wrote the offline enrolment file {path}; the site enrols with it and this code:",
    ),
    "cli.enroll.code": (
        "注册码 {days} 天内有效，只能使用一次：",
        "The enrolment code is valid for {days} days and can be used once:",
    ),
    "cli.devices.line": (
        "{id}  {name}  {scope}  最近同步 {seen}{mark}",
        "{id}  {name}  {scope}  last sync {seen}{mark}",
    ),
    "cli.devices.never": ("从未同步", "never"),
    "cli.devices.revoked": ("  [已吊销]", "  [revoked]"),
    "cli.revoke.done": (
        "已吊销设备 {device}；它未发送的修改仍保留在它本地。",
        "Revoked the device {device}; its unsent changes stay on it.",
    ),
    "cli.server.bundle_imported": (
        "已导入设备「{device}」的 {changes} 条修改：应用 {applied}，冲突 {conflict}，"
        "拒收 {rejected}",
        "Imported {changes} changes from the device '{device}': {applied} applied, "
        "{conflict} in conflict, {rejected} refused",
    ),
    "cli.server.bundle_written": ("已写入 {path}（{size} 字节）", "Wrote {path} ({size} bytes)"),
    "cli.server.key_file": (
        "服务器密钥文件：{path}（请备份，与数据库备份分开保存；丢失后各设备的U盘同步包将无法使用）",
        "Server key file: {path} (back it up, apart from the database backups; without it "
        "no device's USB bundles can be read)",
    ),
    "cli.bundle.rejected": ("同步包被拒绝：{error}", "The sync bundle was refused: {error}"),
    "cli.bundle.export_failed": ("无法导出：{error}", "Cannot export: {error}"),
    "cli.enrolment_file.rejected": (
        "注册文件被拒绝：{error}",
        "The enrolment file was refused: {error}",
    ),
    "cli.serve.tls_pair": (
        "--tls-cert 与 --tls-key 须一起给出",
        "--tls-cert and --tls-key go together",
    ),
    "cli.sync.tls_needs_enroll": (
        "--ca 和 --pin 在注册时给出（与 --enroll 一起）",
        "--ca and --pin are given at enrolment (with --enroll)",
    ),
    "cli.sync.ca_unreadable": (
        "无法读取 CA 证书文件 {path}：{error}",
        "Cannot read the CA file {path}: {error}",
    ),
    "cli.sync.needs_server": (
        "注册时需要 --server 服务器地址",
        "Enrolling needs --server with the server's address",
    ),
    "cli.sync.enrolled": (
        "已注册，设备 {device}，{count} 家机构",
        "Enrolled as device {device} for {count} institution(s)",
    ),
    "cli.sync.failed": (
        "同步失败：{message}（本地修改都还在，稍后可再同步）",
        "Sync failed: {message} (local changes are kept; sync again later)",
    ),
    "cli.sync.done": (
        "同步完成：推送 {pushed} 条，拉取 {pulled} 条",
        "Sync done: pushed {pushed}, pulled {pulled}",
    ),
    "cli.sync.done_outcomes": (
        "同步完成：推送 {pushed} 条（{outcomes}），拉取 {pulled} 条",
        "Sync done: pushed {pushed} ({outcomes}), pulled {pulled}",
    ),
    "cli.sync.status": (
        "服务器 {server}；最近同步 {last_sync}；待发送 {pending}；待处理冲突 {conflicts}；"
        "被拒收（隔离） {quarantined}；时钟偏差 {offset} 秒",
        "Server {server}; last sync {last_sync}; pending {pending}; open conflicts "
        "{conflicts}; refused (quarantined) {quarantined}; clock offset {offset} s",
    ),
    "cli.sync.not_enrolled": ("未注册", "not enrolled"),
    "cli.sync.never": ("从未", "never"),
    "cli.sync.last_error": ("上次错误：{error}", "Last error: {error}"),
    "cli.sync.bundle_written": ("已写入 {path}：{count} 条修改", "Wrote {path}: {count} changes"),
    "cli.sync.bundle_imported": (
        "已导入 {items} 条记录；处理结果 {applied} 条已确认",
        "Imported {items} records; {applied} results confirmed",
    ),
    "cli.sync.enrolled_from_file": (
        "已注册，设备 {device}，收到 {items} 条记录",
        "Enrolled as device {device}; received {items} records",
    ),
    "cli.gui.bad_size": (
        "窗口大小“{value}”不对：请写成 宽x高，如 1280x800（640x480 到 7680x4320）",
        "Window size '{value}' is not valid: write WIDTHxHEIGHT, e.g. 1280x800 "
        "(640x480 to 7680x4320)",
    ),
}
