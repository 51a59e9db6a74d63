"""A resident roster meets the same date rules as an admission in the app."""

import datetime as dt

import pytest

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import HOME, RESIDENT_HEADER, seeded, xlsx  # noqa: F401


def test_an_admission_in_the_future_or_before_birth_is_refused_by_row(seeded, tmp_path):  # noqa: F811
    later = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    rows = [
        RESIDENT_HEADER,
        [HOME, "甲", id_number(), None, None, later, None, None, None, None],
        [HOME, "乙", id_number(dt.date(1950, 1, 1)), None, None, "1949-06-01"] + [None] * 4,
        [HOME, "丙", id_number(), None, None, "2025-01-01", None, None, None, None],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "dates.xlsx", rows))
    assert [str(p) for p in rejected.value.report.problems] == [
        f"第2行 入住日期: {later}晚于今天",
        "第3行 入住日期: 1949-06-01 早于出生日期 1950-01-01",
    ]
