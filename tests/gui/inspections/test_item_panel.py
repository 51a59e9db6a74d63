"""The item as the inspector reads it: clause (marked when unverified) and what to look at."""

from __future__ import annotations

import uuid

from mzdesk.core.vocab import ItemResult
from mzdesk.gui.inspections.item_panel import ItemPanel
from mzdesk.services.inspecting.detail import ItemView


def item(**changes: object) -> ItemView:
    values: dict = {
        "id": uuid.uuid4(),
        "code": "04",
        "section": "防火巡查",
        "text": "消防设施、器材在位、完好",
        "basis": "4.1",
        "look_at": "查看灭火器、消火栓箱",
        "major": True,
        "clause_unverified": False,
        "standard": None,
    }
    values.update(changes)
    return ItemView(**values)


def test_clause_look_at_and_major_are_shown(qtbot):
    panel = ItemPanel()
    qtbot.addWidget(panel)
    panel.show_item(item(), ItemResult.FAIL, "三楼", locked=False)
    assert panel.basis.text() == "依据：4.1"
    assert panel.look_at.text() == "查看要点：查看灭火器、消火栓箱"
    assert "重大隐患项" in panel.where.text()
    assert panel.buttons[ItemResult.FAIL].isChecked() and panel.note.toPlainText() == "三楼"
    panel.show_item(
        item(clause_unverified=True, standard="GB 38600-2019", look_at=None),
        None,
        None,
        locked=True,
    )
    assert panel.basis.text() == "依据：GB 38600-2019 4.1（未核实）"
    assert panel.look_at.isHidden()
    assert not any(b.isChecked() for b in panel.buttons.values())
    assert not panel.photo_button.isEnabled() and panel.note.isReadOnly()
