"""Stored text never reaches the terminal as a control sequence: names planted the way an
attacker would (straight into the database, or by a device enrolling under a hostile name)
are printed with ESC, C1 controls and bidi overrides spelt out (\\u001b, \\u202e); JSON output
stays valid JSON holding the same values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from mzdesk.cli import main
from mzdesk.core.vocab import HazardLevel, InstitutionKind
from mzdesk.services.users import NewUser, add_user
from mzdesk.store.engine import open_store
from mzdesk.store.models import Hazard, Institution, User
from tests.helpers.actors import SETUP

HOSTILE_HOME = "幸福\x1b[2J\x1b]0;pwned\x07院\u202e老养"
HOSTILE_USER = "ad\x1b[8mmin\x9b31m"
HOSTILE_HAZARD = "电线\x1b[1A\x1b[2K老化\u2066"
HOSTILE_DEVICE = "站点\x1b[2J\x1b[H\u202e\x9b0m"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def _raw_free(output: str) -> None:
    for char in RAW:
        assert char not in output, f"U+{ord(char):04X} reached the terminal: {output!r}"


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A database whose institution name, user name and hazard description were changed
    behind the app's back (as a forged sync row or a hand-edited file would)."""
    from mzdesk.services.hazards.opening import NewHazard, register_hazard
    from mzdesk.services.institutions import InstitutionData, create_institution

    path = tmp_path / "site.db"
    store = open_store(path)
    home = create_institution(
        store, SETUP, InstitutionData(name="幸福院", kind=InstitutionKind.NURSING_HOME)
    )
    add_user(store, SETUP, home.id, NewUser("admin", "管理员", "secret-12", role="admin"))
    register_hazard(
        store, SETUP, NewHazard(home.id, "电线老化", HazardLevel.ORDINARY, dt.date.today())
    )
    with store.write(SETUP) as session:
        session.execute(update(Institution).values(name=HOSTILE_HOME))
        session.execute(update(Hazard).values(description=HOSTILE_HAZARD))
        session.execute(
            update(User).where(User.username == "admin").values(display_name=HOSTILE_USER)
        )
    store.close()
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, list(args), env={"MZDESK_USER": "admin", "MZDESK_PASSWORD": "secret-12"}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_stored_names_are_printed_spelt_out(planted):
    db = str(planted)
    code, out = _run("hazards", "list", "--db", db)
    assert code == 0, out
    _raw_free(out)
    assert "幸福\\u001b[2J\\u001b]0;pwned\\u0007院\\u202e老养" in out
    assert "电线\\u001b[1A\\u001b[2K老化\\u2066" in out
    code, out = _run("user", "list", "--db", db)
    assert code == 0, out
    _raw_free(out)
    assert "ad\\u001b[8mmin\\u009b31m" in out


def test_json_output_stays_json_with_the_same_values(planted):
    code, out = _run("hazards", "list", "--db", str(planted), "--json")
    assert code == 0, out
    _raw_free(out)
    assert json.loads(out)[0]["description"] == HOSTILE_HAZARD
    code, out = _run("user", "list", "--db", str(planted), "--json")
    _raw_free(out)
    assert json.loads(out)[0]["name"] == HOSTILE_USER


def test_a_device_with_a_hostile_name(tmp_path):
    """The server lists devices by the name each gave when it enrolled. Enrolment now keeps
    such characters only as U+FFFD (test_server_text.py); a name planted in the server's
    database before that, or by hand, still never reaches the terminal raw."""
    from mzdesk.server.auth import enroll
    from mzdesk.server.db import open_server_db
    from mzdesk.server.models import Device

    url = f"sqlite:///{tmp_path / 'server.db'}"
    runner = CliRunner()
    added = runner.invoke(
        main,
        ["server", "add-institution", "--db", url, "--name", "养老院", "--kind", "nursing_home"],
    )
    assert added.exit_code == 0, added.output
    enrolled = runner.invoke(main, ["server", "enroll", "--db", url, "--institution", "养老院"])
    assert enrolled.exit_code == 0, enrolled.output
    code = enrolled.output.strip().splitlines()[-1]
    db = open_server_db(url)
    enroll(db, code, "站点")
    with db.transaction() as session:
        session.execute(update(Device).values(name=HOSTILE_DEVICE))
    listed = runner.invoke(main, ["server", "devices", "--db", url])
    assert listed.exit_code == 0, listed.output
    _raw_free(listed.output)
    assert "站点\\u001b[2J\\u001b[H\\u202e\\u009b0m" in listed.output
    as_json = runner.invoke(main, ["server", "devices", "--db", url, "--json"])
    _raw_free(as_json.output)
    assert json.loads(as_json.output)[0]["name"] == HOSTILE_DEVICE
