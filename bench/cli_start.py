"""How fast the CLI answers ``--version`` and ``--help`` (issue 25, target 4):
each at most 2x ``python -c pass``, paired and alternating (run.py's method),
medians of many runs after a warm-up.

    .venv/bin/python bench/cli_start.py            # print the table
    .venv/bin/python bench/cli_start.py --record   # and record it in bench/README.md

The commands are the installed ``samenwerkwijzer`` script next to the
interpreter (what a user types), and the same through ``python -c``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ENV, machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("samenwerkwijzer")
VIA_PYTHON = "import sys; from samenwerkwijzer.cli import main; sys.argv[0] = 'samenwerkwijzer'; main()"


def paired(commands: list[list[str]], runs: int) -> list[float]:
    for c in commands:
        subprocess.run(c, capture_output=True, check=True, env=ENV)
    times: list[list[float]] = [[] for _ in commands]
    for r in range(runs):
        order = range(len(commands)) if r % 2 == 0 else reversed(range(len(commands)))
        for k in order:
            started = time.perf_counter()
            subprocess.run(commands[k], capture_output=True, check=True, env=ENV)
            times[k].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    python = sys.executable
    commands = [
        [python, "-c", "pass"],
        [str(SCRIPT), "--version"],
        [str(SCRIPT), "--help"],
        [python, "-c", VIA_PYTHON, "--version"],
        [python, "-c", VIA_PYTHON, "--help"],
        [python, "-c", VIA_PYTHON, "schema", "--help"],
    ]
    floor, version, help_, py_version, py_help, sub_help = paired(commands, args.runs)
    rows = [
        ("`python -c pass`", floor, "the anchor"),
        ("`samenwerkwijzer --version`", version, "the installed script"),
        ("`samenwerkwijzer --help`", help_, "the installed script"),
        ("`--version` through `python -c`", py_version, ""),
        ("`--help` through `python -c`", py_help, ""),
        ("`schema --help` through `python -c`", sub_help, "a command's help: click and the command's module"),
    ]
    lines = ["| measurement | median | ratio to `python -c pass` | note |", "| --- | --- | --- | --- |"]
    lines += [f"| {name} | {t * 1000:.1f} ms | {t / floor:.2f}x | {note} |" for name, t, note in rows]
    worst = max(version, help_) / floor
    lines += ["", f"Target 4 of issue 25 (`--version` and `--help` <= 2x `python -c pass`): "
              f"{'met' if worst <= 2 else 'not met'}, {worst:.2f}x at worst ({args.runs} paired runs)."]  # fmt: skip
    table = "\n".join(lines)
    print(table)
    if args.record:
        record(table)


def record(table: str) -> None:
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- cli-start -->", "<!-- /cli-start -->"
    block = f"{start}\nRecorded {date.today().isoformat()} on {machine()}.\n\n{table}\n{end}"
    if start not in text:
        text += f"\n## CLI start-up (`bench/cli_start.py`)\n\n{start}\n{end}\n"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    with tempfile.NamedTemporaryFile("w", delete=False, dir=readme.parent, encoding="utf-8") as handle:
        handle.write(head + block + tail)
    os.replace(handle.name, readme)


if __name__ == "__main__":
    main()
