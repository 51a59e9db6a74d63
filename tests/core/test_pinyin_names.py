"""Names as Chinese lists order and find them: by the surname's full pinyin (a surname read as
a surname), then the given name; found by full pinyin, initials and mixes."""

from __future__ import annotations

import json

import pytest

from mzdesk.core import pinyin
from mzdesk.core.pinyin import reading, sort_key, spellings, split_name, surname_readings

ROSTER = [
    "曾繁峰",
    "白云",
    "蔡文",
    "陈思",
    "蔡明",
    "单田芳",
    "程浩",
    "邓超",
    "张三",
    "章子怡",
    "张伟",
]


def test_names_sort_by_the_surnames_full_pinyin_then_the_given_name():
    assert sorted(ROSTER, key=sort_key) == [
        "白云",
        "蔡明",
        "蔡文",  # one surname stays together: 蔡明 and 蔡文 are not split by 曾 (c…)
        "陈思",
        "程浩",  # chen before cheng
        "邓超",
        "单田芳",  # 单 shàn as a surname, not dān
        "曾繁峰",  # 曾 zēng as a surname, not céng
        "张三",
        "张伟",
        "章子怡",  # 张 and 章 both read zhāng: each surname stays together
    ]


@pytest.mark.parametrize(
    ("name", "surname", "syllables"),
    [
        ("曾国藩", "曾", ["zeng1"]),
        ("单田芳", "单", ["shan4"]),
        ("解晓东", "解", ["xie4"]),
        ("仇大海", "仇", ["qiu2"]),
        ("区志强", "区", ["ou1"]),
        ("查良镛", "查", ["zha1"]),
        ("朴正熙", "朴", ["piao2"]),
        ("盖聂", "盖", ["ge3"]),
        ("尉迟恭", "尉迟", ["yu4", "chi2"]),
        ("万俟卨", "万俟", ["mo4", "qi2"]),
        ("单于夜", "单于", ["chan2", "yu2"]),
        ("长孙无忌", "长孙", ["zhang3", "sun1"]),
        ("欧阳娜娜", "欧阳", ["ou1", "yang2"]),
        ("王秀英", "王", ["wang2"]),
    ],
)
def test_surnames_read_as_surnames(name, surname, syllables):
    assert split_name(name)[0] == surname
    assert reading(name)[: len(syllables)] == syllables


def test_a_two_character_name_is_not_taken_for_a_compound_surname():
    assert split_name("欧阳") == ("欧", "阳")


def test_names_in_latin_letters_sort_by_their_letters():
    assert sorted(["陈思", "Anna", "白云"], key=sort_key) == ["Anna", "白云", "陈思"]


def test_spellings_cover_full_pinyin_and_mixes():
    assert spellings("张三丰") == ["zhangsf", "zhangsanf", "zhangsanfeng"]
    assert "zengff" in spellings("曾繁峰") and "cengfanfeng" in spellings("曾繁峰")


def test_the_surname_table_is_checked_when_loaded(tmp_path, monkeypatch):
    bad = tmp_path / "pinyin"
    bad.mkdir()
    (bad / "surnames.json").write_text(
        json.dumps({"single": {"曾": "zeng"}, "compound": {}}), encoding="utf-8"
    )
    monkeypatch.setattr(pinyin, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    surname_readings.cache_clear()
    try:
        with pytest.raises(ValueError, match="曾"):
            surname_readings()
    finally:
        surname_readings.cache_clear()
