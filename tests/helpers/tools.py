"""The external tools some tests read their results with, in one place (issue 15).

PDFs are read back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages, pdftoppm) and QR
codes decoded with zbarimg — the Debian tools CI installs (.ci/run) and the primary check.
Without them a developer still runs these tests: each function falls back to a PyPI library
of the dev group that does the same job for real (pypdfium2 reads text, counts pages, lists
the images drawn and renders pages; pypdf lists fonts and whether each is embedded;
zxing-cpp decodes QR codes). ``MZDESK_TEST_TOOLS=pypi`` uses the fallbacks even where the
Debian tools are installed (to try them).

Chromium and PostgreSQL have no such fallback: :func:`need` skips a test without them, with a
reason the end-of-run summary groups by tool (tests/conftest.py). With
``MZDESK_REQUIRE_ALL_TOOLS=1`` (set by .ci/run) a missing tool fails the test instead, and the
PDF helpers insist on poppler and zbarimg: CI skips nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

# Skip reasons begin with this, so the summary can tell a missing tool from a test that does
# not apply here (e.g. "SQLite has one writer").
MISSING = "missing tool: "

# tool → (what provides it on Debian/Ubuntu, how to install it)
TOOLS: dict[str, tuple[str, str]] = {
    "poppler": ("poppler-utils", "sudo apt install poppler-utils"),
    "zbarimg": ("zbar-tools", "sudo apt install zbar-tools"),
    "chromium": ("chromium", "sudo apt install chromium"),
    "postgresql": ("postgresql", "sudo apt install postgresql"),
}


def required() -> bool:
    """CI: every tool must be there (a missing one fails, nothing falls back or skips)."""
    return os.environ.get("MZDESK_REQUIRE_ALL_TOOLS") == "1"


def _debian(command: str) -> str | None:
    if os.environ.get("MZDESK_TEST_TOOLS") == "pypi" and not required():
        return None
    found = shutil.which(command)
    if found is None and required():
        tool = "zbarimg" if command == "zbarimg" else "poppler"
        pytest.fail(f"{command} is required here (MZDESK_REQUIRE_ALL_TOOLS=1): {TOOLS[tool][1]}")
    return found


def missing_reason(tool: str) -> str:
    package, install = TOOLS[tool]
    return f"{MISSING}{tool} (Debian package {package}: {install})"


def need(tool: str, found: object) -> None:
    """Skip the test — or fail it in CI — when ``found`` (the tool's path, or its fixture)
    is None."""
    if found is not None:
        return
    if required():
        pytest.fail(f"{tool} is required here (MZDESK_REQUIRE_ALL_TOOLS=1): {TOOLS[tool][1]}")
    pytest.skip(missing_reason(tool))


def partly(request: pytest.FixtureRequest, tool: str) -> None:
    """The test goes on without ``tool`` but leaves a part unchecked: the end-of-run summary
    says so (in CI, where nothing may be left unchecked, the test fails)."""
    if required():
        pytest.fail(f"{tool} is required here (MZDESK_REQUIRE_ALL_TOOLS=1): {TOOLS[tool][1]}")
    request.node.user_properties.append(("missing_tool", missing_reason(tool)))


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


# --- text and pages ---------------------------------------------------------------------


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The text of the PDF or of one page (1-based), lines as the page shows them."""
    pdftotext = _debian("pdftotext")
    if pdftotext is not None:
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return _run(pdftotext, *pages, *(["-layout"] if layout else []), str(path), "-")
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        chosen = range(len(document)) if page is None else [page - 1]
        texts = []
        for index in chosen:
            text_page = document[index].get_textpage()
            texts.append(text_page.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
        return "\f".join(texts)
    finally:
        document.close()


def page_count(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def pdf_info(path: Path) -> dict[str, str]:
    """``Pages`` and ``Page size`` (first page; "… (A4)" when it is A4) as pdfinfo says."""
    pdfinfo = _debian("pdfinfo")
    if pdfinfo is not None:
        return {
            key.strip(): value.strip()
            for key, _, value in (
                line.partition(":") for line in _run(pdfinfo, str(path)).splitlines()
            )
        }
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        width, height = document[0].get_size()
        a4 = abs(width - 595.276) < 1 and abs(height - 841.89) < 1
        size = f"{width:g} x {height:g} pts" + (" (A4)" if a4 else "")
        return {"Pages": str(len(document)), "Page size": size}
    finally:
        document.close()


# --- fonts and images ----------------------------------------------------------------------


@dataclass(frozen=True)
class PdfFont:
    name: str
    embedded: bool

    @property
    def subset(self) -> bool:
        """Only the glyphs used are embedded (the name's "ABCDEF+" prefix; pdffonts' "sub")."""
        return re.match(r"[A-Z]{6}\+", self.name) is not None


def pdf_fonts(path: Path) -> list[PdfFont]:
    """Every font the PDF uses, and whether it is embedded (pdffonts' "emb" column)."""
    pdffonts = _debian("pdffonts")
    if pdffonts is not None:
        rows = _run(pdffonts, str(path)).splitlines()[2:]
        return [PdfFont(row.split()[0], row.split()[-5] == "yes") for row in rows]
    import pypdf

    found: dict[int, PdfFont] = {}

    def walk(resources: object) -> None:
        if not isinstance(resources, pypdf.generic.DictionaryObject):
            return
        fonts = resources.get("/Font")
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            key = ref.idnum if isinstance(ref, pypdf.generic.IndirectObject) else id(font)
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[key] = PdfFont(str(font.get("/BaseFont", "[none]")).lstrip("/"), embedded)
        objects = resources.get("/XObject")
        for ref in (objects.get_object() if objects else {}).values():
            form = ref.get_object()
            if form.get("/Subtype") == "/Form" and "/Resources" in form:
                walk(form["/Resources"].get_object())

    for page in pypdf.PdfReader(path).pages:
        walk(page.get("/Resources", pypdf.generic.DictionaryObject()).get_object())
    return list(found.values())


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image drawn, in order (as ``pdfimages -list``)."""
    pdfimages = _debian("pdfimages")
    if pdfimages is not None:
        rows = _run(pdfimages, "-list", str(path)).splitlines()[2:]
        return [(int(f[3]), int(f[4])) for f in (row.split() for row in rows)]
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(path)
    try:
        return [
            tuple(image.get_px_size())  # type: ignore[misc]
            for page in document
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=15)
        ]
    finally:
        document.close()


# --- pictures and QR codes ----------------------------------------------------------------


def render_page(path: Path, page: int, out: Path, dpi: int = 70, *, gray: bool = False) -> Path:
    """Page ``page`` (1-based) as the PNG ``out``."""
    pdftoppm = _debian("pdftoppm")
    if pdftoppm is not None:
        _run(pdftoppm, "-png", *(["-gray"] if gray else []), "-r", str(dpi), "-f", str(page),
             "-l", str(page), "-singlefile", str(path), str(out.with_suffix("")))  # fmt: skip
        return out.with_suffix(".png")
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        image = document[page - 1].render(scale=dpi / 72, grayscale=gray).to_pil()
        image.save(out.with_suffix(".png"))
        return out.with_suffix(".png")
    finally:
        document.close()


def render_pages(path: Path, folder: Path, dpi: int) -> list[Path]:
    return [
        render_page(path, page, folder / f"{path.stem}-{page:03d}.png", dpi)
        for page in range(1, page_count(path) + 1)
    ]


def decode_qr(pictures: list[Path]) -> list[str]:
    """The text of every QR code in the pictures, in order."""
    zbarimg = _debian("zbarimg")
    if zbarimg is not None:
        out = subprocess.run(
            [zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", *map(str, pictures)],
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        return out.split()
    import zxingcpp
    from PIL import Image

    codes: list[str] = []
    for picture in pictures:
        with Image.open(picture) as image:
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            codes += [code.text for code in found]
    return codes


def flat(text: str) -> str:
    """Text without any white space (CJK lines break anywhere; readers add or drop spaces)."""
    return re.sub(r"\s+", "", text)
