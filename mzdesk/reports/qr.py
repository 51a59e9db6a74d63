"""QR codes for printed pages, drawn fast.

The matrix comes from reportlab's own encoder (no extra dependency); two things are done
here instead, because they dominate the time of a thousand-page PDF:

- choosing the mask: reportlab scores the eight masks in pure Python at ~2.5 ms each; the
  same four penalty rules (ISO/IEC 18004 §7.8.3) are scored here on rows as strings;
- drawing: the dark modules are merged into horizontal runs and drawn as one path, instead
  of reportlab's widget's one rectangle per module.
"""

from __future__ import annotations

import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from mzdesk.core.certificates import QR_ALPHANUMERIC

QUIET = 4  # modules of white border the standard asks for
_DARK_RUN = re.compile(r"1+")


def _runs_penalty(bits: int, n: int) -> int:
    """N1 of one line as an integer: 3 + (length - 5) for each run of 5 or more."""
    same = ~(bits ^ (bits >> 1)) & ((1 << (n - 1)) - 1)  # bit i: module i == module i+1
    long = same & (same >> 1) & (same >> 2) & (same >> 3)  # a run of L has L-4 of these
    starts = long & ~(long << 1)
    return long.bit_count() + 2 * starts.bit_count()


def _penalty(rows: list[str]) -> int:
    """The four mask penalty rules of ISO/IEC 18004 §7.8.3 (N3 counted without overlaps)."""
    n = len(rows)
    cols = ["".join(column) for column in zip(*rows, strict=True)]
    row_bits = [int(r, 2) for r in rows]
    score = 0
    for line, bits in zip((*rows, *cols), (*row_bits, *(int(c, 2) for c in cols)), strict=True):
        score += _runs_penalty(bits, n)
        score += 40 * (line.count("10111010000") + line.count("00001011101"))
    full = (1 << (n - 1)) - 1
    for a, b in itertools.pairwise(row_bits):  # N2: 2×2 blocks of one colour
        same = ~(a ^ (a >> 1)) & ~(b ^ (b >> 1)) & ~(a ^ b) & full
        score += 3 * same.bit_count()
    dark = sum(bits.bit_count() for bits in row_bits)
    score += 10 * (abs(dark * 20 - n * n * 10) // (n * n))  # N4: every 5 % away from half
    return score


_TO_TEXT = bytes.maketrans(b"\x00\x01", b"01")


_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]
_GENERATORS: dict[int, list[int]] = {}


def _generator_logs(ec_count: int) -> list[int]:
    """The Reed–Solomon generator polynomial's coefficients after the leading 1, as logs."""
    if ec_count not in _GENERATORS:
        poly = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count)
        _GENERATORS[ec_count] = [_LOG[c] for c in poly.num[1:]]
    return _GENERATORS[ec_count]


def _error_correction(data: list[int], ec_count: int) -> list[int]:
    """The remainder of ``data``·x^ec by the generator (what reportlab's recursive
    polynomial division computes, without a list copy per byte)."""
    gen = _generator_logs(ec_count)
    rem = [0] * ec_count
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:]
        rem.append(0)
        if factor:
            lf = _LOG[factor]
            for i, g in enumerate(gen):
                rem[i] ^= _EXP[lf + g]
    return rem


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """Data and error-correction codewords, interleaved (as QRCode.createData)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, code.version)
    capacity = sum(b.dataCount for b in blocks) * 8
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_error_correction(chunk, block.totalCount - block.dataCount))
    return [
        c
        for group in itertools.chain(
            itertools.zip_longest(*data_blocks), itertools.zip_longest(*ec_blocks)
        )
        for c in group
        if c is not None
    ]


def qr_matrix(text: str) -> list[str]:
    """The modules of a QR code for ``text`` at error correction M, as rows of "1" (dark)
    and "0". Text in the alphanumeric set is encoded in alphanumeric mode."""
    data: qrencoder.QR = (
        qrencoder.QRAlphaNum(text) if set(text) <= QR_ALPHANUMERIC else qrencoder.QR8bitByte(text)
    )
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.version = code.calculate_version()
    code.dataCache = _codewords(code)
    best: tuple[int, list[str]] | None = None
    for mask in range(8):
        code.makeImpl(False, mask)
        rows = [bytes(row).translate(_TO_TEXT).decode() for row in code.modules]
        score = _penalty(rows)
        if best is None or score < best[0]:
            best = (score, rows)
    assert best is not None
    return best[1]


def qr_version(matrix: list[str]) -> int:
    return (len(matrix) - 17) // 4


def draw_qr(canvas: Canvas, matrix: list[str], x: float, y: float, module: float) -> float:
    """Draw the code with its lower left corner (quiet zone included) at x, y; returns the
    side drawn. Dark runs of each row are one rectangle each, all in one path."""
    n = len(matrix)
    path = canvas.beginPath()
    top = y + (n + QUIET) * module
    for r, row in enumerate(matrix):
        row_y = top - (r + 1) * module
        for run in _DARK_RUN.finditer(row):
            path.rect(
                x + (QUIET + run.start()) * module,
                row_y,
                (run.end() - run.start()) * module,
                module,
            )
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return (n + 2 * QUIET) * module
