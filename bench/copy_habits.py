"""Row F1 of the wild set under the habits of copies: does a real document still read the same once
it is copied, saved or typed the way people and tools do it?

Each wild file that reads exactly (row F1 1.0 against its hand-checked rows) is changed one way at a
time and read again; the figure per change is the row F1 over those files, with the files that fell
below 1.0.  The changes:

  crlf             Windows line ends
  padded           every line padded with spaces, blank ones too (a web page's cells end in &nbsp;)
  nbsp             every space a no-break space
  indented         every line indented by four spaces
  double_spaced    a blank line after every line
  page_numbers     "第 N 页 共 9 页" printed every 15 lines, wherever that falls
  full_width       figures and % typed full-width (０１２…％)
  traditional      the page converted to traditional characters (OpenCC s2t), as mirror sites do
  full_width_bars  "|" typed full-width (｜)
  csv              a "|" table saved as CSV, as Excel writes it (rows padded to the table's width)
  html_no_spans    a "|" table as a web page that left its merged cells out instead of spanning them

Run: PYTHONPATH=. .venv/bin/python -P bench/copy_habits.py [CHANGE ...]
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.parse import parse
from tests.wild.copies import as_excel_csv, full_width, is_bar_table, padded, page_without_spans, paged
from tests.wild.rows import Score, expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent / "corpus" / "wild"
Change = Callable[[str], str | None]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _on_bar_tables(change: Callable[[str], str]) -> Change:
    """`change`, applied only to a text that is a `|` table."""
    return lambda text: change(text) if is_bar_table(text) else None


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


CHANGES: dict[str, tuple[Change, str]] = {
    "crlf": (lambda t: t.replace("\n", "\r\n"), ".txt"),
    "padded": (padded, ".txt"),
    "nbsp": (lambda t: t.replace(" ", "\u00a0") if " " in t else None, ".txt"),
    "indented": (lambda t: "\n".join("    " + line if line.strip() else line for line in _lines(t)), ".txt"),
    "double_spaced": (lambda t: "\n\n".join(_lines(t)), ".txt"),
    "page_numbers": (paged, ".txt"),
    "full_width": (full_width, ".txt"),
    "traditional": (_traditional, ".txt"),
    "full_width_bars": (lambda t: t.replace("|", "｜") if "|" in t else None, ".txt"),
    "csv": (_on_bar_tables(as_excel_csv), ".csv"),
    "html_no_spans": (_on_bar_tables(page_without_spans), ".html"),
}


def _read(path: Path, expected: Path) -> Score:
    try:
        rows = parsed_rows(parse(path))
    except InputError:
        rows = []
    return score(rows, expected_rows(expected))


def main(names: list[str]) -> None:
    exact = [
        p for p in sorted(WILD.glob("*.txt"))
        if (WILD / "expected" / f"{p.stem}.csv").is_file() and _read(p, WILD / "expected" / f"{p.stem}.csv").f1 == 1.0
    ]
    print(f"{len(exact)} wild files read exactly; each change applied to every one it applies to")
    with tempfile.TemporaryDirectory(prefix="copy-habits-") as tmp:
        for name in names or list(CHANGES):
            change, suffix = CHANGES[name]
            total, fell = Score(0, 0, 0), []
            for path in exact:
                changed = change(path.read_text(encoding="utf-8"))
                if changed is None:
                    continue
                copy = Path(tmp) / f"{path.stem}{suffix}"
                copy.write_text(changed, encoding="utf-8")
                result = _read(copy, WILD / "expected" / f"{path.stem}.csv")
                total = total + result
                if result.f1 < 1.0:
                    fell.append(f"{path.stem[:3]} {result.f1:.2f}")
            below = ", ".join(fell) or "-"
            print(f"  {name:16s} row F1 {total.f1:.3f} over {total.expected:4d} rows; below 1.0: {below}")


if __name__ == "__main__":
    main(sys.argv[1:])
