"""Messages about photos, signatures and other attached files.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "attachment.empty": ("文件是空的", "the file is empty"),
    "attachment.too_large": (
        "文件太大（{size}），照片不能超过 {limit}",
        "the file is too large ({size}); a photo may be at most {limit}",
    ),
    "attachment.not_image": (
        "不是 PNG 或 JPEG 图片",
        "not a PNG or JPEG image",
    ),
    "attachment.type_mismatch": (
        "文件内容是 {actual}，不是 {declared}",
        "the file holds {actual}, not {declared}",
    ),
    "attachment.broken_image": (
        "图片已损坏，无法读取",
        "the image is damaged and cannot be read",
    ),
    "attachment.too_many_pixels": (
        "图片像素太多，不能超过 {wan} 万像素",
        "the image has too many pixels; at most {million} million",
    ),
    "attachment.missing_file": (
        "文件尚未同步到本机",
        "the file has not reached this computer yet",
    ),
}
