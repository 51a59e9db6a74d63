"""The printed certificate: its text read back, its fonts embedded, its QR code decoded by a
real decoder (zbarimg, or zxing-cpp without it) from a 150 dpi rendering and verified."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from pathlib import Path

import pytest

from mzdesk.core.errors import StateError
from mzdesk.reports.certificates import write_certificates
from mzdesk.reports.qr import qr_matrix, qr_version
from mzdesk.services.certificates import (
    certificate_sheets,
    issue_certificates,
    revoke_certificate,
    verify_certificate,
)
from tests.helpers.actors import SETUP
from tests.helpers.certificates import LONG_TOPIC, train
from tests.helpers.tools import decode_qr, pdf_fonts, pdf_text, render_pages

DAY = dt.date(2026, 3, 10)
NO_LINE_STARTS_WITH = tuple("。，、：；）」！？”")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def decode_qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    """The QR codes of every page, rendered at 150 dpi, as a phone reads them."""
    return decode_qr(render_pages(pdf, tmp_path, dpi=150))


def test_session_pdf_reads_back_and_its_codes_verify(store, home, tmp_path):
    t = train(store, home, topic=LONG_TOPIC)
    issued = issue_certificates(store, SETUP, t.session_id, today=DAY)
    pdf = tmp_path / "certs.pdf"
    seen: list[tuple[int, int]] = []
    write_certificates(
        pdf, certificate_sheets(store, t.session_id), progress=lambda d, n: seen.append((d, n))
    )
    assert seen == [(1, 2), (2, 2)]
    text = pdf_text(pdf)
    for c in issued:
        assert c.serial in text and c.worker_name in text
    assert "培训合格证书" in text and home.name in text and "2026年3月10日" in text
    assert "370205********" in text  # masked unless the home prints full numbers
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bad = [line for line in lines if line.startswith(NO_LINE_STARTS_WITH)]
    assert not bad, bad
    assert sum("预防" in line for line in lines) >= 2  # the long course name did wrap
    fonts = pdf_fonts(pdf)
    assert fonts and all(font.embedded for font in fonts), fonts
    codes = decode_qr_codes(pdf, tmp_path)
    assert sorted(codes) == sorted(c.qr_text for c in issued)
    for code in codes:
        assert verify_certificate(store, code).genuine


def test_full_id_total_hours_and_revoked_reprint(store, home, tmp_path):
    from mzdesk.services.certificate_settings import CertificateSettings, set_certificate_settings

    settings = CertificateSettings(full_id=True, total_hours=True, issuer="青岛市民政局培训中心")
    set_certificate_settings(store, SETUP, home.id, settings)
    t = train(store, home, names=("王秀英",))
    (c,) = issue_certificates(store, SETUP, t.session_id, today=DAY)
    revoke_certificate(store, SETUP, c.id, "重复签发")
    pdf = tmp_path / "one.pdf"
    write_certificates(pdf, certificate_sheets(store, t.session_id, only={c.id}))
    text = pdf_text(pdf)
    assert "********" not in text and "累计学时" in text and "已作废" in text
    assert "青岛市民政局培训中心" in text
    assert certificate_sheets(store, t.session_id) == []  # revoked: not printed by default


def test_cancel_leaves_no_file(store, home, tmp_path):
    t = train(store, home)
    issue_certificates(store, SETUP, t.session_id, today=DAY)
    cancel = threading.Event()
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "x.pdf"
    with pytest.raises(StateError):
        write_certificates(
            pdf,
            certificate_sheets(store, t.session_id),
            progress=lambda d, n: cancel.set(),
            cancel=cancel,
        )
    assert list(out.iterdir()) == []


def test_qr_is_small(store, home):
    t = train(store, home)
    (c, _) = issue_certificates(store, SETUP, t.session_id, today=DAY)
    assert qr_version(qr_matrix(c.qr_text)) <= 10
