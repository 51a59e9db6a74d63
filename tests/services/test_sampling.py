"""双随机 draws (services/sampling.py): reproducible from the seed and the lists whatever order
the rows are stored in, fair over many seeds, recorded, exported and checked by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import uuid
from pathlib import Path

import openpyxl
import pytest

from mzdesk.core.errors import ValidationError
from mzdesk.core.identifiers import make_uscc
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import HazardLevel, HazardStatus, InspectionType, InstitutionKind, ItemResult
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.sampling import (
    Candidate,
    DrawRequest,
    draw_homes,
    list_draws,
    make_draw,
)
from mzdesk.services.sampling_export import draw_results, export_draw, export_results
from mzdesk.store.engine import Store, open_store
from tests.helpers.actors import SETUP

ROOT = Path(__file__).resolve().parents[2]
HOMES = [(f"崂山区第{i}养老院", make_uscc(f"5237021200000{i:04d}")) for i in range(1, 13)]
OTHER_REGION = ("市南区养老院", make_uscc("52370202000000999"))
PEOPLE = ["张三", "李四", "王五", "赵六", "钱七"]


def region_store(path: Path, order: list[int]) -> Store:
    store = open_store(path)
    for i in order:
        name, code = HOMES[i]
        create_institution(
            store,
            SETUP,
            InstitutionData(
                name=name, kind=InstitutionKind.NURSING_HOME, uscc=code, region_code="370212"
            ),
        )
    create_institution(
        store,
        SETUP,
        InstitutionData(
            name=OTHER_REGION[0],
            kind=InstitutionKind.NURSING_HOME,
            uscc=OTHER_REGION[1],
            region_code="370202",
        ),
    )
    return store


def by_hand(
    seed: str, codes: list[str], people: list[str], wanted: int
) -> list[tuple[str, list[str]]]:
    """docs/sampling.md, written again from the document alone."""

    def h(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    homes = sorted(codes, key=lambda c: (h(f"mzdesk-draw-1|home|{seed}|{c}"), c))[:wanted]
    names = sorted(set(people))
    k = min(2, len(names))
    return [
        (c, sorted(names, key=lambda p, c=c: (h(f"mzdesk-draw-1|inspector|{seed}|{c}|{p}"), p))[:k])
        for c in homes
    ]


def test_the_same_seed_and_lists_give_the_same_draw_whatever_the_storage_order(tmp_path):
    orders = [list(range(12)), list(reversed(range(12))), random.Random(5).sample(range(12), 12)]
    draws = []
    for n, order in enumerate(orders):
        store = region_store(tmp_path / f"{n}.db", order)
        people = [*random.Random(n).sample(PEOPLE, len(PEOPLE)), "  张三 "]  # any order, dupes
        draws.append(make_draw(store, SETUP, DrawRequest("370212", 4, people, seed="20261202")))

    def public(draw):  # ids differ between databases; the draw is by code and name
        homes = [(d.institution, d.code, d.inspectors) for d in draw.drawn]
        return homes, [(c.code, c.name) for c in draw.candidates], draw.inspectors

    first = draws[0]
    for other in draws[1:]:
        assert public(other) == public(first)
    assert [c.code for c in first.candidates] == sorted(code for _, code in HOMES)
    assert OTHER_REGION[1] not in {c.code for c in first.candidates}  # only the region's homes
    assert len(first.drawn) == 4 and all(len(d.inspectors) == 2 for d in first.drawn)
    assert len({d.code for d in first.drawn}) == 4
    expected = by_hand("20261202", [c for _, c in HOMES], PEOPLE, 4)
    assert [(d.code, list(d.inspectors)) for d in first.drawn] == expected
    # a different seed, a different draw; the record keeps the seed and both lists
    other = make_draw(
        open_store(tmp_path / "0.db"), SETUP, DrawRequest("370212", 4, PEOPLE, seed="7")
    )
    assert other.drawn != first.drawn
    (newest, *_) = list_draws(open_store(tmp_path / "0.db"))
    assert newest.seed == "7" and newest.inspectors == tuple(sorted(PEOPLE))
    assert len(newest.candidates) == 12


def test_every_home_and_inspector_is_drawn_about_equally_often():
    """Fixed seeds 0…2999, so the figures are the same on every run (no flaky bound)."""
    homes = [Candidate(code, name, str(i)) for i, (name, code) in enumerate(HOMES[:10])]
    runs, wanted = 3000, 3
    home_counts = dict.fromkeys((c.code for c in homes), 0)
    people_counts = dict.fromkeys(PEOPLE, 0)
    for seed in range(runs):
        _, _, drawn = draw_homes(str(seed), homes, PEOPLE, wanted)
        for d in drawn:
            home_counts[d.code] += 1
            for p in d.inspectors:
                people_counts[p] += 1
    expected = runs * wanted / len(homes)  # 900 each
    chi2 = sum((c - expected) ** 2 / expected for c in home_counts.values())
    assert chi2 < 21.67  # chi-square, 9 degrees of freedom, p = 0.01
    assert all(abs(c - expected) < 0.1 * expected for c in home_counts.values())
    expected_p = runs * wanted * 2 / len(PEOPLE)  # 3600 each
    chi2_p = sum((c - expected_p) ** 2 / expected_p for c in people_counts.values())
    assert chi2_p < 13.28  # 4 degrees of freedom, p = 0.01


def test_bad_requests_are_refused_by_field_and_nothing_is_recorded(tmp_path):
    store = region_store(tmp_path / "r.db", list(range(3)))
    cases = [
        (DrawRequest("370212", 5, PEOPLE), "institutions", "只有 3 家"),
        (DrawRequest("370212", 0, PEOPLE), "institutions", "至少为 1"),
        (DrawRequest("37A", 1, PEOPLE), "region_code", "2 到 6 位数字"),
        (DrawRequest("370212", 1, [" ", ""]), "inspectors", "至少要有一名"),
        (DrawRequest("370212", 1, PEOPLE, seed="a|b"), "seed", "不能含「|」"),
    ]
    for request, field, words in cases:
        with pytest.raises(ValidationError) as refused:
            make_draw(store, SETUP, request)
        assert refused.value.fields() == {field} and words in str(refused.value)
    assert list_draws(store) == []
    readonly = Actor(None, None, "readonly", "只读")
    with pytest.raises(PermissionDenied):
        make_draw(store, readonly, DrawRequest("370212", 1, PEOPLE))
    # no seed: one is made up and recorded
    draw = make_draw(store, SETUP, DrawRequest("370212", 1, ["张三"]))
    assert draw.seed.isdigit() and len(draw.seed) == 12 and draw.drawn[0].inspectors == ("张三",)


def test_the_draw_and_its_results_export_to_xlsx(tmp_path):
    from mzdesk.services.checklists import install_shipped
    from mzdesk.store.models import ChecklistItem, ChecklistTemplate, Hazard, InspectionResult
    from tests.helpers.inspecting import begin

    store = region_store(tmp_path / "x.db", list(range(5)))
    draw = make_draw(
        store,
        SETUP,
        DrawRequest("370212", 2, PEOPLE, seed="42", draw_date=dt.date(2026, 12, 1)),
    )
    assert draw.id is not None
    out = tmp_path / "draw.xlsx"
    assert export_draw(store, draw.id, out) == 2
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["抽查名单", "抽取说明", "候选机构", "检查人员"]
    rows = list(book["抽查名单"].iter_rows(values_only=True))
    assert rows[0] == ("序号", "机构名称", "机构代码", "检查人员")
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [
        (d.institution, d.code, "、".join(d.inspectors)) for d in draw.drawn
    ]
    about = dict(book["抽取说明"].iter_rows(min_row=2, values_only=True))
    assert about["随机种子"] == "42" and about["行政区划代码"] == "370212"
    assert [r[1] for r in book["候选机构"].iter_rows(min_row=2, values_only=True)] == [
        c.code for c in draw.candidates
    ]

    # the first drawn home is inspected (one item failed, two hazards, one closed); the
    # second is not yet
    first = draw.drawn[0]
    home_id = uuid.UUID(first.id)
    with store.write(SETUP) as session:
        install_shipped(session)
        template = session.query(ChecklistTemplate).filter_by(code="GB38600").one()
        item = session.query(ChecklistItem).filter_by(template_id=template.id).first()
    inspection = begin(
        store, home_id, template.id, dt.date(2026, 12, 2), InspectionType.RANDOM, "张三、李四"
    )
    with store.write(SETUP) as session:
        session.add(
            InspectionResult(
                institution_id=home_id,
                inspection_id=inspection,
                item_id=item.id,
                result=ItemResult.FAIL,
            )
        )
        for description, status in (
            ("灭火器过期", HazardStatus.CLOSED),
            ("通道堵塞", HazardStatus.OPEN),
        ):
            session.add(
                Hazard(
                    institution_id=home_id,
                    inspection_id=inspection,
                    description=description,
                    level=HazardLevel.ORDINARY,
                    found_on=dt.date(2026, 12, 2),
                    deadline=dt.date(2026, 12, 17),
                    status=status,
                )
            )
    _, results = draw_results(store, draw.id)
    assert (results[0].inspected_on, results[0].items_failed, results[0].closed) == (
        dt.date(2026, 12, 2),
        1,
        1,
    )
    assert results[1].inspected_on is None
    published = tmp_path / "results.xlsx"
    assert export_results(store, draw.id, published) == 2
    sheet = openpyxl.load_workbook(published)["抽查结果公示"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("机构名称", "机构代码", "检查日期", "检查人员", "不合格项数")
    assert rows[1][:7] == (first.institution, first.code, "2026-12-02", "张三、李四", 1, 2, 1)
    assert (
        "灭火器过期（一般隐患，已销号" in rows[1][7] and "通道堵塞（一般隐患，待整改" in rows[1][7]
    )
    assert rows[2][2] == "未检查" and rows[2][7] == "无"


def test_the_worked_example_in_docs_sampling_md_is_what_the_code_draws():
    doc = (ROOT / "docs" / "sampling.md").read_text(encoding="utf-8")
    homes = [Candidate(code, name, str(i)) for i, (name, code) in enumerate(HOMES[:5])]
    _, _, drawn = draw_homes("20261202", homes, ["张三", "李四", "王五"], 2)
    for d in drawn:
        assert f"| {d.code} | {'、'.join(d.inspectors)} |" in doc
