"""The fast QR pieces agree with the slow, obvious ones."""

from __future__ import annotations

import random
import re

import pytest
from reportlab.graphics.barcode import qrencoder

from mzdesk.reports.qr import _codewords, _penalty, qr_matrix, qr_operators, qr_version


def naive_penalty(rows: list[str]) -> int:
    n = len(rows)
    cols = ["".join(c) for c in zip(*rows, strict=True)]
    score = 0
    for line in rows + cols:
        score += sum(len(m) - 2 for m in re.findall(r"0{5,}|1{5,}", line))
        score += 40 * sum(line[i : i + 11] in ("10111010000", "00001011101") for i in range(n - 10))
    for r in range(n - 1):
        for c in range(n - 1):
            if rows[r][c] == rows[r][c + 1] == rows[r + 1][c] == rows[r + 1][c + 1]:
                score += 3
    dark = sum(x.count("1") for x in rows)
    return score + 10 * (abs(dark * 20 - n * n * 10) // (n * n))


def test_penalty_matches_the_rules():
    rng = random.Random(1)
    for t in range(150):
        n = rng.choice([21, 25, 57])
        p = rng.random()
        rows = ["".join("1" if rng.random() < p else "0" for _ in range(n)) for _ in range(n)]
        if t % 3 == 0:
            rows[rng.randrange(n)] = ("00001011101" * 6)[:n]
        assert _penalty(rows) == naive_penalty(rows)


@pytest.mark.parametrize(
    "text",
    ["HELLO 123", "A", "HTTPS://X.ORG/C/" + "ABCDEFGH234567" * 18, "https://x.org/c/abc?é"],
)
def test_codewords_are_reportlabs(text):
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    kind = qrencoder.QRAlphaNum if text.upper() == text else qrencoder.QR8bitByte
    code.addData(kind(text))
    code.version = code.calculate_version()
    expected = qrencoder.QRCode.createData(code.version, code.errorCorrectLevel, code.dataList)
    assert _codewords(code) == expected


def test_matrix_has_the_best_mask_and_operators_cover_every_dark_module():
    text = "HTTPS://VERIFY.EXAMPLE.ORG/C/" + "QRSTUVWXYZ234567" * 15
    matrix = qr_matrix(text)
    assert qr_version(matrix) == 10
    scores = []
    for mask in range(8):
        code = qrencoder.QRCode(10, qrencoder.QRErrorCorrectLevel.M)
        code.addData(qrencoder.QRAlphaNum(text))
        code.makeImpl(False, mask)
        rows = ["".join("1" if m else "0" for m in row) for row in code.modules]
        scores.append((naive_penalty(rows), rows))
    assert matrix in [rows for score, rows in scores if score == min(s for s, _ in scores)]
    n = len(matrix)
    painted = [[0] * n for _ in range(n)]
    for op in qr_operators(matrix).splitlines()[:-1]:
        x, y, w, h, _ = op.split()
        for row in range(n - int(y) - int(h), n - int(y)):
            for col in range(int(x), int(x) + int(w)):
                painted[row][col] += 1
    assert ["".join(str(v) for v in row) for row in painted] == matrix  # each once, no more
