"""Fill English translations into resources/translations/mzdesk_en.ts without Qt Linguist:
lines of ``source<TAB>translation`` on stdin; every message with that source text (in any
context) gets the translation and loses its "unfinished" mark. Then run
``uv run python tools/update_translations.py`` to compile the .qm file.

Run: ``printf '再次输入密码\\tRepeat the password\\n' | uv run python tools/fill_translations.py``
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "mzdesk_en.ts"


def main() -> None:
    wanted = {}
    for line in sys.stdin.read().splitlines():
        if "\t" in line:
            source, translation = line.split("\t", 1)
            wanted[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    tree = ET.parse(TS)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        target = message.find("translation")
        if source in wanted and target is not None:
            target.text = wanted[source]
            target.attrib.pop("type", None)
            filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    unfinished = sum(1 for t in tree.iter("translation") if t.get("type") == "unfinished")
    print(f"filled {filled}; still unfinished: {unfinished}")


if __name__ == "__main__":
    main()
