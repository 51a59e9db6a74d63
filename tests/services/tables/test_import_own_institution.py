"""A roster without a 机构名称 column (how a home keeps its own residents) goes to the
institution the import is for, as the app imports it; the institutions roster still needs it."""

import pytest
from sqlalchemy import select

from mzdesk.services.institutions import list_institutions
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file, preview_import
from mzdesk.store.models import Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import HOME, seeded, xlsx  # noqa: F401 - fixture

HEADER = ["姓名", "身份证号", "性别", "出生日期", "入住日期", "供养类型"]


def test_residents_without_the_institution_column_go_to_the_one_given(seeded, tmp_path):  # noqa: F811
    path = xlsx(
        tmp_path / "本院住户.xlsx",
        [HEADER, ["周桂兰", id_number(male=False), "女", "1940-05-01", "2026-02-01", "自费"]],
    )
    preview = preview_import(seeded, Kind.RESIDENTS, path, institution=HOME)
    assert preview.problems == () and preview.valid_rows == 1
    report = import_file(seeded, SETUP, Kind.RESIDENTS, path, institution=HOME)
    assert report.created == 1
    homes = {i.id: i.name for i in list_institutions(seeded)}
    with seeded.read() as session:
        (resident,) = session.scalars(select(Resident))
        assert homes[resident.institution_id] == HOME


def test_an_unknown_institution_given_is_said(seeded, tmp_path):  # noqa: F811
    path = xlsx(
        tmp_path / "r.xlsx", [HEADER, ["周桂兰", id_number(), "男", None, "2026-02-01", None]]
    )
    preview = preview_import(seeded, Kind.RESIDENTS, path, institution="没有这个院")
    assert [p.row for p in preview.problems] == [None]
    assert "没有这个院" in str(preview.problems[0])
    with pytest.raises(ImportRejected):
        import_file(seeded, SETUP, Kind.RESIDENTS, path, institution="没有这个院")


def test_the_institutions_roster_still_needs_its_names(store, tmp_path):
    path = xlsx(tmp_path / "i.xlsx", [["机构类型", "地址"], ["养老机构", "青岛"]])
    preview = preview_import(store, Kind.INSTITUTIONS, path)
    assert "机构名称" in str(preview.problems[0])
