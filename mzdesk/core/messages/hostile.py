"""Messages about hostile or damaged import files: zip bombs, oversized cells and tables,
formulas without a computed value (services/tables/xlsx.py, reading.py, importers/base.py).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "table.bomb": (
        "文件 {file} 解压后过大（{detail}），可能是恶意文件，未导入",
        "the file {file} is too large once unpacked ({detail}); it may be malicious and was "
        "not imported",
    ),
    "table.bomb.part": (
        "其中「{part}」超过 {limit} MB",
        "its part '{part}' exceeds {limit} MB",
    ),
    "table.bomb.total": ("合计超过 {limit} MB", "more than {limit} MB in all"),
    "table.bomb.cell": (
        "第{row}行有一个单元格超过 {limit} 个字符",
        "a cell in row {row} is longer than {limit} characters",
    ),
    "table.bomb.strings": (
        "共享字符串超过 {limit} 个",
        "more than {limit} shared strings",
    ),
    "table.bomb.string_chars": (
        "共享字符串合计超过 {limit} 个字符",
        "the shared strings exceed {limit} characters in all",
    ),
    "table.bomb.columns": (
        "第{row}行超过 {limit} 列",
        "row {row} has more than {limit} columns",
    ),
    "table.csv_too_large": (
        "文件 {file} 过大（超过 {limit} MB），未导入",
        "the file {file} is too large (more than {limit} MB) and was not imported",
    ),
    "table.unreadable_csv": (
        "无法读取 CSV 文件 {file}（第{row}行：{error}）",
        "cannot read the CSV file {file} (record {row}: {error})",
    ),
    "cell.formula_uncomputed": (
        "是公式（={formula}），没有计算结果；请在 Excel 中打开并保存，或粘贴为数值",
        "is a formula (={formula}) with no computed value; open and save the file in Excel, "
        "or paste the values",
    ),
}
