"""1,000 training certificates into one PDF: seconds and megabytes, as ratios to plain
reportlab drawing the same strings (same embedded font) without QR codes or layout, in the
same run. Also: issuing 1,000 certificates (signing + rows) in a fresh database.

Run: ``uv run python benchmarks/certificates.py [--count 1000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _figures import Figure, below, params, parse_quick, write_figures
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mzdesk.core import certificates as cert
from mzdesk.reports.certificates import body_text, write_certificates
from mzdesk.reports.fonts import register_cjk_font
from mzdesk.services.certificates import CertificateSheet

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英桂兰玉兰建华志强淑珍丽娟海燕春梅国庆"
COURSES = (
    "失智老人照护",
    "老年人能力评估与照护计划",
    "消防安全与应急疏散演练",
    "老年人跌倒、噎食、压疮的预防和应急处置，以及院内感染防控",
)


def sheets(count: int) -> list[CertificateSheet]:
    pair = cert.new_key_pair()
    tag = cert.institution_tag(__import__("uuid").uuid4())
    out = []
    for i in range(count):
        name = SURNAMES[i % 20] + GIVEN[(i * 7) % 20] + GIVEN[(i * 3 + 1) % 20]
        course = COURSES[i % len(COURSES)]
        start = dt.date(2026, 1, 5) + dt.timedelta(days=i % 300)
        claims = cert.Claims(
            pair.key_id, tag, i + 1, cert.mask_name(name), course, Decimal(16),
            start, start + dt.timedelta(days=2), dt.date(2026, 11, 30), "青岛市市南区幸福颐养院",
        )  # fmt: skip
        out.append(
            CertificateSheet(
                serial=claims.serial,
                name=name,
                id_number=f"370205********{i % 10000:04d}",
                course=course,
                start_date=claims.start_date,
                end_date=claims.end_date,
                hours=claims.hours,
                total_hours=Decimal(40 + i % 50),
                result="合格",
                issuer=claims.issuer,
                issued_on=claims.issued_on,
                qr_text=cert.verify_url(
                    "https://sync.example.org", cert.encode(claims, pair.private_hex)
                ),
                revoked=False,
            )
        )
    return out


def plain(path: Path, items: list[CertificateSheet]) -> None:
    """The baseline: the same strings, one page each, no QR code, no layout."""
    font = register_cjk_font()
    c = Canvas(str(path), pagesize=A4, pageCompression=1, initialFontName=font)
    for s in items:
        c.setFont(font, 12)
        y = 800.0
        for line in (
            "培训合格证书", s.serial, body_text(s), s.name, s.id_number, s.course,
            f"{s.start_date} {s.end_date}", str(s.hours), str(s.total_hours), s.result,
            s.issuer, f"{s.issued_on}", "扫码核验证书真伪",
        ):  # fmt: skip
            c.drawString(40, y, line)
            y -= 20
        c.showPage()
    c.save()


def issue_thousand(count: int, folder: Path) -> tuple[float, float]:
    """Seconds to issue ``count`` certificates for one session (signing, rows, outbox,
    audit), and to read them back as printable sheets."""
    from mzdesk.core.identifiers import make_id_number
    from mzdesk.core.permissions import Actor
    from mzdesk.core.vocab import InstitutionKind, Occupation, TrainingCategory, TrainingResult
    from mzdesk.services.certificates import certificate_sheets, issue_certificates
    from mzdesk.services.institutions import InstitutionData, create_institution
    from mzdesk.services.signing_keys import set_verify_server
    from mzdesk.services.workers import (
        Attendee,
        TrainingData,
        WorkerData,
        add_worker,
        record_training_session,
    )
    from mzdesk.store.engine import open_store

    actor = Actor.setup()
    store = open_store(folder / "issue.db")
    home = create_institution(
        store, actor, InstitutionData(name="幸福颐养院", kind=InstitutionKind.NURSING_HOME)
    )
    set_verify_server(store, actor, "https://sync.example.org")
    with store.write(actor) as session:
        ids = [
            add_worker(
                session,
                WorkerData(
                    home.id,
                    f"护理员{i}",
                    Occupation.CARE_WORKER,
                    dt.date(2024, 1, 1),
                    id_number=make_id_number(
                        "370205", dt.date(1975, 1, 1) + dt.timedelta(days=i // 900), i % 900 + 1
                    ),
                ),
            ).id
            for i in range(count)
        ]
    training = record_training_session(
        store,
        actor,
        TrainingData(
            home.id, "失智老人照护", TrainingCategory.ON_JOB, dt.date(2026, 3, 2),
            dt.date(2026, 3, 4), Decimal(16), [Attendee(w, TrainingResult.PASSED) for w in ids],
        ),
    )  # fmt: skip
    start = time.perf_counter()
    issued = issue_certificates(store, actor, training)
    issue_s = time.perf_counter() - start
    start = time.perf_counter()
    assert len(certificate_sheets(store, training)) == len(issued) == count
    read_s = time.perf_counter() - start
    store.close()
    return issue_s, read_s


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parse_quick(parser, {"count": 200, "repeat": 2})
    items = sheets(args.count)
    folder = Path(tempfile.mkdtemp(prefix="bench-certs-"))
    ours, base = [], []
    for _ in range(args.repeat):
        base.append(timed(plain, folder / "plain.pdf", items))
        ours.append(timed(write_certificates, folder / "certs.pdf", items))
    issue_s, read_s = issue_thousand(args.count, folder)
    mb_ours = (folder / "certs.pdf").stat().st_size / 1e6
    mb_base = (folder / "plain.pdf").stat().st_size / 1e6
    result = {
        "count": args.count,
        "certificates_s": round(statistics.median(ours), 2),
        "plain_s": round(statistics.median(base), 2),
        "time_ratio": round(statistics.median(ours) / statistics.median(base), 2),
        "certificates_mb": round(mb_ours, 2),
        "plain_mb": round(mb_base, 2),
        "size_ratio": round(mb_ours / mb_base, 2),
        "targets": "< 15 s and < 5 MB",
        "issue_s": round(issue_s, 2),
        "sheets_s": round(read_s, 2),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "certificates.json").write_text(json.dumps(result, indent=2))
    # the targets are for 1,000 certificates: < 15 s and < 5 MB, scaled to the count run
    scale = args.count / 1000
    per = "" if args.count == 1000 else " (scaled from 15 s per 1,000)"
    seconds_target = below(statistics.median(ours), 15 * scale, "s")
    size_target = below(mb_ours, 5 * scale, "MB")
    plain_ = "plain reportlab, same strings and font"
    write_figures(
        "certificates",
        [
            Figure(f"{args.count:,} certificates into one PDF", result["certificates_s"], "s",
                   plain_, result["plain_s"], *seconds_target, note=per.strip(" ()")),
            Figure("its size", round(mb_ours, 3), "MB", plain_, round(mb_base, 3),
                   *size_target, note=per.replace("15 s", "5 MB").strip(" ()")),
            Figure(f"issuing {args.count:,} certificates (signing, rows)", round(issue_s, 3), "s"),
            Figure("reading them back as printable sheets", round(read_s, 3), "s"),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
