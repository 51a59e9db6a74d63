"""Logs hold no personal data: not from errors shown to the user, not from failed SQL."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import IntegrityError

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.gui.runtime import errors
from mzdesk.store.models import Resident

NAME, ID_NUMBER = "张三丰", "370205194005010011"


def _close_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def test_refusals_are_logged_by_code_without_the_names_they_mention(qtbot, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook(lambda: None)
    caplog.set_level(logging.INFO)
    for error in (
        StateError("resident.discharged", name=NAME),
        ValidationError.single(
            "id_number", "resident.duplicate_id_number", id_number=ID_NUMBER, name=NAME
        ),
    ):
        try:
            raise error
        except Exception as raised:
            sys.excepthook(type(raised), raised, raised.__traceback__)
    _close_boxes()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "resident.discharged" in logged and "id_number=resident.duplicate_id_number" in logged
    assert NAME not in logged and ID_NUMBER not in logged


@pytest.mark.allow_log_warnings
def test_a_failed_statement_does_not_carry_its_values(store, home, qtbot, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook(lambda: None)
    from tests.helpers.actors import SETUP

    with pytest.raises(IntegrityError) as failed, store.write(SETUP) as session:
        session.add(Resident(institution_id=home.id, name=NAME, id_number=ID_NUMBER))  # no kind
        session.flush()
    assert NAME not in str(failed.value) and ID_NUMBER not in str(failed.value)
    sys.excepthook(IntegrityError, failed.value, failed.value.__traceback__)
    _close_boxes()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "IntegrityError" in logged and NAME not in logged and ID_NUMBER not in logged
