"""Start-up: time from launch to a usable main window, beside a bare PySide6 window.

Both are fresh processes of the same interpreter (this one, the project's venv python), with
the same environment (offscreen Qt, a throwaway home for settings, logs and caches) and
measured the same way: from this process's ``time.time()`` just before ``Popen`` to the
``time.time()`` the child prints when its window is ready.

- **bare PySide6 window**: ``python -c`` importing PySide6, a QApplication, a QMainWindow
  with a label, shown; ready at its first paint.
- **mzdesk**: ``python -m mzdesk gui --db X`` with ``MZDESK_STARTUP_PROBE=1`` (mzdesk/core/
  probe.py): it logs in as MZDESK_USER / MZDESK_PASSWORD (the login dialog's typing is the only
  step left out), builds the main window and shows it; ready = every task started on the way
  has finished (首页's figures, the status bar's sync state) and the window has been painted
  after that. The daily backup's check runs some seconds after the window is ready
  (``BackupSchedule``): not on this path. The login's two argon2id derivations (the key
  slot's unwrap, the password check) are; their share is reported beside the ratio.

On the site demo (``mzdesk demo``) and a city database (``mzdesk demo --scale city``: ~100
homes, ~10,000 beds), each copied to a temporary folder; rounds interleaved (bare, demo, city,
bare, …) after a warm-up round (bytecode, font caches); medians.
Target: ≤ 2× the bare window.

``uv run python benchmarks/startup.py [--rounds 7] [--quick]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _figures import ROOT, Figure, ratio_target, write_figures

CACHE = ROOT / "bench-results" / "startup"
USER, PASSWORD = "admin", "demo1234"
LIMIT = 2.0

BARE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("民政桌面")
window.setCentralWidget(QLabel("民政桌面"))
window.resize(1280, 800)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            print(json.dumps({"probe": "bare", "marks": {"ready": time.time()},
                              "cpu_s": time.process_time()}), flush=True)
            app.quit()
        return False

painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

# mzdesk's probe marks, in order: each phase runs from the previous mark to this one
PHASES = [
    ("interpreter", "python up"),
    ("run_app", "imports"),
    ("qapplication", "QApplication"),
    ("opening", "fonts, translators, logging"),
    ("unlocked", "unlock: argon2id key slot"),
    ("store_open", "open the store"),
    ("authenticated", "log in: argon2id password check"),
    ("window_built", "build the main window"),
    ("shown", "show"),
    ("ready", "figures loaded, idle, painted"),
]
LOGIN = ("unlocked", "authenticated")  # the two argon2id phases


def databases(folder: Path) -> dict[str, Path]:
    """The demo site and the city database, built once into bench-results/startup/ and
    copied (with their key slots and files) into ``folder`` for this run."""
    CACHE.mkdir(parents=True, exist_ok=True)
    found = {}
    for name, scale in (("demo", "site"), ("city", "city")):
        cached = CACHE / f"{name}.db"
        if not cached.exists():
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mzdesk", "demo", "--db", str(cached), "--scale", scale],
                check=True,
                capture_output=True,
            )
            print(f"built {cached} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        for sidecar in CACHE.glob(f"{name}.*"):  # .db, .db.keys, .files (and any -wal)
            target = folder / sidecar.name
            if sidecar.is_dir():
                shutil.copytree(sidecar, target)
            else:
                shutil.copy2(sidecar, target)
        found[name] = folder / cached.name
    return found


def environment(home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MZDESK_STARTUP_PROBE": "1",
        "MZDESK_USER": USER,
        "MZDESK_PASSWORD": PASSWORD,
    }
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from compiled bytecode
    return env


def launch(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, Any]:
    """Start ``command``; return its probe line with ``marks`` made relative to the launch."""
    started = time.time()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = child.communicate(timeout=300)
    lines = [line for line in out.splitlines() if line.startswith('{"probe"')]
    if child.returncode != 0 or not lines:
        raise RuntimeError(f"{command[1:4]} exited {child.returncode}: {err[-2000:]}")
    probe: dict[str, Any] = json.loads(lines[-1])
    probe["marks"] = {k: v - started for k, v in probe["marks"].items()}
    return probe


def phases(marks: dict[str, float]) -> dict[str, float]:
    previous, result = 0.0, {}
    for key, label in PHASES:
        if key in marks:
            result[label] = marks[key] - previous
            previous = marks[key]
    return result


def login_share(marks: dict[str, float]) -> float:
    """Seconds of the two argon2id phases (unwrapping the key slot, checking the password)."""
    order = [key for key, _ in PHASES if key in marks]
    total = 0.0
    for key in LOGIN:
        if key in order and order.index(key) > 0:
            total += marks[key] - marks[order[order.index(key) - 1]]
    return total


def compile_bytecode(*trees: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", sysconfig.get_paths()["purelib"],
         *(str(tree / "mzdesk") for tree in trees)],
        check=False, capture_output=True,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="measured rounds (≥ 5)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, for the report")
    parser.add_argument("--only", choices=["demo", "city"], help="one database (and the bare)")
    parser.add_argument(
        "--before",
        type=Path,
        help="also start the app from this source tree (e.g. `git archive main | tar -x -C "
        "DIR`), interleaved, to measure a change in the same run",
    )
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    compile_bytecode(ROOT, *([args.before] if args.before else []))
    runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    first: dict[str, float] = {}  # the warm-up: fonts and caches cold
    with tempfile.TemporaryDirectory(prefix="mzdesk-startup-") as tmp:
        folder = Path(tmp)
        dbs = {k: v for k, v in databases(folder).items() if args.only in (None, k)}
        env = environment(folder / "home")
        commands = {"bare": ([sys.executable, "-c", BARE], ROOT)}
        for name, db in dbs.items():
            app = [sys.executable, "-m", "mzdesk", "gui", "--db", str(db)]
            commands[name] = (app, ROOT)  # python -m: the tree in the working folder
            if args.before:
                commands[f"{name}, before"] = (app, args.before.resolve())
        for round_ in range(rounds + 1):  # round 0 warms up
            for name, (command, cwd) in commands.items():
                probe = launch(command, env, cwd)
                if round_:
                    runs[name].append(probe)
                else:
                    first[name] = probe["marks"]["ready"]
    ready = {name: [p["marks"]["ready"] for p in probes] for name, probes in runs.items()}
    bare = statistics.median(ready["bare"])
    cpu = {  # nan for a tree whose probe does not tell its CPU time
        name: statistics.median(p.get("cpu_s", math.nan) for p in probes)
        for name, probes in runs.items()
        if probes
    }
    load = os.getloadavg()
    figures = []
    summary: dict[str, Any] = {"rounds": rounds, "load_average": [round(x, 2) for x in load]}
    print(f"{rounds} rounds after a warm-up; load average {load[0]:.2f} {load[1]:.2f}")
    print(f"bare PySide6 window: median {bare * 1000:.0f} ms ({cpu['bare'] * 1000:.0f} ms CPU)")
    for name in runs:
        if name.endswith(", before"):
            value, used = statistics.median(ready[name]), cpu[name]
            print(
                f"{name}: median {value * 1000:.0f} ms = {value / bare:.2f}×; "
                f"CPU {used * 1000:.0f} ms = {used / cpu['bare']:.2f}× the bare window's"
            )
    for name, title in (("demo", "start-up, demo site"), ("city", "start-up, city database")):
        if not runs[name]:
            continue
        value = statistics.median(ready[name])
        login = statistics.median(login_share(p["marks"]) for p in runs[name])
        target, met = ratio_target(value, bare, LIMIT)
        steps = {
            label: round(statistics.median(phases(p["marks"])[label] for p in runs[name]), 3)
            for _key, label in PHASES
            if all(_key in p["marks"] for p in runs[name])
        }
        packages = runs[name][-1]["packages"]
        summary[name] = {
            "ready_s": [round(x, 3) for x in ready[name]],
            "median_s": round(value, 3),
            "first_start_of_the_day_s": round(first[name], 3),
            "ratio": round(value / bare, 2),
            "cpu_s": round(cpu[name], 3),
            "cpu_ratio": round(cpu[name] / cpu["bare"], 2),
            "login_s": round(login, 3),
            "ratio_without_login": round((value - login) / bare, 2),
            "phases_s": steps,
            "modules": runs[name][-1]["modules"],
            "heavy_packages_loaded": [
                p for p in ("fastapi", "uvicorn", "reportlab", "openpyxl", "alembic", "pydantic",
                      "pypinyin", "httpx", "PIL")
                if p in packages
            ],
        }  # fmt: skip
        print(
            f"{title}: first start (cold caches) "
            f"{first[name] * 1000:.0f} ms; then median {value * 1000:.0f} ms = "
            f"{value / bare:.2f}× (target {target}: "
            f"{'met' if met else 'not met'}); the login's argon2id {login * 1000:.0f} ms, "
            f"without it {(value - login) / bare:.2f}×; CPU {cpu[name] * 1000:.0f} ms = "
            f"{cpu[name] / cpu['bare']:.2f}× the bare window's"
        )
        for label, seconds in steps.items():
            print(f"    {label:<34} {seconds * 1000:7.0f} ms")
        figures.append(
            Figure(
                name=title,
                value=round(value, 3),
                unit="s",
                baseline="bare PySide6 window",
                baseline_value=round(bare, 3),
                target=target,
                met=met,
                note=(
                    f"launch → main window usable (figures loaded, idle, painted), logged in; "
                    f"of which the login's argon2id {login:.2f} s "
                    f"({(value - login) / bare:.2f}× without it); "
                    f"median of {rounds}, load average {load[0]:.1f}"
                ),
            )
        )
    summary["bare_median_s"] = round(bare, 3)
    summary["bare_cpu_s"] = round(cpu["bare"], 3)
    (CACHE.parent / "startup.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    write_figures("startup", figures, {"rounds": rounds, "quick": args.quick})


if __name__ == "__main__":
    main()
