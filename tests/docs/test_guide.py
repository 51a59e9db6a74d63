"""The user guide: its links and pictures exist, its pictures are the generator's, and the
generator still runs (tools/guide_screenshots.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDE = DOCS / "guide"
IMAGES = GUIDE / "images"
sys.path.insert(0, str(ROOT / "tools"))
import guide_shots  # noqa: E402

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def pages() -> list[Path]:
    return sorted([*DOCS.glob("*.md"), *GUIDE.glob("*.md")])


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return LINK.findall(text)


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    return {
        anchor(line.lstrip("#"))
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }


def test_the_guide_has_its_chapters():
    chapters = {p.name for p in GUIDE.glob("*.md")}
    assert {"README.md", "residents.md", "beds.md", "workers.md", "inspections.md"} <= chapters
    assert {"stats.md", "sync.md", "backups.md", "accounts.md"} <= chapters
    assert (DOCS / "bureau-it.md").is_file()


def test_every_relative_link_and_picture_exists():
    broken = []
    for page in pages():
        for target in links(page):
            if re.match(r"[a-z]+:", target):  # http:, https:, mailto: — not checked here
                continue
            path, _, fragment = target.partition("#")
            found = (page.parent / path).resolve() if path else page
            if not found.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
            elif fragment and found.suffix == ".md" and fragment not in anchors(found):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert broken == []


def test_the_checker_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("见 [这里](missing.md) 和 ![图](images/none.png)\n", encoding="utf-8")
    assert links(page) == ["missing.md", "images/none.png"]
    assert anchor("第一次使用") == "第一次使用"
    assert anchor("Restore, and back") == "restore-and-back"


def test_the_guide_shows_only_pictures_the_generator_makes():
    made = set(guide_shots.image_names())
    shown = {
        Path(target).stem
        for page in GUIDE.glob("*.md")
        for target in links(page)
        if target.startswith("images/")
    }
    assert shown - made == set(), "pictures the generator does not make"
    assert shown, "the guide shows no pictures"
    committed = {p.stem for p in IMAGES.glob("*.png")}
    assert made == committed, "run `uv run python tools/guide_screenshots.py`"


def test_the_pictures_are_small_enough():
    total = sum(p.stat().st_size for p in IMAGES.glob("*.png"))
    assert total < 5_000_000


@pytest.mark.slow
def test_the_generator_makes_its_pictures(tmp_path):
    """A real run on a fresh demo database, for two shots: a dialog and a page."""
    out = tmp_path / "images"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "guide_screenshots.py"),
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
            "--only",
            "bulk-beds",
            "beds",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(p.name for p in out.iterdir()) == ["beds.png", "bulk-beds.png"]
    page = QImage(str(out / "beds.png"))
    assert (page.width(), page.height()) == (1280, 800)
    dialog = QImage(str(out / "bulk-beds.png"))
    assert 0 < dialog.width() < 1280 and 0 < dialog.height() < 800
    for picture in (page, dialog):  # drawn, not a blank grab: many colours (text, frames)
        colours = {
            picture.pixel(x, y)
            for x in range(0, picture.width(), 7)
            for y in range(0, picture.height(), 7)
        }
        assert len(colours) > 20
