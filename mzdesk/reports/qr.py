"""QR codes for printed pages, drawn fast.

The matrix comes from reportlab's own encoder (no extra dependency); two things are done
here instead, because they dominate the time of a thousand-page PDF:

- choosing the mask: reportlab scores the eight masks in pure Python at ~2.5 ms each; the
  same four penalty rules (ISO/IEC 18004 §7.8.3) are scored here on rows as strings;
- drawing: the dark modules are merged into runs and written as integer rectangles in
  module units, instead of reportlab's widget's one rectangle per module with coordinates
  formatted as decimals.
"""

from __future__ import annotations

import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from mzdesk.core.certificates import QR_ALPHANUMERIC

QUIET = 4  # modules of white border the standard asks for


_VALID: dict[int, tuple[int, int, int]] = {}
_FINDERS = ("10111010000", "00001011101")


def _valid(n: int) -> tuple[int, int, int]:
    """Bit masks over a whole n×n matrix packed row after row (row 0, column 0 the highest
    bit): columns ≥ 1, columns ≥ 10, and columns ≥ 1 in rows ≥ 1."""
    if n not in _VALID:
        col1 = int(("0" + "1" * (n - 1)) * n, 2)
        col10 = int(("0" * 10 + "1" * (n - 10)) * n, 2)
        _VALID[n] = (col1, col10, col1 & ((1 << (n * (n - 1))) - 1))
    return _VALID[n]


def _lines_penalty(bits: int, n: int) -> int:
    """N1 (runs of 5 or more: 3 + (length - 5)) and N3 (finder-like 1:1:3:1:1 with four
    light modules on a side: 40 each) of every row of the packed matrix ``bits``."""
    col1, col10, _ = _valid(n)
    same = ~(bits ^ (bits >> 1)) & col1  # module == the one to its left
    long = same & (same >> 1) & (same >> 2) & (same >> 3)  # a run of L has L-4 of these
    score = long.bit_count() + 2 * (long & ~(long >> 1)).bit_count()
    for pattern in _FINDERS:
        found = col10
        for k, ch in enumerate(reversed(pattern)):
            shifted = bits >> k
            found &= shifted if ch == "1" else ~shifted
        score += 40 * found.bit_count()
    return score


def _penalty(rows: list[str]) -> int:
    """The four mask penalty rules of ISO/IEC 18004 §7.8.3, on the matrix packed as one
    integer (and its transpose for the columns)."""
    n = len(rows)
    bits = int("".join(rows), 2)
    columns = int("".join("".join(column) for column in zip(*rows, strict=True)), 2)
    score = _lines_penalty(bits, n) + _lines_penalty(columns, n)
    _, _, block = _valid(n)
    same_h = ~(bits ^ (bits >> 1))
    blocks = same_h & (same_h >> n) & ~(bits ^ (bits >> n)) & block  # N2: 2×2 of one colour
    score += 3 * blocks.bit_count()
    dark = bits.bit_count()
    score += 10 * (abs(dark * 20 - n * n * 10) // (n * n))  # N4: every 5 % away from half
    return score


_DARK_RUN = re.compile(r"1+")
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


_ALNUM = {ch: i for i, ch in enumerate(qrencoder.QRAlphaNum.chars)}


def _segment_bits(data: qrencoder.QR, version: int) -> tuple[int, int]:
    """A data segment as (bits, how many): alphanumeric packed here (reportlab appends one
    bit at a time), anything else by reportlab's writer."""
    if isinstance(data, qrencoder.QRAlphaNum):
        text = data.data
        bits, size = data.mode, 4
        length_bits = data.getLengthBits(version)
        bits, size = (bits << length_bits) | len(text), size + length_bits
        for i in range(0, len(text) - 1, 2):
            bits = (bits << 11) | (_ALNUM[text[i]] * 45 + _ALNUM[text[i + 1]])
            size += 11
        if len(text) % 2:
            bits, size = (bits << 6) | _ALNUM[text[-1]], size + 6
        return bits, size
    buffer = qrencoder.QRBitBuffer()
    data.write(buffer, version)
    size = buffer.getLengthInBits()
    whole = int.from_bytes(bytes(buffer.buffer), "big")
    return whole >> (len(buffer.buffer) * 8 - size), size


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """Data and error-correction codewords, interleaved (as QRCode.createData)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    bits, size = 0, 0
    for data in code.dataList:
        more, count = _segment_bits(data, code.version)
        bits, size = (bits << count) | more, size + count
    capacity = sum(b.dataCount for b in blocks) * 8
    if size > capacity:
        raise ValueError("too much data for the QR code")
    end = min(4, capacity - size)  # the terminator, then zeros to a whole byte
    bits, size = bits << end, size + end
    bits, size = bits << (-size % 8), size + (-size % 8)
    words = list(bits.to_bytes(size // 8, "big"))
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    words += [next(pads) for _ in range(capacity // 8 - len(words))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = words[offset : offset + block.dataCount]
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


_MASK_ROWS: dict[int, list[list[int]]] = {}
_POSITIONS: dict[int, list[tuple[int, int]]] = {}


def _mask_rows(code: qrencoder.QRCode) -> list[list[int]]:
    """For each of the 8 masks, its dark modules over the data area of this version, as one
    integer per row (column 0 the highest bit)."""
    if code.version not in _MASK_ROWS:
        n = code.moduleCount
        masks = []
        for m in range(8):
            pattern = qrencoder.QRUtil.getMask(m)
            rows = [0] * n
            for col, row in code.dataPosIterator():
                if pattern(row, col):
                    rows[row] |= 1 << (n - 1 - col)
            masks.append(rows)
        _MASK_ROWS[code.version] = masks
    return _MASK_ROWS[code.version]


def qr_matrix(text: str) -> list[str]:
    """The modules of a QR code for ``text`` at error correction M, as rows of "1" (dark)
    and "0". Text in the alphanumeric set is encoded in alphanumeric mode.

    The mask is the one with the lowest penalty. The eight candidates are scored from one
    placement (mask 0) by swapping the mask over the data area as integers; their format
    bits (30 modules) are those of mask 0 for scoring only. The chosen mask is then placed
    by reportlab, format bits and all."""
    data: qrencoder.QR = (
        qrencoder.QRAlphaNum(text) if set(text) <= QR_ALPHANUMERIC else qrencoder.QR8bitByte(text)
    )
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.version = code.calculate_version()
    code.dataCache = _codewords(code)
    if code.version in _POSITIONS:  # where data modules go depends on the version only
        code._dataPosList = _POSITIONS[code.version]
    code.makeImpl(False, 0)
    _POSITIONS.setdefault(code.version, code.dataPosIterator())
    n = code.moduleCount
    base = [int(bytes(row).translate(_TO_TEXT), 2) for row in code.modules]
    masks = _mask_rows(code)
    unmasked = [b ^ m for b, m in zip(base, masks[0], strict=True)]
    width = f"0{n}b"

    def score(mask: int) -> int:
        rows = masks[mask]
        return _penalty([format(u ^ r, width) for u, r in zip(unmasked, rows, strict=True)])

    best = min(range(8), key=score)
    if best != 0:
        code.makeImpl(False, best)
    return [bytes(row).translate(_TO_TEXT).decode() for row in code.modules]


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
