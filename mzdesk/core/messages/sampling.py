"""Messages about 双随机 draws (services/sampling.py, cli/sample.py).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "sampling.bad_region": (
        "行政区划代码「{value}」不对：应为 2 到 6 位数字（如 370212，或 3702 表示全市）",
        "the region code '{value}' is not valid: 2 to 6 digits (e.g. 370212, or 3702 for a city)",
    ),
    "sampling.no_inspectors": ("至少要有一名检查人员", "at least one inspector is needed"),
    "sampling.bad_seed": (
        "随机种子不能为空、不能含「|」，最多 {limit} 个字符",
        "the seed must not be empty or contain '|', and has at most {limit} characters",
    ),
    "sampling.too_few": ("抽取数量至少为 1", "draw at least one institution"),
    "sampling.too_many": (
        "要抽取 {wanted} 家，但本区域只有 {homes} 家机构",
        "{wanted} institutions wanted, but the region has only {homes}",
    ),
    "sampling.duplicate_code": (
        "两家机构的统一社会信用代码相同（{uscc}），请先更正",
        "two institutions have the same credit code ({uscc}); correct it first",
    ),
    "sampling.drawn": (
        "双随机抽取：区域 {region}，随机种子 {seed}，从 {homes} 家中抽取 {count} 家：",
        "Random draw: region {region}, seed {seed}, {count} of {homes} institutions:",
    ),
    "sampling.line": (
        "{n}. {institution}（{code}）：{inspectors}",
        "{n}. {institution} ({code}): {inspectors}",
    ),
    "sampling.redo": (
        "用同一随机种子和同样的名单可重现本次抽取：mzdesk sample --region {region} "
        "--institutions {count} --seed {seed} …",
        "The same seed and lists redo this draw: mzdesk sample --region {region} "
        "--institutions {count} --seed {seed} …",
    ),
    "sampling.written": ("已导出：{path}", "Written: {path}"),
    "sampling.no_draws": ("还没有双随机抽取记录", "no random draws recorded yet"),
}
