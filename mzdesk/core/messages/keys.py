"""Messages about the encrypted store: unlocking it, its key slots and its recovery key.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "store.sqlcipher_missing": (
        "缺少数据库加密组件 SQLCipher（Python 包 sqlcipher3），"
        "为保护个人信息，程序不会以明文保存数据。请重新安装 mzdesk（或运行 uv sync）。",
        "the database encryption component SQLCipher (Python package sqlcipher3) is missing; "
        "to protect personal information mzdesk will not store data unencrypted. "
        "Reinstall mzdesk (or run uv sync).",
    ),
    "store.damaged": (
        "数据库文件 {file} 已损坏或不是 mzdesk 的数据库",
        "the database file {file} is damaged or is not an mzdesk database",
    ),
    "store.encrypt_verify_failed": (
        "加密数据库 {file} 后核对不一致，已保留原文件，未做任何改动",
        "after encrypting {file} the copy did not match; the original is kept unchanged",
    ),
    "store.keys.locked": (
        "数据库已加密，请用本机的账号登录",
        "the database is encrypted: log in with an account of this computer",
    ),
    "store.keys.no_unlock": (
        "用户名或密码不正确（如果此账号是在别的电脑上建立或改过密码的，请用它在本电脑上原来的密码，"
        "或请管理员在本电脑上重设密码）",
        "wrong user name or password (if the account was created or its password changed on "
        "another computer, use the password it had here, or ask an administrator to reset it "
        "on this computer)",
    ),
    "store.keys.missing": (
        "数据库的钥匙文件 {file} 不见了：只能用恢复密钥打开（mzdesk recover）",
        "the database's key file {file} is missing: only the recovery key opens it "
        "(mzdesk recover)",
    ),
    "store.keys.damaged": (
        "数据库的钥匙文件 {file} 已损坏：请用恢复密钥打开（mzdesk recover）",
        "the database's key file {file} is damaged: open it with the recovery key (mzdesk recover)",
    ),
    "store.keys.unreadable": (
        "无法读取数据库的钥匙文件 {file}",
        "cannot read the database's key file {file}",
    ),
    "store.keys.recovery_malformed": (
        "恢复密钥应为 52 个字母和数字（每 4 个一组），请对照恢复单核对",
        "a recovery key is 52 letters and digits (in groups of four); check it against the "
        "recovery sheet",
    ),
    "store.keys.recovery_wrong": (
        "这个恢复密钥打不开此数据库（是否是另一台电脑的恢复单？）",
        "this recovery key does not open this database (is the sheet another computer's?)",
    ),
    "user.not_admin": (
        "只能为在用的管理员账号重设密码",
        "only an active administrator's password can be reset this way",
    ),
    "cli.keys.sheet_written": (
        "恢复密钥单已写入 {path}：请打印后锁好，并删除这个文件",
        "recovery sheet written to {path}: print it, lock it away and delete the file",
    ),
    "cli.keys.holders": (
        "本电脑上能打开数据库的账号：",
        "accounts that open the database on this computer:",
    ),
    "cli.keys.none": (
        "（还没有账号：数据库未受密码保护）",
        "(none yet: no password protects the database)",
    ),
    "cli.keys.printed": ("恢复密钥单打印日期：{date}", "recovery sheet printed: {date}"),
    "cli.keys.never_printed": (
        "恢复密钥单还没有打印过：请运行 mzdesk keys sheet",
        "the recovery sheet has never been printed: run mzdesk keys sheet",
    ),
    "cli.recover.key_prompt": ("恢复密钥", "Recovery key"),
    "cli.recover.no_admin": (
        "此数据库没有在用的管理员账号 {name}",
        "this database has no active administrator {name}",
    ),
    "cli.recover.done": (
        "已为管理员 {name} 设置新密码，可以用它登录了",
        "administrator {name} has a new password and can log in with it",
    ),
}
