"""Sync review below the GUI: corrected values read back and checked against their column."""

from __future__ import annotations

import pytest

from mzdesk.services.records import vocab_label
from mzdesk.sync.display import check_value, parse_value


def test_edited_values_parse_back_to_json():
    assert parse_value("residents", "phone", "13512345678") == "13512345678"  # text stays text
    assert parse_value("residents", "phone", "") is None
    assert parse_value("residents", "cognitive_disorder", "true") is True
    assert parse_value("residents", "intake_documents", '["入住协议"]') == ["入住协议"]
    assert parse_value("residents", "admission_date", "2026-03-01") == "2026-03-01"
    assert parse_value("training_sessions", "hours", "12.5") == 12.5
    assert parse_value("no_such_table", "x", "{broken") == "{broken"


def test_a_value_that_does_not_fit_its_column_is_refused():
    check_value("residents", "phone", "13512345678")
    with pytest.raises(ValueError, match="longer than 40 characters"):
        check_value("residents", "phone", "2" * 41)
    with pytest.raises(ValueError, match="not a valid value"):
        check_value("residents", "phone", 13512345678)
    check_value("no_such_table", "x", object())  # the server judges unknown fields


def test_vocabulary_codes_read_as_labels():
    assert vocab_label("residents", "gender", "female") == "女"
    assert vocab_label("residents", "phone", "135") is None
    assert vocab_label("residents", "gender", "nonsense") == "nonsense"
