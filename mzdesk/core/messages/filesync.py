"""Messages about files that sync (photos, signatures) and what a region's device may write.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # the server's answers about files (server/files.py), shown by their code
    "sync.no_file": (
        "服务器上没有这个文件，或本机无权取得它",
        "the server does not have this file, or this computer may not have it",
    ),
    "sync.file_corrupt": (
        "文件内容与它的校验码不符（传输中损坏）",
        "the file's bytes do not match its checksum (damaged on the way)",
    ),
    "sync.bad_file": (
        "服务器拒收了这个文件：不是可用的图片",
        "the server refused the file: not a usable image",
    ),
    "sync.too_many": ("一次询问的文件太多", "too many files asked about at once"),
    # a bureau's laptop (enrolled for a region) writing a home's own records
    "sync.rejected.region_home_records": (
        "按区域注册的电脑（民政部门）只能记录检查和隐患；机构的「{table}」只能在为该机构注册的"
        "电脑上修改，本机的修改未被接受",
        "a computer enrolled for a region (the bureau) records inspections and hazards; a "
        "home's {table} records are changed only on computers enrolled for that home, so "
        "this computer's change was not accepted",
    ),
    "sync.region.read_only": (
        "本机按区域注册（民政部门），不能修改机构的住户、床位和工作人员",
        "this computer is enrolled for a region (the bureau) and cannot change a home's "
        "residents, beds or staff",
    ),
    # sync status and bundles
    "sync.files.bundle_server": (
        "文件：收下 {stored} 个，拒收 {refused} 个（拒收的文件不影响修改，站点下次再带来）",
        "Files: {stored} kept, {refused} refused (refused files do not affect the changes; "
        "the site brings them again)",
    ),
    "sync.files.bundle_site": ("同步包带来文件 {n} 个", "The bundle brought {n} files"),
    "sync.files.done": (
        "文件：上传 {sent} 个，下载 {received} 个，{failed} 个下次同步再试",
        "Files: {sent} sent, {received} received, {failed} to try again at the next sync",
    ),
    "sync.files.pending": (
        "待上传文件 {up} 个，待下载文件 {down} 个",
        "{up} files to upload, {down} files to download",
    ),
}
