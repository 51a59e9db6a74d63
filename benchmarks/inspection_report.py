"""An inspection report of 150 items (8 sections), 30 hazards and 20 phone photos (4000×3000
JPEGs in the file store) plus two signatures: seconds to read its data (the service, from a
real database) and to write the PDF, as a ratio to plain reportlab drawing the same text
with the same embedded font (no tables, no pictures) in the same run. Also the PDF's size
and the process's peak memory growth (the photos are shrunk one at a time).

Run: ``uv run python benchmarks/inspection_report.py [--repeat 5] [--items 150]
[--hazards 30] [--photos 20]``. Target: the report under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import multiprocessing
import resource
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from _figures import Figure, below, params, parse_quick, write_figures
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import (
    AttachmentKind,
    HazardLevel,
    HazardStatus,
    InspectionStatus,
    InspectionType,
    InstitutionKind,
    ItemResult,
    SignerRole,
)
from mzdesk.reports.inspection_report import write_inspection_report
from mzdesk.reports.pages import report_font
from mzdesk.services.attachments import add_attachment, store_file
from mzdesk.services.inspection_report import InspectionReport, file_reader, inspection_report
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.store.engine import Store, open_store
from mzdesk.store.files import SealedCache
from mzdesk.store.models import (
    ChecklistItem,
    ChecklistTemplate,
    Hazard,
    Inspection,
    InspectionResult,
    InspectionSignature,
)

SECTIONS = ("基本要求", "安全风险评估", "服务防护（九防）", "消防设施", "疏散通道", "用电用气",
            "食品安全", "应急管理")  # fmt: skip
TEXTS = (
    "消防控制室24小时双人值班，值班人员持证上岗，值班记录完整",
    "疏散通道、安全出口畅通，未锁闭、未堵塞，常闭式防火门处于关闭状态",
    "老年人居室内未使用大功率电器，电气线路穿管保护，无私拉乱接",
    "入住前对老年人进行安全风险评估，并根据评估结果制定防范措施",
    "食品留样不少于48小时，每个品种留样量不少于125克，留样记录完整",
)
DAY = dt.date(2026, 3, 2)


def camera_photo(n: int) -> bytes:
    """A 12-megapixel JPEG with sensor-like noise, so it weighs what a phone photo does
    (~3 MB), not the few hundred KB of a flat drawing."""
    image = Image.new("RGB", (4000, 3000), (40 + n * 9 % 200, 90, 160 - n * 5 % 150))
    draw = ImageDraw.Draw(image)
    draw.rectangle((400, 300, 3600, 2700), outline="white", width=60)
    draw.line((0, 0, 4000, 3000), fill="white", width=80)
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    image = Image.blend(image, noise, 0.35)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)
    return out.getvalue()


def signature_png(n: int) -> bytes:
    image = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(60 + i * 40, 150 + (i * 37 + n * 11) % 90 - 45) for i in range(20)],
              fill=(10, 20, 60, 255), width=9)  # fmt: skip
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def build(folder: Path, items: int, hazards: int, photos: int) -> tuple[Store, uuid.UUID]:
    """A database with one inspection of the given size (rows written directly)."""
    actor = Actor.setup()
    store = open_store(folder / "report.db")
    home = create_institution(
        store, actor, InstitutionData("青岛市崂山区福寿康养老院", InstitutionKind.NURSING_HOME)
    )
    refs = [store_file(store, camera_photo(n)) for n in range(photos)]
    strokes = [store_file(store, signature_png(n)) for n in range(2)]
    with store.write(actor) as session:
        template = ChecklistTemplate(
            id=uuid.uuid4(), code="BENCH", version="2026", title="养老机构安全检查表（基准）",
            basis="GB 38600-2019；养老机构消防安全管理规定", institution_kind=None,
        )  # fmt: skip
        session.add(template)
        session.flush()
        inspection = Inspection(
            institution_id=home.id, template_id=template.id, inspected_on=DAY,
            inspection_type=InspectionType.SUPERVISORY, inspectors="区民政局 王明、李华",
            status=InspectionStatus.COMPLETED, summary="总体较好，部分项目需整改。",
            completed_at=dt.datetime.combine(DAY, dt.time(17)),
        )  # fmt: skip
        session.add(inspection)
        session.flush()
        failed = set(range(0, items, max(1, items // hazards))[:hazards])
        result_ids = []
        for n in range(items):
            item = ChecklistItem(
                id=uuid.uuid4(), template_id=template.id, code=f"{n + 1:03d}",
                section=SECTIONS[n * len(SECTIONS) // items], text=TEXTS[n % len(TEXTS)],
                basis=f"{n // 20 + 4}.{n % 20 + 1}", major_hazard=n % 17 == 0, sort_order=n,
            )  # fmt: skip
            session.add(item)
            session.flush()
            result = InspectionResult(
                institution_id=home.id, inspection_id=inspection.id, item_id=item.id,
                result=ItemResult.FAIL if n in failed else ItemResult.PASS,
                note="现场发现问题，已拍照留存，要求限期整改" if n in failed else None,
            )  # fmt: skip
            session.add(result)
            session.flush()
            result_ids.append(result.id)
            if n in failed:
                session.add(
                    Hazard(
                        institution_id=home.id, inspection_id=inspection.id, result_id=result.id,
                        description=TEXTS[n % len(TEXTS)] + "（现场发现问题）",
                        level=HazardLevel.MAJOR if n % 17 == 0 else HazardLevel.ORDINARY,
                        measure="立即组织整改，整改完成后申请复查", responsible_person="刘志强",
                        found_on=DAY, deadline=DAY + dt.timedelta(days=7 + n % 30),
                        status=HazardStatus.OPEN,
                    )
                )  # fmt: skip
        for n, ref in enumerate(refs):
            add_attachment(
                session, institution_id=home.id, owner_table="inspection_results",
                owner_id=result_ids[sorted(failed)[n % len(failed)]], ref=ref,
                kind=AttachmentKind.PHOTO,
            )  # fmt: skip
        for n, (role, name) in enumerate(
            ((SignerRole.INSPECTOR, "王明"), (SignerRole.INSPECTED_HEAD, "刘志强"))
        ):
            signer = InspectionSignature(
                institution_id=home.id, inspection_id=inspection.id, role=role, name=name,
                signed_at=dt.datetime.combine(DAY, dt.time(17, n)),
            )  # fmt: skip
            session.add(signer)
            session.flush()
            add_attachment(
                session, institution_id=home.id, owner_table="inspection_signatures",
                owner_id=signer.id, ref=strokes[n], kind=AttachmentKind.SIGNATURE,
            )  # fmt: skip
    return store, inspection.id


def strings(report: InspectionReport) -> list[str]:
    """Every text the report prints (the baseline draws these)."""
    out = [report.institution, report.template_title, report.template_basis, report.inspectors]
    for item in report.items:
        out += [item.code, item.text, item.result.zh if item.result else "", item.note or ""]
    for h in report.hazards:
        out += [h.description, h.measure or "", h.responsible_person or "", h.deadline.isoformat()]
    return out


def plain(path: Path, lines: list[str]) -> None:
    """The baseline: the same strings, 40 lines a page, with the same embedded font."""
    font = report_font()  # as the report: registered once per thread
    c = Canvas(str(path), pagesize=A4, initialFontName=font)
    c.setFont(font, 9)
    y = 800.0
    for line in lines:
        if y < 60:
            c.showPage()
            c.setFont(font, 9)
            y = 800.0
        c.drawString(50, y, line)
        y -= 19
    c.showPage()
    c.save()


def print_in_child(db: str, inspection_id: str, out: str) -> tuple[int, int]:
    """In a fresh process: peak RSS (KiB) with the store open and the report's data read,
    then after writing the report (first print: every photo decoded and shrunk)."""
    store = open_store(Path(db))
    report = inspection_report(store, uuid.UUID(inspection_id))
    report_font()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    thumbnails = SealedCache(Path(out).with_suffix(".t"), store.key)  # empty: a first print
    write_inspection_report(Path(out), report, file_reader(store), thumbnails)
    return before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--hazards", type=int, default=30)
    parser.add_argument("--photos", type=int, default=20)
    args = parse_quick(parser, {"repeat": 2, "photos": 5})
    folder = Path(tempfile.mkdtemp(prefix="bench-inspection-report-"))
    store, inspection_id = build(folder, args.items, args.hazards, args.photos)
    read = file_reader(store)
    data_s, cold_s, warm_s, base_s = [], [], [], []
    for n in range(args.repeat):
        thumbnails = SealedCache(folder / f"thumbnails-{n}", store.key)  # empty: first print
        start = time.perf_counter()
        report = inspection_report(store, inspection_id, today=DAY + dt.timedelta(days=20))
        middle = time.perf_counter()
        write_inspection_report(folder / "report.pdf", report, read, thumbnails)
        end = time.perf_counter()
        write_inspection_report(folder / "again.pdf", report, read, thumbnails)
        warm_s.append(time.perf_counter() - end + (middle - start))
        data_s.append(middle - start)
        cold_s.append(end - start)
        start = time.perf_counter()
        plain(folder / "plain.pdf", strings(report))
        base_s.append(time.perf_counter() - start)
    store.close()
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        rss_before, rss_after = pool.apply(
            print_in_child, (str(folder / "report.db"), str(inspection_id), str(folder / "c.pdf"))
        )
    photo_mb = sum(p.stat().st_size for p in (folder / "report.files").rglob("*") if p.is_file())
    result = {
        "items": args.items,
        "hazards": args.hazards,
        "photos": args.photos,
        "photo_files_mb": round(photo_mb / 1e6, 1),
        "data_s": round(statistics.median(data_s), 3),
        # the photos' first print (decoded and shrunk), then a print with their small copies
        "report_first_print_s": round(statistics.median(cold_s), 3),
        "report_again_s": round(statistics.median(warm_s), 3),
        "very_first_s": round(cold_s[0], 3),  # also parsing the font on this thread
        "plain_s": round(statistics.median(base_s), 3),
        "ratio_first_print": round(statistics.median(cold_s) / statistics.median(base_s), 1),
        "ratio_again": round(statistics.median(warm_s) / statistics.median(base_s), 1),
        "report_mb": round((folder / "report.pdf").stat().st_size / 1e6, 2),
        "plain_mb": round((folder / "plain.pdf").stat().st_size / 1e6, 2),
        # a fresh process's peak memory growth while printing (photos decoded ≤ 4 at once)
        "print_peak_rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
        "print_peak_rss_mb": round(rss_after / 1024, 1),
        "target": "a report under 1 s",
        "pdf": str(folder / "report.pdf"),
    }
    for bulky in (folder / "report.files", *folder.glob("thumbnails-*"), *folder.glob("c.t")):
        shutil.rmtree(bulky, ignore_errors=True)  # ~100 MB of photos; the PDFs stay
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "inspection_report.json").write_text(json.dumps(result, indent=2))
    r, plain_ = result, "plain reportlab, same text and font"
    write_figures(
        "inspection_report",
        [
            Figure("the report's data from the database", r["data_s"], "s"),
            Figure(f"report printed again ({args.photos} photos' small copies kept)",
                   r["report_again_s"], "s", plain_, r["plain_s"],
                   *below(r["report_again_s"], 1, "s")),
            Figure("the photos' first print (decoded and shrunk)", r["report_first_print_s"],
                   "s", plain_, r["plain_s"], *below(r["report_first_print_s"], 1, "s")),
            Figure("the PDF's size", r["report_mb"], "MB", plain_, r["plain_mb"]),
            Figure("peak RSS printing in a fresh process", r["print_peak_rss_mb"], "MB"),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
