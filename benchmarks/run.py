"""Run every benchmark and write docs/benchmarks.md:

    .venv/bin/python benchmarks/run.py              # every benchmarks/bench_*.py
    .venv/bin/python benchmarks/run.py digest       # only those whose name contains "digest"

A partial run replaces the sections it ran and keeps the others as they were (the "Machine"
section then describes the last run; the sections that say when they ran keep their dates).

Each `bench_*.py` runs in its own process (each sets up Django on its own throwaway database)
and prints its Markdown section on stdout; this script adds the machine they ran on. Timings
live here and in docs/benchmarks.md, never as assertions in the test suite.
"""

import datetime
import os
import platform
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = ROOT / "docs" / "benchmarks.md"
# Other work on the machine slows every figure down: record how busy it was.
LOAD_AT_START = os.getloadavg()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine() -> list[str]:
    import django

    return [
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores",
        f"- Memory: {_memory()}",
        "- Load average when the run started (1, 5, 15 min): "
        + ", ".join(f"{load:.2f}" for load in LOAD_AT_START),
        f"- OS: {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}",
        f"- Database: SQLite {sqlite3.sqlite_version} (a throwaway file in the system's temporary "
        "directory, WAL mode, the project's settings)",
    ]


def main() -> None:
    wanted = sys.argv[1:]
    benches = [
        path
        for path in sorted(HERE.glob("bench_*.py"))
        if not wanted or any(word in path.stem for word in wanted)
    ]
    sections = []
    for bench in benches:
        print(f"== {bench.name}", file=sys.stderr, flush=True)
        result = subprocess.run(
            [sys.executable, str(bench)],
            cwd=ROOT,
            check=True,
            capture_output=False,
            stdout=subprocess.PIPE,
            text=True,
        )
        sections.append(result.stdout.strip())
    if wanted:
        sections = kept_sections(sections)
    text = "\n".join(
        [
            "# Benchmarks",
            "",
            "Figures for the platform's heavy paths, and how to reproduce them. Rerun everything "
            "with one command, which rewrites this file:",
            "",
            "    .venv/bin/python benchmarks/run.py",
            "",
            "Each benchmark builds its own throwaway database; nothing touches var/ or the demo "
            "data. Timings depend on the machine below; what should hold on any machine is "
            "the shape (linear time, constant queries per batch, flat memory).",
            "",
            "## Machine",
            "",
            *machine(),
            "",
            *[section + "\n" for section in sections],
        ]
    )
    OUTPUT.write_text(text.rstrip() + "\n")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)


def _title(section: str) -> str:
    return section.splitlines()[0]


def _script(section: str) -> str:
    """The benchmark's file named in its title (`benchmarks/bench_x.py`): a whole run's order."""
    return _title(section).rsplit("bench_", 1)[-1]


def kept_sections(new: list[str]) -> list[str]:
    """The benchmark sections of the current file, with those of this run put in their place
    (or added), in the order a whole run writes them."""
    old = OUTPUT.read_text().split("\n## ")[1:] if OUTPUT.exists() else []
    by_title = {_title("## " + section): "## " + section.strip() for section in old}
    by_title.pop("## Machine", None)
    by_title.update({_title(section): section for section in new})
    return sorted(by_title.values(), key=_script)


if __name__ == "__main__":
    main()
