"""The core's translation table.

Qt code translates with ``tr()``; the layers below Qt produce messages through :func:`text`,
which looks up a message code in :data:`MESSAGES` and renders it in the current language.
Chinese is the default; English is available for every message.
"""

from __future__ import annotations

from typing import Final, Literal

Language = Literal["zh", "en"]

_language: Language = "zh"


def set_language(language: Language) -> None:
    global _language
    _language = language


def current_language() -> Language:
    return _language


def text(code: str, /, **params: object) -> str:
    """Render message ``code`` in the current language with ``params`` filled in."""
    return text_in(_language, code, **params)


def text_in(language: Language, code: str, /, **params: object) -> str:
    """Render message ``code`` in ``language`` (the server answers in English, whatever the
    language of the process; clients translate by code)."""
    zh, en = MESSAGES[code]
    return (zh if language == "zh" else en).format(**params)


def refusal_text(key: str, code: str, /, **params: object) -> str:
    """A sync refusal in the current language: its own message, or a generic one naming the
    server's code (never the server's English words inside a Chinese sentence)."""
    return text(key, **params) if key in MESSAGES else text("sync.unknown", code=code)


# code → (Chinese, English). Keep codes grouped by the module that raises them.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # generic field checks
    "field.required": ("必填", "required"),
    "field.too_long": ("不能超过{max}个字符", "must be at most {max} characters"),
    "field.not_in_vocab": (
        "「{value}」不是有效值，可选：{choices}",
        "'{value}' is not a valid value; choose one of: {choices}",
    ),
    "field.not_positive": ("必须是正数", "must be a positive number"),
    "field.not_integer": ("「{value}」不是整数", "'{value}' is not a whole number"),
    "field.not_number": ("「{value}」不是数字", "'{value}' is not a number"),
    "field.phone": ("「{value}」不像电话号码", "'{value}' does not look like a phone number"),
    "cell.date_in_text": (
        "单元格被 Excel 识别成了日期（{value}），原来的内容已无法确定；请把该列设为文本后重新填写",
        "Excel turned this cell into a date ({value}) and the original text is lost; format the "
        "column as text and type it again",
    ),
    "import.bed_unknown": (
        "本机构没有床位「{value}」",
        "the institution has no bed '{value}'",
    ),
    "import.bed_ambiguous": (
        "床位号「{value}」在本机构不唯一（{count}张），"
        "请写成「房间-床位号」或「楼栋 楼层 房间-床位号」",
        "bed number '{value}' is not unique in the institution ({count} beds); write room-bed",
    ),
    "import.bed_taken_in_file": (
        "床位「{value}」在第{other}行已被使用",
        "bed '{value}' is already used in row {other}",
    ),
    "import.duplicate_in_file": (
        "与第{other}行重复（{key}）",
        "duplicates row {other} ({key})",
    ),
    "import.institution_unknown": (
        "机构「{value}」不存在，请先导入或创建该机构",
        "institution '{value}' does not exist; import or create it first",
    ),
    "import.resident_moved": (
        "此人已在住于「{current}」，换床请使用换床功能",
        "this person already lives in '{current}'; use a bed transfer to move them",
    ),
    # dates
    "date.invalid": (
        "「{value}」不是可识别的日期，请写成 yyyy-MM-dd",
        "'{value}' is not a recognisable date; write it as yyyy-MM-dd",
    ),
    "date.ambiguous_number": (
        "日期是一个数字（{value}），无法确定含义，请写成 yyyy-MM-dd",
        "the date is a bare number ({value}) whose meaning is unclear; write it as yyyy-MM-dd",
    ),
    "date.future": ("日期{value}晚于今天", "the date {value} is later than today"),
    "date.before": ("不能早于{other}（{value}）", "must not be before {other} ({value})"),
    # 身份证号
    "id_number.length": (
        "身份证号应为18位，实为{length}位",
        "an ID number has 18 characters, this one has {length}",
    ),
    "id_number.characters": (
        "身份证号前17位应为数字，最后一位为数字或X",
        "an ID number is 17 digits followed by a digit or X",
    ),
    "id_number.birth_date": (
        "身份证号中的出生日期{value}无效",
        "the birth date {value} inside the ID number is not a real date",
    ),
    "id_number.birth_future": (
        "身份证号中的出生日期{value}晚于今天",
        "the birth date {value} inside the ID number is in the future",
    ),
    "id_number.checksum": (
        "校验位错误（应为{expected}）",
        "wrong check character (expected {expected})",
    ),
    "id_number.stored_as_number": (
        "身份证号以数字形式保存，Excel 只保留15位有效数字，末几位可能已被改动；"
        "请把该列设为文本格式后重新填写",
        "the ID number is stored as a number; Excel keeps only 15 significant digits, so the "
        "last digits may have been changed: format the column as text and type it again",
    ),
    "id_number.region_unknown": (
        "行政区划代码{code}不在当前代码表中（可能是已撤销的旧代码）",
        "region code {code} is not in the current code list (it may be a retired code)",
    ),
    "id_number.gender_mismatch": (
        "性别「{typed}」与身份证号（{derived}）不符",
        "gender '{typed}' disagrees with the ID number ({derived})",
    ),
    "id_number.birth_mismatch": (
        "出生日期{typed}与身份证号（{derived}）不符",
        "birth date {typed} disagrees with the ID number ({derived})",
    ),
    # 统一社会信用代码
    "uscc.length": (
        "统一社会信用代码应为18位，实为{length}位",
        "a unified social credit code has 18 characters, this one has {length}",
    ),
    "uscc.characters": (
        "统一社会信用代码含有不允许的字符（不可使用 I、O、Z、S、V）",
        "the unified social credit code has characters that are not allowed (no I, O, Z, S, V)",
    ),
    "uscc.checksum": (
        "统一社会信用代码校验位错误（应为{expected}）",
        "wrong check character in the unified social credit code (expected {expected})",
    ),
    "region_code.format": (
        "行政区划代码应为6位数字",
        "an administrative region code is 6 digits",
    ),
    # records and states
    "not_found": ("找不到{what}（{key}）", "{what} not found ({key})"),
    "institution.duplicate_name": (
        "已有同名机构「{name}」",
        "an institution named '{name}' already exists",
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
    # sync (codes are the server's error codes, see docs/sync-protocol.md)
    "sync.network": (
        "连接不上服务器或连接中断，本地修改都还在，稍后会再同步",
        "the server cannot be reached or the connection broke; local changes are kept",
    ),
    "sync.not_enrolled": ("本机尚未在服务器注册", "this device is not enrolled with a server"),
    "sync.no_token": ("本机尚未在服务器注册", "this device is not enrolled with a server"),
    "sync.bad_token": (
        "服务器不认识本机的凭据，请重新注册",
        "the server does not know this device's token; enrol it again",
    ),
    "sync.device_revoked": (
        "本机已被服务器吊销，未发送的修改仍保留在本机；请联系管理员重新注册",
        "this device was revoked; its unsent changes are kept — ask the administrator to "
        "enrol it again",
    ),
    "sync.bad_code": (
        "注册码错误、已过期或已被使用",
        "the enrolment code is wrong, expired or already used",
    ),
    "sync.client_too_old": (
        "本程序版本过旧，服务器要求升级后再同步；待发送的修改会保留",
        "this version of mzdesk is too old for the server; please upgrade — pending changes wait",
    ),
    "sync.server_too_old": (
        "服务器版本比本程序旧，需先升级服务器；待发送的修改会保留",
        "the server is older than this client; the server must be upgraded first — pending "
        "changes wait",
    ),
    "sync.server_error": ("服务器出错，请稍后再试", "the server failed; try again later"),
    "sync.unknown": ("服务器拒绝了请求（{code}）", "the server refused the request ({code})"),
    "sync.schema_missing": (
        "请求没有注明数据版本",
        "the client did not state its schema version",
    ),
    "sync.bad_bundle": (
        "服务器拒收了同步包（文件损坏、被改动过或不是给它的）",
        "the server refused the bundle (damaged, altered or not meant for it)",
    ),
    "sync.not_found.device": ("服务器上没有设备 {device}", "no device {device} on the server"),
    "sync.not_found.institution": (
        "服务器上没有机构「{name}」",
        "no institution named '{name}' on the server",
    ),
    "sync.invalid.one_scope": (
        "请给出机构或行政区划之一",
        "give an institution or a region, not both",
    ),
    "sync.enrol_failed": ("注册失败：{detail}", "enrolment failed: {detail}"),
    # why the server refused a change (shown in the quarantine list)
    "sync.rejected.unknown": ("服务器拒收了这条修改", "the server refused this change"),
    "sync.rejected.no_change_id": ("修改缺少编号", "the change has no valid id"),
    "sync.rejected.unknown_table": (
        "服务器不认识数据表「{table}」（可能需要升级服务器）",
        "the server does not know the table '{table}' (it may need upgrading)",
    ),
    "sync.rejected.unknown_op": ("不认识的操作「{op}」", "unknown operation '{op}'"),
    "sync.rejected.bad_ids": ("修改中的记录编号无效", "the change names no valid record"),
    "sync.rejected.no_data": ("修改没有内容", "the change has no data"),
    "sync.rejected.unknown_field": (
        "服务器不认识字段「{field}」（可能需要升级服务器）",
        "the server does not know the field '{field}' (it may need upgrading)",
    ),
    "sync.rejected.bad_value": (
        "字段「{field}」的值不符合要求（格式或长度）",
        "the value of '{field}' is not valid (format or length)",
    ),
    "sync.rejected.id_mismatch": ("记录编号前后不一致", "the record ids do not match"),
    "sync.rejected.moves_institution": (
        "记录不能改到另一家机构",
        "a record cannot move to another institution",
    ),
    "sync.rejected.not_in_scope": (
        "本机没有注册这家机构，不能修改它的数据",
        "this device is not enrolled for that institution",
    ),
    "sync.rejected.wrong_table": ("记录编号属于另一张表", "the record id belongs to another table"),
    "sync.rejected.missing_row": (
        "服务器上没有这条记录（它的新建没有送达或被拒收）",
        "the record does not exist on the server (its creation never arrived or was refused)",
    ),
    "sync.rejected.missing_fields": ("缺少必填字段：{fields}", "missing required fields: {fields}"),
    "sync.rejected.no_conflict": ("服务器上没有这条冲突", "no such conflict on the server"),
    "sync.rejected.not_permitted": (
        "做这项修改的用户在服务器上没有管理账号的权限",
        "the user who made this change may not change accounts on the server",
    ),
    # sync bundles and enrolment files (core/bundle.py, sync/bundles.py, server/bundles.py)
    "bundle.not_a_bundle": ("这不是 mzdesk 同步包", "this is not an mzdesk sync bundle"),
    "bundle.damaged": ("同步包已损坏", "the bundle is damaged"),
    "bundle.signature": (
        "同步包的签名不符：文件被改动过或是伪造的",
        "the bundle's signature does not match: it was altered or forged",
    ),
    "bundle.not_enrolled": ("本机尚未在服务器注册", "this device is not enrolled with a server"),
    "bundle.other_device": (
        "这个同步包是给另一台电脑的",
        "this bundle was made for another device",
    ),
    "bundle.for_server": (
        "这个同步包是发给服务器的，不能在本机导入",
        "this bundle is meant for the server, not for a device",
    ),
    "bundle.for_device": (
        "这个同步包是发给站点电脑的，不能在服务器导入",
        "this bundle is meant for a device, not for the server",
    ),
    "bundle.unknown_device": (
        "服务器不认识写这个同步包的设备",
        "the bundle comes from a device this server does not know",
    ),
    "bundle.earlier_missing": (
        "服务器更早的同步包还没有在本机导入，请先导入那一个",
        "an earlier bundle from the server has not been imported here; import that one first",
    ),
    "bundle.not_enrolment_file": ("这不是注册文件", "this file is not an enrolment file"),
    "bundle.already_enrolled": ("本机已经注册过了", "this computer is already enrolled"),
    # operating-system errors (core/errors.py os_error_text)
    "os.not_found": ("文件或文件夹不存在", "the file or folder does not exist"),
    "os.permission": ("没有访问权限", "permission denied"),
    "os.disk_full": ("磁盘已满", "the disk is full"),
    "os.is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "os.read_only": ("磁盘是只读的", "the disk is read-only"),
    "os.other": ("系统错误（错误号 {number}）", "system error (number {number})"),
    "import.cannot_open": ("无法打开文件：{error}", "cannot open the file: {error}"),
    # where an import problem is (services/tables/importing.py)
    "import.where.row": ("第{row}行", "row {row}"),
    "import.where.file": ("文件", "file"),
    # table file types (services/tables/reading.py, and the cli's export/template checks)
    "table.unsupported_type": (
        "不支持的文件类型「{suffix}」，请使用 .xlsx 或 .csv",
        "the file type '{suffix}' is not supported; use .xlsx or .csv",
    ),
    "table.old_xls": (
        "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入",
        "old .xls files are not supported; save the file as .xlsx in Excel and import that",
    ),
    "table.unreadable_excel": (
        "无法读取 Excel 文件 {file}（文件可能已损坏）",
        "cannot read the Excel file {file} (it may be damaged)",
    ),
    "table.encoding": (
        "无法识别 {file} 的文字编码（支持 UTF-8 与 GBK）",
        "cannot tell the text encoding of {file} (UTF-8 and GBK are supported)",
    ),
    "table.no_header": (
        "前{rows}行中找不到表头行（应包含：{columns}）",
        "no header row in the first {rows} rows (it should have: {columns})",
    ),
    "table.duplicate_header": (
        "第{row}行表头中「{column}」出现了两次",
        "the header in row {row} has '{column}' twice",
    ),
    "table.missing_columns": (
        "第{row}行表头缺少必需的列：{columns}",
        "the header in row {row} lacks required columns: {columns}",
    ),
    # importing (services/tables/importing.py)
    "import.summary": (
        "{kind}：共{rows}行，新增{created}，更新{updated}，未变{unchanged}",
        "{kind}: {rows} rows, {created} added, {updated} updated, {unchanged} unchanged",
    ),
    "import.summary_skipped": ("，跳过{count}行（有错误）", ", {count} rows skipped (problems)"),
    "import.no_bed": ("无床位", "no bed"),
    "import.phase.check": ("检查", "checking"),
    "import.phase.write": ("写入", "writing"),
    "import.rejected": ("{count}处错误，未导入任何数据", "{count} problems; nothing was imported"),
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
    "cli.audit.system": ("系统", "system"),
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
    "cli.stats.no_institution": ("找不到机构「{name}」", "No institution named '{name}'"),
    "cli.server.db_unavailable": (
        "无法打开服务器数据库 {url}：{error}",
        "Cannot open the server database {url}: {error}",
    ),
    "cli.server.refused": ("失败：{message}", "Failed: {message}"),
    "cli.server.institution_added": (
        "已新建机构「{name}」{id}",
        "Added the institution '{name}' {id}",
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
    "cli.bundle.rejected": ("同步包被拒绝：{error}", "The sync bundle was refused: {error}"),
    "cli.bundle.export_failed": ("无法导出：{error}", "Cannot export: {error}"),
    "cli.enrolment_file.rejected": (
        "注册文件被拒绝：{error}",
        "The enrolment file was refused: {error}",
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
}
