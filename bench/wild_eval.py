"""Row F1 of the parser on the wild set (corpus/wild) and the office fixtures, file by file.

    PYTHONPATH=. python bench/wild_eval.py [-v] [--only abc]

`--only` keeps the files whose name starts with one of the given letters (a batch of the set).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.model import Document
from kpi_lint.parse import parse
from tests.wild.rows import Score, expected_rows, parsed_rows, score

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    verbose = "-v" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    total = Score(0, 0, 0)
    for csv_path in sorted((ROOT / "corpus" / "wild" / "expected").glob("*.csv")):
        if only and csv_path.name[0] not in only:
            continue
        source = next((p for p in csv_path.parent.parent.glob(csv_path.stem + ".*") if p.suffix != ".csv"), None)
        if source is None:
            continue
        doc: Document | None
        try:
            doc = parse(source)
            error = ""
        except InputError as exc:
            doc, error = None, exc.message
        got, want = parsed_rows(doc), expected_rows(csv_path)
        s = score(got, want)
        total = total + s
        print(f"{s.f1:5.2f} P={s.precision:4.2f} R={s.recall:4.2f} {len(got):3d}/{len(want):3d} {source.name} {error}")
        if verbose and s.f1 < 1:
            for row in want:
                print("   ", "ok " if row in got else "MISS", row)
            for row in got:
                if row not in want:
                    print("    EXTRA", row)
    print(f"total F1 {total.f1:.3f} (P {total.precision:.3f}, R {total.recall:.3f}; {total.expected} expected rows)")


if __name__ == "__main__":
    main()
