"""The QR code drawn on a certificate: the symbol zxing-cpp makes for the verify URL, and
the merged rectangles that draw it cover every dark module exactly once."""

from __future__ import annotations

import pytest

from mzdesk.reports.qr import qr_matrix, qr_operators, qr_version

URL = "HTTPS://VERIFY.EXAMPLE.ORG/C/" + "QRSTUVWXYZ234567" * 15


def test_an_uppercase_url_stays_in_alphanumeric_mode():
    """The same text in byte mode needs a larger version: alphanumeric keeps the code small
    enough to scan from paper (architecture.md: version 8–10 at level M)."""
    assert qr_version(qr_matrix(URL)) == 10
    assert qr_version(qr_matrix(URL.lower())) > 10


@pytest.mark.parametrize("text", ["HELLO 123", URL, "https://x.org/c/abc?é"])
def test_operators_paint_every_dark_module_once(text):
    matrix = qr_matrix(text)
    n = len(matrix)
    assert all(len(row) == n for row in matrix) and n == 17 + 4 * qr_version(matrix)
    painted = [[0] * n for _ in range(n)]
    for op in qr_operators(matrix).splitlines()[:-1]:
        x, y, w, h, _ = op.split()
        for row in range(n - int(y) - int(h), n - int(y)):
            for col in range(int(x), int(x) + int(w)):
                painted[row][col] += 1
    assert ["".join(str(v) for v in row) for row in painted] == matrix  # each once, no more
