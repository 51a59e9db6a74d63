"""QR codes for printed pages, drawn fast.

The symbol comes from zxing-cpp (ZXing's C++ port: encoding, error correction and mask
choice in native code, about 1 ms a code; the same library reads codes back in tests).
Drawing is done here: the dark modules are merged into runs and written as integer
rectangles in module units, instead of reportlab's widget's one rectangle per module with
coordinates formatted as decimals — what dominates the time of a thousand-page PDF.
"""

from __future__ import annotations

import re

import zxingcpp
from reportlab.pdfgen.canvas import Canvas

QUIET = 4  # modules of white border the standard asks for

_DARK_RUN = re.compile(r"1+")
_TO_TEXT = bytes.maketrans(bytes([0, 255]), b"10")  # zxing-cpp's image: 0 is dark


def qr_matrix(text: str) -> list[str]:
    """The modules of a QR code for ``text`` at error correction M, as rows of "1" (dark)
    and "0". zxing-cpp picks the smallest version and the modes (text in the alphanumeric
    set stays in alphanumeric mode) and the mask with the lowest penalty."""
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    n = image.shape[1]
    plain = bytes(memoryview(image)).translate(_TO_TEXT).decode()  # type: ignore[arg-type]  # Image has the buffer protocol; its stub does not say so
    return [plain[i : i + n] for i in range(0, len(plain), n)]


def qr_version(matrix: list[str]) -> int:
    return (len(matrix) - 17) // 4


def qr_operators(matrix: list[str]) -> str:
    """PDF path operators that fill the dark modules, in module units with (0, 0) the lower
    left corner of the code: each row's dark runs, a run repeated in the rows below merged
    into one taller rectangle, integers only (short to write, short to store)."""
    n = len(matrix)
    out: list[str] = []
    open_runs: dict[tuple[int, int], int] = {}  # (start, end) → the row it started in
    for r in range(n + 1):
        runs = {(m.start(), m.end()) for m in _DARK_RUN.finditer(matrix[r])} if r < n else set()
        for run in [k for k in open_runs if k not in runs]:
            first = open_runs.pop(run)
            out.append(f"{run[0]} {n - r} {run[1] - run[0]} {r - first} re")
        for run in runs:
            open_runs.setdefault(run, r)
    out.append("f")
    return "\n".join(out)


def draw_qr(canvas: Canvas, matrix: list[str], x: float, y: float, module: float) -> float:
    """Draw the code with its lower left corner (quiet zone included) at x, y as vectors
    (crisp at any resolution: an image of one pixel per module gets smoothed by viewers and
    no longer scans); returns the side drawn."""
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(module, 0, 0, module, x + QUIET * module, y + QUIET * module)
    canvas.addLiteral(qr_operators(matrix))
    canvas.restoreState()
    return (len(matrix) + 2 * QUIET) * module
