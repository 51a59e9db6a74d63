"""The benchmark report (benchmarks/report.py) and the figures every benchmark writes
(benchmarks/_figures.py): the runner on a folder of fake benchmarks, each real benchmark's
``--quick`` and ``write_figures``, and the ratio/target logic. No real benchmark runs here."""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


figures = _load("_figures")
report = _load("report")

GOOD = f"""
import argparse, sys
sys.path.insert(0, {str(BENCHMARKS)!r})
from _figures import Figure, parse_quick, params, ratio_target, write_figures

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=10_000)
args = parse_quick(parser, {{"rows": 100}})
target, met = ratio_target(2.5, 1.0, 3)
write_figures("good", [
    Figure("import", 2.5, "s", "openpyxl read", 1.0, target, met),
    Figure("import again", 4.0, "s", "openpyxl read", 1.0, *ratio_target(4.0, 1.0, 3)),
    Figure("server peak RSS", 171.0, "MiB"),
], params(args))
print("done")
"""

BAD = """
import sys
print("about to fail", file=sys.stderr)
raise RuntimeError("the server did not start")
"""

SILENT = """
print("forgot to report")
"""

SLOW = """
import time
time.sleep(60)
"""


def _bench_folder(tmp_path: Path, scripts: dict[str, str]) -> Path:
    folder = tmp_path / "benchmarks"
    folder.mkdir()
    for name, code in scripts.items():
        (folder / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    (folder / "_helpers.py").write_text("raise SystemExit('not a benchmark')\n")
    (folder / "report.py").write_text("raise SystemExit('not a benchmark')\n")
    return folder


def _run(tmp_path: Path, folder: Path, *extra: str) -> tuple[str, dict[str, object]]:
    out = tmp_path / "out"
    code = report.main(
        ["--benchmarks", str(folder), "--results", str(tmp_path / "results"), "--out", str(out),
         *extra]
    )  # fmt: skip
    assert code == 0
    return (out / "REPORT.md").read_text(encoding="utf-8"), json.loads(
        (out / "report.json").read_text(encoding="utf-8")
    )


def test_the_report_has_every_figure_and_a_row_for_the_benchmark_that_failed(
    tmp_path: Path,
) -> None:
    folder = _bench_folder(tmp_path, {"good": GOOD, "bad": BAD})
    text, data = _run(tmp_path, folder, "--quick", "--timeout", "120")

    assert data["summary"] == {
        "benchmarks": 2,
        "benchmarks_failed": 1,
        "figures": 3,
        "targets": 2,
        "met": 1,
        "missed": 1,
    }
    runs = {r["name"]: r for r in data["runs"]}  # type: ignore[attr-defined]
    assert set(runs) == {"good", "bad"}  # _helpers.py and report.py are not benchmarks
    assert runs["good"]["status"] == "ok"
    assert runs["good"]["params"] == {"rows": 100, "quick": True}  # --quick was passed
    assert runs["bad"]["status"] == "failed" and runs["bad"]["returncode"] == 1
    assert "RuntimeError: the server did not start" in runs["bad"]["stderr_tail"]
    assert "about to fail" in runs["bad"]["stderr_tail"]

    assert "| good | import | 2.5 s | openpyxl read | 1 s | 2.50× | ≤ 3× | ✓ |" in text
    assert "| good | import again | 4 s | openpyxl read | 1 s | 4.00× | ≤ 3× | ✗ |" in text
    assert "| good | server peak RSS | 171 MiB |  |  |  |  | — |" in text
    assert "| bad | **failed** (exit 1)" in text
    assert "RuntimeError: the server did not start" in text
    assert "3 figures, 2 with a target, 1 met, 1 missed" in text
    assert "Quick run" in text and "Load average" in text


def test_a_benchmark_that_times_out_or_writes_nothing_is_a_row_and_stale_figures_are_ignored(
    tmp_path: Path,
) -> None:
    folder = _bench_folder(tmp_path, {"slow": SLOW, "silent": SILENT})
    results = tmp_path / "results"
    results.mkdir()
    stale = {"benchmark": "silent", "params": {}, "when": "2020-01-01T00:00:00+0000",
             "figures": [{"name": "old", "value": 1.0, "unit": "s"}]}  # fmt: skip
    (results / "silent.figures.json").write_text(json.dumps(stale))
    text, data = _run(tmp_path, folder, "--timeout", "2")

    runs = {r["name"]: r for r in data["runs"]}  # type: ignore[attr-defined]
    assert runs["slow"]["status"] == "timeout" and runs["slow"]["seconds"] < 30
    assert runs["silent"]["status"] == "no figures" and runs["silent"]["figures"] == []
    assert "| slow | **timed out**" in text
    assert "| silent | **wrote no figures**" in text
    assert "Full run" in text


def test_only_runs_the_benchmarks_named(tmp_path: Path) -> None:
    folder = _bench_folder(tmp_path, {"good": GOOD, "bad": BAD})
    _, data = _run(tmp_path, folder, "--only", "good")
    assert [r["name"] for r in data["runs"]] == ["good"]  # type: ignore[attr-defined]
    with pytest.raises(SystemExit, match="no such benchmark: nope"):
        report.discover(folder, ["nope"])


VARIANT = f"""
import sys
sys.path.insert(0, {str(BENCHMARKS)!r})
from _figures import Figure, write_figures

write_figures("variant-offscreen", [Figure("start (offscreen)", 12.0, "ms", "bare", 10.0)])
"""


def test_variants_are_gathered_and_update_replaces_only_the_rows_run(tmp_path: Path) -> None:
    folder = _bench_folder(tmp_path, {"good": GOOD, "bad": BAD, "variant": VARIANT})
    _run(tmp_path, folder, "--only", "good", "bad")
    text, data = _run(tmp_path, folder, "--only", "variant", "--update")

    runs = {r["name"]: r for r in data["runs"]}  # type: ignore[attr-defined]
    assert list(runs) == ["bad", "good", "variant"]  # the earlier rows kept
    assert runs["variant"]["status"] == "ok"  # <name>-<what>.figures.json counts as its own
    assert runs["variant"]["figures"][0]["ratio"] == 1.2
    assert data["summary"]["benchmarks"] == 3 and data["summary"]["figures"] == 4
    assert data["rerun"][0]["benchmarks"] == ["variant"]  # type: ignore[index]
    assert "Re-run since, into this report: variant" in text
    assert "| variant | start (offscreen) | 12 ms | bare | 10 ms | 1.20× |  | — |" in text


def _calls(tree: ast.AST) -> set[str]:
    return {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }


REAL = report.discover(BENCHMARKS)


def test_the_report_finds_the_real_benchmarks() -> None:
    names = {p.stem for p in REAL}
    assert {"import_beds", "sync_load", "gui_residents", "wheel_guard"} <= names
    assert not {"report", "_figures"} & names


@pytest.mark.parametrize("script", REAL, ids=lambda p: p.stem)
def test_every_benchmark_has_quick_sizes_and_writes_its_figures(script: Path) -> None:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    calls = _calls(tree)
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert "parse_quick" in calls or "--quick" in strings, f"{script.name}: no --quick"
    assert "write_figures" in calls, f"{script.name}: its figures are not reported"
    for node in ast.walk(tree):  # the report looks for <file name>.figures.json
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "write_figures":
            first = node.args[0]
            if isinstance(first, ast.Constant):
                name = str(first.value)
                assert name == script.stem or name.startswith(f"{script.stem}-"), name


def test_figure_ratio_and_targets() -> None:
    f = figures.Figure("import", 3.0, "s", "openpyxl", 1.5)
    assert f.ratio == 2.0 and f.target is None and f.met is None
    assert figures.Figure("x", 1.0, "s").ratio is None
    assert figures.Figure("x", 1.0, "s", "zero", 0.0).ratio is None
    assert figures.Figure("sent", 2.1, "KiB", "the file", 20_320.0).ratio == 0.0001033
    assert figures.ratio_target(3.0, 1.0, 3) == ("≤ 3×", True)
    assert figures.ratio_target(3.01, 1.0, 3) == ("≤ 3×", False)
    assert figures.below(1.49, 1.5, "s") == ("< 1.5 s", True)
    assert figures.below(50.0, 50, "ms", prefix="p95 ") == ("p95 < 50 ms", False)
    assert figures.at_most(50.0, 50, "ms") == ("≤ 50 ms", True)
    with pytest.raises(TypeError, match="a target passed where the baseline goes"):
        figures.Figure("blocked", 60.0, "ms", *figures.at_most(60.0, 50, "ms"))


def test_quick_replaces_only_the_sizes_left_at_their_defaults() -> None:
    def parser() -> argparse.ArgumentParser:
        p = argparse.ArgumentParser()
        p.add_argument("--rows", type=int, default=10_000)
        p.add_argument("--rounds", type=int, default=5)
        return p

    quick = {"rows": 100, "rounds": 2}
    assert vars(figures.parse_quick(parser(), quick, [])) == {
        "rows": 10_000, "rounds": 5, "quick": False,
    }  # fmt: skip
    assert vars(figures.parse_quick(parser(), quick, ["--quick"])) == {
        "rows": 100, "rounds": 2, "quick": True,
    }  # fmt: skip
    assert figures.parse_quick(parser(), quick, ["--quick", "--rows", "7"]).rows == 7


def test_write_figures_goes_where_the_report_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(figures.RESULTS_ENV, str(tmp_path / "r"))
    path = figures.write_figures("demo", [figures.Figure("a", 2.0, "ms", "b", 1.0)], {"n": 1})
    assert path == tmp_path / "r" / "demo.figures.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["figures"][0]["ratio"] == 2.0 and payload["params"] == {"n": 1}
