"""Instructions per ``assess`` of the built-in example, counted by Valgrind's callgrind.

On a machine shared with other work, durations move by half from one run to the
next; the number of instructions a call executes does not. This script runs the
example in a child interpreter under ``valgrind --tool=callgrind`` twice, with
``--calls`` and ``2 × --calls`` calls, and prints the difference divided by
``--calls``: the start of the interpreter and the imports cancel out.

    python benchmarks/instructions.py                 # the deliberation alone
    python benchmarks/instructions.py --terms         # with the example's financing terms

Compare two commits by pointing ``PYTHONPATH`` at each one's ``src``. Needs
``valgrind`` on the ``PATH``; it is slow (about fifty times the run without it).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence

#: The child: the example as ``benchmarks/run.py`` times it, ``calls`` times.
_CHILD = """
import sys
from propulseur_rules import DIJON_2022, assess
from propulseur_rules.example import example_assessment_inputs
inputs = example_assessment_inputs()
if sys.argv[2] == "alone":
    inputs = {**inputs, "convention": DIJON_2022, "financing_signed_on": None, "documents": ()}
for _ in range(int(sys.argv[1])):
    assess(**inputs)
"""

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(calls: int, case: str) -> int:
    """The instructions a child interpreter executes to import the package and run ``calls`` assessments."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run([*command, sys.executable, "-c", _CHILD, str(calls), case], capture_output=True, text=True)
    found = _COLLECTED.search(run.stderr)
    if run.returncode or found is None:
        raise SystemExit(f"valgrind failed:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000, help="the calls of the shorter run (default 1000)")
    parser.add_argument("--terms", action="store_true", help="with the example's financing terms")
    arguments = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing counted")
        return 0
    case = "terms" if arguments.terms else "alone"
    shorter = instructions(arguments.calls, case)
    longer = instructions(2 * arguments.calls, case)
    label = "with its financing terms" if arguments.terms else "the deliberation alone"
    print(f"Dijon example, {label}: {(longer - shorter) / arguments.calls:,.0f} instructions per assess")
    return 0


if __name__ == "__main__":
    sys.exit(main())
