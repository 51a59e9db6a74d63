"""The benchmark report: run every benchmark in ``benchmarks/`` and write one table.

Each benchmark (``benchmarks/*.py`` not starting with ``_``, this file excepted) runs in its
own process, one after another, with a timeout; it reports its figures through
``_figures.write_figures`` into a results folder. A benchmark that fails, times out or
writes no figures becomes a row saying so (with the last lines of its stderr); the report is
written anyway: ``REPORT.md`` (one table: each figure, its baseline measured in the same run,
the ratio, the target and whether it is met; the machine, the date, the load average at start
and end, the total time) and ``report.json`` (the same data).

Run: ``uv run python benchmarks/report.py [--quick] [--only NAME ...] [--out docs/benchmarks]``
(``--quick``: every benchmark at small sizes, minutes in all; without it the full sizes,
hours on two cores).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS_ENV = "MZDESK_BENCH_RESULTS"  # as _figures.RESULTS_ENV
TAIL = 12  # lines of a failed benchmark's stderr kept in the report


@dataclass
class Run:
    """One benchmark's run: how it ended and the figures it wrote."""

    name: str
    status: str  # "ok", "failed", "timeout", "no figures"
    seconds: float
    returncode: int | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    stderr_tail: list[str] = field(default_factory=list)


def discover(folder: Path, only: list[str] | None = None) -> list[Path]:
    """The benchmarks in ``folder``: ``*.py`` not starting with ``_``, not ``report.py``."""
    found = sorted(
        p for p in folder.glob("*.py") if not p.name.startswith("_") and p.name != "report.py"
    )
    if only:
        unknown = set(only) - {p.stem for p in found}
        if unknown:
            raise SystemExit(f"no such benchmark: {', '.join(sorted(unknown))}")
        found = [p for p in found if p.stem in only]
    return found


def _fresh(path: Path, started: float) -> dict[str, Any] | None:
    """The figures file at ``path`` if this run wrote it (not a stale one)."""
    if not path.exists():
        return None
    try:
        payload: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        when = dt.datetime.strptime(payload["when"], "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except (ValueError, KeyError):
        return None
    return payload if when >= int(started) else None


def run_one(script: Path, results: Path, *, quick: bool, timeout: float) -> Run:
    """Run one benchmark in its own process (and process group) and gather its figures.

    Its output goes to files (``results/logs/<name>.out`` and ``.err``), not pipes, so a
    server it leaves behind cannot keep the report waiting for the end of a pipe."""
    name = script.stem

    def written() -> list[Path]:  # <name>.figures.json, or variants <name>-<what>.figures.json
        return sorted(
            {*results.glob(f"{name}.figures.json"), *results.glob(f"{name}-*.figures.json")}
        )

    for stale in written():
        stale.unlink()
    logs = results / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, RESULTS_ENV: str(results), "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("PYTHONUNBUFFERED", "1")
    command = [sys.executable, str(script), *(["--quick"] if quick else [])]
    started = time.time()
    with (logs / f"{name}.out").open("wb") as out, (logs / f"{name}.err").open("wb") as err:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # its servers and client processes go with it on a timeout
        )
        try:
            process.wait(timeout=timeout)
            status = "ok" if process.returncode == 0 else "failed"
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            status = "timeout"
    seconds = time.time() - started
    payloads = [p for p in (_fresh(f, started) for f in written()) if p is not None]
    if not payloads and status == "ok":
        status = "no figures"
    tail = []
    if status != "ok":
        text = (logs / f"{name}.err").read_text(encoding="utf-8", errors="replace")
        tail = [line for line in text.splitlines() if line.strip()][-TAIL:]
    return Run(
        name=name,
        status=status,
        seconds=round(seconds, 1),
        returncode=process.returncode if status != "timeout" else None,
        figures=[f for p in payloads for f in p["figures"]],
        params=dict(payloads[0].get("params", {}))
        if len(payloads) == 1
        else {p["benchmark"]: p.get("params", {}) for p in payloads},
        stderr_tail=tail,
    )


def machine() -> dict[str, Any]:
    memory = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text().splitlines()[0].split()
        memory = f"{int(first[1]) / 2**20:.1f} GiB"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "system": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "commit": commit or None,
    }


def load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def summary(runs: list[dict[str, Any]]) -> dict[str, int]:
    figures = [f for r in runs for f in r["figures"]]
    targeted = [f for f in figures if f.get("target")]
    return {
        "benchmarks": len(runs),
        "benchmarks_failed": sum(r["status"] != "ok" for r in runs),
        "figures": len(figures),
        "targets": len(targeted),
        "met": sum(f.get("met") is True for f in targeted),
        "missed": sum(f.get("met") is False for f in targeted),
    }


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(report: dict[str, Any]) -> str:
    runs = report["runs"]
    s = report["summary"]
    m = report["machine"]
    lines = [
        "# Benchmark report",
        "",
        f"{'Quick run (small sizes)' if report['quick'] else 'Full run'}, {report['date']}: "
        f"**{s['figures']} figures, {s['targets']} with a target, {s['met']} met, "
        f"{s['missed']} missed**; {s['benchmarks']} benchmarks, {s['benchmarks_failed']} "
        f"failed or timed out. Total {report['total_seconds'] / 60:.1f} min.",
        "",
        f"Machine: {m['system']}, {m['cpus']} CPUs, {m['memory'] or '?'} memory, Python "
        f"{m['python']}, commit {m['commit'] or '?'}. Load average (1, 5, 15 min) at start "
        f"{report['load_start']}, at end {report['load_end']} — the machine may be shared, so "
        "absolute times are noisy; each ratio is against a baseline measured in the same run.",
        "",
        *(
            f"Re-run since, into this report: {', '.join(r['benchmarks'])} on {r['date']} "
            f"({r['total_seconds']:.0f} s, load average {r['load_start']} → {r['load_end']})."
            for r in report.get("rerun", [])
        ),
        "",
        "Generated by `uv run python benchmarks/report.py"
        + (" --quick" if report["quick"] else "")
        + "`; the same data in `report.json`. Sizes of each run: the table at the end.",
        "",
        "| benchmark | figure | value | baseline | baseline value | ratio | target | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        if run["status"] != "ok":
            why = {
                "failed": f"**failed** (exit {run['returncode']})",
                "timeout": "**timed out**",
                "no figures": "**wrote no figures**",
            }[run["status"]]
            last = run["stderr_tail"][-1] if run["stderr_tail"] else ""
            lines.append(
                f"| {run['name']} | {why} after {run['seconds']:.0f} s: {_cell(last)[:160]} "
                "| | | | | | ✗ |"
            )
        for f in run["figures"]:
            met = {True: "✓", False: "✗", None: "—"}[f.get("met")]
            ratio = "" if f.get("ratio") is None else f"{f['ratio']:.2f}×"
            if f.get("ratio") is not None and 0 < abs(f["ratio"]) < 0.01:
                ratio = f"{f['ratio']:.2g}×"
            note = f" ({f['note']})" if f.get("note") else ""
            lines.append(
                f"| {run['name']} | {_cell(f['name'] + note)} | {number(f['value'], f['unit'])} "
                f"| {_cell(f.get('baseline') or '')} "
                f"| {number(f.get('baseline_value'), f['unit'])} | {ratio} "
                f"| {_cell(f.get('target') or '')} | {met} |"
            )
    lines += ["", "## Runs", "", "| benchmark | status | seconds | sizes |", "|---|---|---|---|"]
    for run in runs:
        sizes = ", ".join(
            f"{k} {v}" for k, v in run["params"].items() if k != "quick" and v not in (None, False)
        )
        lines.append(f"| {run['name']} | {run['status']} | {run['seconds']:.0f} | {_cell(sizes)} |")
    failed = [r for r in runs if r["status"] != "ok"]
    if failed:
        lines += ["", "## Failures", ""]
        for run in failed:
            lines += [f"### {run['name']}: {run['status']}", "", "```", *run["stderr_tail"], "```"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="every benchmark at small sizes")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="these benchmarks only")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks")
    parser.add_argument("--timeout", type=float, help="seconds each (quick 900, full 7200)")
    parser.add_argument("--benchmarks", type=Path, default=HERE, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, default=ROOT / "bench-results")
    parser.add_argument(
        "--update",
        action="store_true",
        help="run only --only's benchmarks and put their rows into the report in --out",
    )
    args = parser.parse_args(argv)
    timeout = args.timeout or (900.0 if args.quick else 7200.0)
    scripts = discover(args.benchmarks, args.only)
    results: Path = args.results
    results.mkdir(parents=True, exist_ok=True)
    load_start, started = load(), time.time()
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    runs = []
    for script in scripts:
        print(f"[{time.strftime('%H:%M:%S')}] {script.stem} …", file=sys.stderr, flush=True)
        run = run_one(script, results, quick=args.quick, timeout=timeout)
        print(f"    {run.status} in {run.seconds:.0f} s, {len(run.figures)} figures",
              file=sys.stderr, flush=True)  # fmt: skip
        runs.append(run)
    out: Path = args.out
    report: dict[str, Any] = {
        "quick": args.quick,
        "date": date,
        "total_seconds": round(time.time() - started, 1),
        "load_start": load_start,
        "load_end": load(),
        "machine": machine(),
        "runs": [vars(r) for r in runs],
    }
    if args.update and (out / "report.json").exists():
        earlier = json.loads((out / "report.json").read_text(encoding="utf-8"))
        rerun = {r["name"]: r for r in report["runs"]}
        merged = [r for r in earlier["runs"] if r["name"] not in rerun] + list(rerun.values())
        earlier["runs"] = sorted(merged, key=lambda r: r["name"])
        earlier.setdefault("rerun", []).append(
            {k: report[k] for k in ("date", "total_seconds", "load_start", "load_end", "quick")}
            | {"benchmarks": sorted(rerun)}
        )
        report = earlier
    report["summary"] = summary(report["runs"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out / "REPORT.md").write_text(markdown(report), encoding="utf-8")
    s = report["summary"]
    print(
        f"{s['figures']} figures, {s['targets']} targets, {s['met']} met, {s['missed']} missed; "
        f"{s['benchmarks_failed']} of {s['benchmarks']} benchmarks failed; "
        f"written to {out / 'REPORT.md'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
