"""The certificate verify page: ``GET /C/<payload>`` (any case), what a phone opens when it
scans a printed certificate's QR code. A small Chinese HTML page, no external assets, every
value escaped, that says whether the certificate is genuine.

The public keys and revocations come from the server's ``records``: the rows of the desktops'
``signing_keys`` and ``training_certificates`` tables, which arrive by push or bundle like any
other. See docs/certificates.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from html import escape
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from mzdesk.core import certificates as cert
from mzdesk.core.certificates import Reason, Verdict
from mzdesk.core.dates import period_text
from mzdesk.core.i18n import text_in
from mzdesk.server.db import ServerDB
from mzdesk.server.models import InstitutionIndex, Record

MAX_PATH = cert.MAX_TEXT_CHARS


def _when(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return dt.datetime.min  # a revocation we cannot read counts from the beginning


def _row(session: Session, table: str, row_id: uuid.UUID) -> Record | None:
    """A live record of ``table`` by its id (the key and certificate rows have ids derived
    from the key id and the serial: a primary-key lookup, whatever the size of the server)."""
    row = session.get(Record, row_id)
    if row is None or row.table_name != table or row.deleted:
        return None
    return row


def verify_code(db: ServerDB, code: str) -> Verdict:
    """The verdict on a QR text (or the payload part of its path) from the server's records."""
    try:
        signed = cert.parse(code)
    except cert.PayloadRefused as refused:
        return Verdict(refused.reason)
    claims = signed.claims

    def work(session: Session) -> Verdict:
        key_row = _row(session, "signing_keys", cert.key_row_id(claims.key_id))
        if key_row is None or key_row.data.get("key_id") != claims.key_id:
            return cert.judge(signed, None, None)
        data = key_row.data
        key = cert.KnownKey(
            str(data.get("public_key", "")),
            key_row.institution_id,
            _when(data.get("revoked_at")),
        )
        record_row = _row(session, "training_certificates", cert.certificate_row_id(claims.serial))
        if record_row is not None and (
            record_row.data.get("serial") != claims.serial
            or record_row.institution_id != key_row.institution_id
        ):
            record_row = None
        record = (
            None
            if record_row is None
            else cert.KnownCertificate(
                _when(record_row.data.get("revoked_at")), record_row.data.get("revoked_reason")
            )
        )
        institution = session.get(InstitutionIndex, key_row.institution_id)
        return cert.judge(
            signed, key, record, institution_name=institution.name if institution else None
        )

    with db.transaction() as session:
        return work(session)


_CSS = """
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",
"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;background:#f4f1ea;color:#222}
main{max-width:30rem;margin:0 auto;padding:1.2rem}
.card{background:#fff;border-radius:.8rem;padding:1.2rem;box-shadow:0 1px 4px #0002}
.badge{font-size:1.5rem;font-weight:700;padding:.9rem 1rem;border-radius:.6rem;
margin-bottom:1rem;text-align:center}
.ok{background:#e6f4ea;color:#1b5e20;border:2px solid #2e7d32}
.bad{background:#fdecea;color:#8b1a1a;border:2px solid #c62828}
.warn{background:#fff4e5;color:#7a4b00;border:2px solid #b26a00}
.why{margin:.3rem 0 1rem;font-size:1rem;line-height:1.5}
dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem .8rem;margin:0;font-size:1.05rem}
dt{color:#666}dd{margin:0;word-break:break-all}
footer{color:#888;font-size:.8rem;margin-top:1rem;text-align:center;line-height:1.5}
"""

_HEADLINE = {
    Reason.GENUINE: ("ok", "✔ 证书真实有效"),
    Reason.REVOKED: ("bad", "✘ 证书已作废"),
    Reason.KEY_REVOKED: ("bad", "✘ 证书无效"),
    Reason.ALTERED: ("bad", "✘ 证书不真实"),
    Reason.FOREIGN_KEY: ("bad", "✘ 证书不真实"),
    Reason.UNKNOWN_KEY: ("warn", "？ 无法确认真伪"),
    Reason.MALFORMED: ("bad", "✘ 无法识别的证书码"),
}


def render(verdict: Verdict) -> str:
    kind, headline = _HEADLINE[verdict.reason]
    why = text_in(
        "zh", f"cert.verdict.{verdict.reason.value}", reason=verdict.revoked_reason or "未说明"
    )
    rows: list[tuple[str, str]] = []
    claims = verdict.claims
    if claims is not None and verdict.reason in (Reason.GENUINE, Reason.REVOKED):
        rows = [
            ("姓名", claims.masked_name),
            ("培训课程", claims.course),
            ("培训日期", period_text(claims.start_date, claims.end_date)),
            ("学时", f"{claims.hours}"),
            ("发证日期", f"{claims.issued_on:%Y-%m-%d}"),
            ("发证单位", claims.issuer),
            ("证书编号", claims.serial),
        ]
        if verdict.institution_name and verdict.institution_name != claims.issuer:
            rows.insert(6, ("所属机构", verdict.institution_name))
    details = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<meta name='robots' content='noindex'>"
        f"<title>培训合格证书核验</title><style>{_CSS}</style></head><body><main>"
        "<div class='card'>"
        f"<div class='badge {kind}'>{escape(headline)}</div>"
        f"<p class='why'>{escape(why)}</p>"
        f"<dl>{details}</dl></div>"
        "<footer>培训合格证书在线核验 · 民政桌面<br>"
        "姓名已部分隐去；如有疑问请向发证单位核实。</footer>"
        "</main></body></html>"
    )


def page(db: ServerDB, code: str) -> HTMLResponse:
    verdict = Verdict(Reason.MALFORMED) if len(code) > MAX_PATH else verify_code(db, code)
    status = 400 if verdict.reason is Reason.MALFORMED else 200
    return HTMLResponse(
        render(verdict),
        status_code=status,
        headers={
            "Cache-Control": "no-store",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def mount(app: FastAPI, db: ServerDB) -> None:
    """Add the verify page at /C/… and /c/… (QR readers may lowercase the path)."""

    @app.get("/C/{code:path}", include_in_schema=False, response_class=HTMLResponse)
    def verify_upper(code: str) -> HTMLResponse:
        return page(db, code)

    @app.get("/c/{code:path}", include_in_schema=False, response_class=HTMLResponse)
    def verify_lower(code: str) -> HTMLResponse:
        return page(db, code)
