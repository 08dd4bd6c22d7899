"""What the README's first command installs: packages, venv size and time.

Each case is a fresh virtual environment (`python -m venv`) into which pip installs
a set of requirements, exactly as a secretary's first command does:

- "doithoai": this tree (`pip install -e .`), the README's first command;
- "first version": the dependency list of the first version, with the DejaVu font
  taken from rinoh-typeface-dejavuserif (which brings the rinohtype processor);
- "named only": the libraries the brief and the issues name, nothing of ours
  (textual, sqlite-utils, rich, reportlab, python-docx, openpyxl, holidays), the
  floor any implementation of the issues pays;
- "empty venv": `python -m venv` alone (pip and, on Python < 3.12, setuptools).

Packages are counted as `pip list` shows them (pip and setuptools included, as they
are in the venv), the size is every byte under the venv after the install, the time is
the install alone (the venv creation is timed apart). Medians of --runs. pip's cache is
used as a user's second install would (the first download is the network's time, not
ours); pass --no-cache to measure cold installs.

    python bench/bench_install.py [--runs 3] [--no-cache]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_VERSION = ["textual>=8,<9", "sqlite-utils>=4.2,<5", "rich>=13", "reportlab>=4.2",
                 "platformdirs>=4", "rinoh-typeface-dejavuserif>=0.1.3", "python-docx>=1.1",
                 "openpyxl>=3.1"]
NAMED_ONLY = ["textual>=8,<9", "sqlite-utils>=4.2,<5", "rich>=13", "reportlab>=4.2",
              "python-docx>=1.1", "openpyxl>=3.1", "holidays>=0.60"]


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def tree_size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return total


def one_install(requirements: list[str], cache: bool) -> tuple[float, int, int]:
    """(install seconds, packages, bytes) for one fresh venv."""
    with tempfile.TemporaryDirectory(prefix="doithoai-install-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = str(venv_python(venv))
        seconds = 0.0
        if requirements:
            command = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
            if not cache:
                command.append("--no-cache-dir")
            start = time.perf_counter()
            subprocess.run(command + requirements, check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
        listed = subprocess.run([py, "-m", "pip", "list", "--format=freeze",
                                 "--disable-pip-version-check"],
                                check=True, capture_output=True, text=True).stdout
        packages = sum(1 for line in listed.splitlines() if line.strip())
        return seconds, packages, tree_size(venv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    cases = [("doithoai (pip install -e .)", ["-e", "."]),
             ("first version (rinohtype)", FIRST_VERSION),
             ("named only (no doithoai)", NAMED_ONLY),
             ("empty venv", [])]
    results: dict[str, list[tuple[float, int, int]]] = {name: [] for name, _ in cases}
    for _ in range(max(1, args.runs)):  # interleaved, so a loaded moment hits every case
        for name, requirements in cases:
            results[name].append(one_install(requirements, cache=not args.no_cache))
    base = statistics.median(r[0] for r in results["first version (rinohtype)"])
    print(f"{'case':32} {'packages':>8} {'venv MB':>8} {'install s':>10} {'vs first':>9}")
    for name, _ in cases:
        rows = results[name]
        seconds = statistics.median(r[0] for r in rows)
        packages = rows[-1][1]
        megabytes = statistics.median(r[2] for r in rows) / 1e6
        ratio = f"{seconds / base:.2f}×" if base and seconds else "—"
        print(f"{name:32} {packages:>8} {megabytes:>8.1f} {seconds:>10.2f} {ratio:>9}")
    print(f"({args.runs} runs each, interleaved; median install time; pip cache "
          f"{'off' if args.no_cache else 'on'}; Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
