"""The disclosures whose text stops inside a table cell, and what was read from that cell.

    .venv/bin/python -P bench/cut_cells.py [PATH ...]   (default: corpus/*.txt and corpus/wild/*.txt)

For every project with a `Project.cut_cell` (the text grid saw the text end without closing the table's last
cell: a pipe row never closed, the last glued piece of a text that stops), one line: the file, the cell's
line:column, whether the table is also said to break off (`cut_off`), the row fields read from the cell and
their text, and the reading warning that names the cell (KPI000). tests/parse/test_cut_cell_notes.py pins the
list of the wild set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.parse import parse

ROOT = Path(__file__).resolve().parent.parent
_SAID = "原文停在最后一格"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "corpus" / "wild").glob("*.txt"))]
    found = 0
    for path in paths:
        try:
            doc = parse(path)
        except InputError:
            continue  # no table to cut
        notes = [n for n in (*doc.problems, *doc.notes) if _SAID in n.message]
        for project in doc.projects:
            if project.cut_cell is None:
                continue
            found += 1
            line, column = project.cut_cell
            read = [
                f"{name}={getattr(ind, name, None)!r}"
                for ind in project.indicators
                for name in ind.spans
                if project.cut_in(ind, name)
            ]
            said = [f"{n.line}:{n.column}" for n in notes]
            print(
                f"{path.name}\t{line}:{column}\tcut_off={project.cut_off}\t{' '.join(read) or '(no row field)'}"
                f"\tnoted at {', '.join(said) or 'nowhere'}"
            )
    print(f"{found} cut cells in {len(paths)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
