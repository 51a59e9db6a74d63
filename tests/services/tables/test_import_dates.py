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


def test_a_roster_row_of_a_discharged_person_is_not_a_second_record(seeded, tmp_path):  # noqa: F811
    from mzdesk.core.vocab import DischargeReason
    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.residents import ResidentData
    from mzdesk.services.stays import Admission, admit_resident, discharge_resident

    home = next(i for i in list_institutions(seeded) if i.name == HOME)
    number = id_number(dt.date(1938, 3, 3))
    gone = admit_resident(
        seeded, SETUP, Admission(home.id, ResidentData("孙七", number), dt.date(2025, 1, 1))
    )
    discharge_resident(seeded, SETUP, gone.id, dt.date(2025, 6, 1), DischargeReason.HOME)
    rows = [RESIDENT_HEADER, [HOME, "孙七", number, None, None, "2025-08-01"] + [None] * 4]
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "again.xlsx", rows))
    problems = [str(p) for p in rejected.value.report.problems]
    assert len(problems) == 1
    assert problems[0].startswith(f"第2行 身份证号: 身份证号{number}的「孙七」已于 2025-06-01 退住")
