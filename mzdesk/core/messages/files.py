"""Messages about files: operating-system errors, roster tables and importing them.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # operating-system errors (core/errors.py os_error_text)
    "os.not_found": ("文件或文件夹不存在", "the file or folder does not exist"),
    "os.permission": ("没有访问权限", "permission denied"),
    "os.disk_full": ("磁盘已满", "the disk is full"),
    "os.is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "os.read_only": ("磁盘是只读的", "the disk is read-only"),
    "os.other": ("系统错误（错误号 {number}）", "system error (number {number})"),
    "os.name_too_long": ("文件名太长", "the file name is too long"),
    "os.file_problem": ("无法读写文件 {file}：{error}", "cannot read or write {file}: {error}"),
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
}
