"""Sync messages: the server's error codes, why it refused a change, and sync bundles.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
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
    # the client retried these (with backoff, honouring Retry-After) before giving up
    "sync.busy": (
        "服务器正忙，已多次重试仍未成功，本地修改都还在，稍后会再同步",
        "the server is busy and did not answer after several tries; local changes are kept",
    ),
    "sync.throttled": (
        "请求过于频繁，服务器要求稍后再试，本地修改都还在",
        "too many requests: the server asked to try again later; local changes are kept",
    ),
    "sync.certificate": (
        "无法验证服务器的证书（不是受信任的证书，或地址与证书不符）。请向管理员索取机构的"
        "CA 证书文件或证书指纹，注册时填写",
        "the server's certificate could not be verified (not trusted, or not for this "
        "address); ask the administrator for the CA file or the certificate's fingerprint and "
        "give it at enrolment",
    ),
    "sync.certificate_pin": (
        "服务器的证书与注册时指定的指纹不符，可能不是原来的服务器；未发送任何数据",
        "the server's certificate does not match the fingerprint given at enrolment — it may "
        "not be your server; nothing was sent",
    ),
    "sync.bad_ca": (
        "CA 证书文件无法读取（应为 PEM 格式的证书）",
        "the CA file cannot be read (a PEM certificate is expected)",
    ),
    "sync.bad_pin": (
        "证书指纹的格式不对（应为 64 位十六进制的 SHA-256）",
        "the certificate fingerprint is malformed (64 hex digits of SHA-256 expected)",
    ),
    "sync.unknown": ("服务器拒绝了请求（{code}）", "the server refused the request ({code})"),
    "sync.schema_missing": (
        "请求没有注明数据版本",
        "the client did not state its schema version",
    ),
    "sync.bad_body": (
        "服务器无法读取请求内容（数据损坏或格式不对）",
        "the server could not read the request (damaged or malformed)",
    ),
    "sync.too_large": (
        "请求内容超过服务器允许的大小，服务器拒收",
        "the request is larger than the server accepts",
    ),
    "sync.too_many_attempts": (
        "错误的注册码或凭据尝试次数过多，服务器暂时拒绝受理；请过一段时间（最多十分钟）再试",
        "too many attempts with a wrong enrolment code or token: the server refuses for a "
        "while; try again later (within ten minutes)",
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
    "sync.ambiguous.institution": (
        "有 {count} 家机构名为「{name}」，请改用机构 ID 或统一社会信用代码指明"
        "（ID  区划代码  类型  统一社会信用代码）：\n{candidates}",
        "{count} institutions are named '{name}'; give an institution id or a unified "
        "social credit code instead (id  region  kind  credit code):\n{candidates}",
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
    "sync.rejected.too_long": (
        "字段「{field}」的内容太长（上限{limit}）",
        "the value of '{field}' is too long (limit {limit})",
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
    "sync.rejected.institution_not_created": (
        "机构只能由服务器管理员新建，本机新建的机构不会同步（请联系管理员在服务器上添加，"
        "再用注册码注册本机）",
        "institutions are created only by the server's administrator; one created on this "
        "computer does not sync (ask the administrator to add it on the server and enrol "
        "this computer for it)",
    ),
    "sync.rejected.institution_field_locked": (
        "「{fields}」只能由服务器管理员修改（机构的名称、类型、行政区划代码、统一社会信用代码"
        "都由管理员管理），本机的修改未被接受",
        "only the server's administrator may change '{fields}' (an institution's name, kind, "
        "region code and credit code are the administrator's); this computer's change was "
        "not accepted",
    ),
    "sync.rejected.accounts_home_only": (
        "机构的账号只能在为该机构注册的电脑上修改",
        "an institution's accounts are changed only on computers enrolled for that institution",
    ),
    "sync.rejected.not_permitted": (
        "做这项修改的用户在服务器上没有管理账号的权限",
        "the user who made this change may not change accounts on the server",
    ),
    # sync bundles and enrolment files (core/bundle.py, sync/bundles.py, server/bundles.py)
    "bundle.not_a_bundle": ("这不是 mzdesk 同步包", "this is not an mzdesk sync bundle"),
    "bundle.damaged": ("同步包已损坏", "the bundle is damaged"),
    "bundle.malformed": (
        "同步包的内容不符合格式（{part}），未导入任何内容",
        "the bundle's content is malformed ({part}); nothing was imported",
    ),
    "bundle.signature": (
        "同步包无法解密验证：文件被改动过或是伪造的，或不是用本机的密钥加密的",
        "the bundle cannot be decrypted and verified: it was altered or forged, or was not "
        "sealed with this device's key",
    ),
    "bundle.old_format": (
        "这是旧格式（MZBUNDLE1，未加密）的同步包，已不再接受。同步包只是传递用的文件，不是存档："
        "请在原处用新版本重新导出一个",
        "this is an old-format bundle (MZBUNDLE1, not encrypted), no longer accepted. Bundles "
        "are transport files, not archives: export a new one where it came from",
    ),
    "bundle.too_large": (
        "同步包太大：解压后超过 {limit} MB，已拒收",
        "the bundle is too large: over {limit} MB once decompressed; refused",
    ),
    "bundle.wrong_code": (
        "注册码打不开这个注册文件：请核对注册码（与文件分开告知的那个），或文件已被改动",
        "this code does not open the enrolment file: check the code (the one given "
        "separately from the file), or the file was altered",
    ),
    "bundle.older": (
        "这个同步包比本机已有的数据更早（之后的同步包或网络同步已经收到），为免旧数据覆盖新数据，"
        "没有导入任何内容；请导入最新的同步包",
        "this bundle is older than what this computer already has (a later bundle or a "
        "network sync came in since); nothing was imported, so old values cannot overwrite "
        "newer ones — import the newest bundle",
    ),
    "bundle.enrolment_file": (
        "这是离线注册文件，不是同步包：请在同步页用“用注册文件注册”打开它",
        "this is an offline enrolment file, not a sync bundle: open it with enrolment from a file",
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
    # the server's key file (server/keys.py)
    "server_key.required": (
        "PostgreSQL 上的服务器需要密钥文件：用 --key-file 或环境变量 {env} 指定"
        "（每台服务器用同一个）",
        "a server on PostgreSQL needs a key file: give it with --key-file or the environment "
        "variable {env} (the same file on every machine)",
    ),
    "server_key.missing": (
        "找不到服务器密钥文件 {path}，而这个数据库已经用过密钥：请从备份恢复该文件"
        "（新建密钥会使所有设备的同步包失效）",
        "the server's key file {path} is missing, and this database already has a key: "
        "restore the file from its backup (a new key would invalidate every device's bundles)",
    ),
    "server_key.wrong": (
        "服务器密钥文件 {path} 与这个数据库不匹配：请使用这个数据库原来的密钥文件",
        "the server's key file {path} does not belong to this database: use the key file it "
        "was set up with",
    ),
    "server_key.unreadable": (
        "无法读取服务器密钥文件 {path}：{error}",
        "cannot read the server's key file {path}: {error}",
    ),
    "server_key.conflict": (
        "数据库里仍有旧版保存的密钥，且与密钥文件 {path} 不同：请确认哪一个是正确的",
        "the database still holds a key saved by an older version, and it differs from the "
        "key file {path}: find out which one is right",
    ),
}
