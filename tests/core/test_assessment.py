import json
from pathlib import Path

import pytest

from mzdesk.core.assessment import default_scheme, load_scheme
from mzdesk.core.errors import ValidationError
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import AbilityLevel

SCHEME = default_scheme()


def answers_for_total(total: int) -> dict[str, int]:
    """Full marks, then lower items one option at a time (never to 昏迷) until ``total``."""
    answers = {item.id: item.max_score for item in SCHEME.items}
    for item in SCHEME.items:
        for option in sorted((o for o in item.options if not o.coma), key=lambda o: -o.score):
            if sum(answers.values()) - (answers[item.id] - option.score) >= total:
                answers[item.id] = option.score
    assert sum(answers.values()) == total
    return answers


def test_structure_matches_the_standard():
    assert len(SCHEME.items) == 26
    assert SCHEME.max_total == 90
    assert {d.name: (len(d.items), d.max_score) for d in SCHEME.dimensions} == {
        "自理能力": (8, 32),
        "基础运动能力": (4, 15),
        "精神状态": (9, 28),
        "感知觉与社会参与": (5, 15),
    }


@pytest.mark.parametrize(
    ("total", "level"),
    [
        (90, AbilityLevel.INTACT),
        (89, AbilityLevel.MILD),
        (66, AbilityLevel.MILD),
        (65, AbilityLevel.MODERATE),
        (46, AbilityLevel.MODERATE),
        (45, AbilityLevel.SEVERE),
        (30, AbilityLevel.SEVERE),
        (29, AbilityLevel.COMPLETE),
        (1, AbilityLevel.COMPLETE),
    ],
)
def test_level_boundaries(total, level):
    result = SCHEME.score(answers_for_total(total))
    assert result.total == total
    assert result.level is level


def test_coma_is_complete_disability_whatever_the_total():
    answers = {item.id: item.max_score for item in SCHEME.items}
    answers["B.3.9"] = 0  # 昏迷
    result = SCHEME.score(answers)
    assert result.total == 88
    assert result.base_level is AbilityLevel.MILD
    assert result.level is AbilityLevel.COMPLETE


def test_dementia_and_risk_events_each_make_it_one_level_worse():
    answers = answers_for_total(70)
    assert SCHEME.score(answers).level is AbilityLevel.MILD
    assert SCHEME.score(answers, cognitive_disorder=True).level is AbilityLevel.MODERATE
    assert SCHEME.score(answers, risk_events_30d=1).level is AbilityLevel.MILD
    assert SCHEME.score(answers, risk_events_30d=2).level is AbilityLevel.MODERATE
    both = SCHEME.score(answers, cognitive_disorder=True, risk_events_30d=3)
    assert both.level is AbilityLevel.SEVERE
    assert both.base_level is AbilityLevel.MILD


def test_adjustments_stop_at_complete_disability():
    result = SCHEME.score(answers_for_total(20), cognitive_disorder=True, risk_events_30d=2)
    assert result.level is AbilityLevel.COMPLETE


def test_missing_and_impossible_answers_are_named():
    answers = {item.id: item.max_score for item in SCHEME.items}
    del answers["B.1.1"]
    answers["B.2.4"] = 4  # 上下楼梯 scores at most 3
    with pytest.raises(ValidationError) as error:
        SCHEME.score(answers)
    fields = {p.field: p.message for p in error.value.problems}
    assert fields["answers.B.1.1"] == "未评分：进食"
    assert "上下楼梯" in fields["answers.B.2.4"]


def test_partial_scoring_while_the_form_is_filled_in():
    result = SCHEME.score({"B.1.1": 4, "B.1.2": 3}, partial=True)
    assert result.total == 7
    assert not result.complete


def test_a_scheme_file_whose_bands_leave_a_gap_is_refused(tmp_path: Path):
    raw = json.loads(resource_path("assessment", "gbt42195-2022.json").read_text(encoding="utf-8"))
    raw["levels"][1]["min"] = 67  # 66 belongs to no level now
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="cover"):
        load_scheme(broken)


def test_thresholds_are_data(tmp_path: Path):
    raw = json.loads(resource_path("assessment", "gbt42195-2022.json").read_text(encoding="utf-8"))
    raw["levels"][0]["min"] = 88
    raw["levels"][1]["max"] = 87
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert load_scheme(edited).score(answers_for_total(88)).level is AbilityLevel.INTACT
