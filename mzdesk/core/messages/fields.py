"""Messages about one field's value: required, length, vocabulary, dates, 身份证号 and
统一社会信用代码, and a roster cell's.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # generic field checks
    "field.required": ("必填", "required"),
    "field.too_long": ("不能超过{max}个字符", "must be at most {max} characters"),
    "field.too_large": ("内容过多，不能超过{max}字节", "too much content: at most {max} bytes"),
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
    "date.out_of_range": (
        "「{value}」不在 {first} 至 {last} 年之间，请检查年份",
        "'{value}' is not between the years {first} and {last}; check the year",
    ),
    "date.ambiguous_number": (
        "日期是一个数字（{value}），无法确定含义，请写成 yyyy-MM-dd",
        "the date is a bare number ({value}) whose meaning is unclear; write it as yyyy-MM-dd",
    ),
    "date.future": ("{value}晚于今天", "{value} is later than today"),
    # both dates named: 「不能早于发证日期（2025-11-01）」 read as if the issue date were the
    # one in brackets, which was the field's own value
    "date.before": ("{value} 早于{other} {other_value}", "{value} is before {other} {other_value}"),
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
}
