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

import csv
import html
import io
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.parse import parse
from tests.wild.rows import Score, expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent / "corpus" / "wild"
Change = Callable[[str], str | None]
_FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")
_EDGE_BARS = re.compile(r"^\|\s*|\s*\|$")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _bar_rows(text: str) -> list[list[str]] | None:
    """The lines of a "|" table as lists of cells (other lines as one cell); None when most lines are no rows."""
    filled = [line for line in _lines(text) if line.strip()]
    if sum(1 for line in filled if line.strip().strip("|").count("|") >= 2) < 0.6 * len(filled):
        return None
    rows = []
    for line in _lines(text):
        body = line.strip()
        rows.append([c.strip() for c in _EDGE_BARS.sub("", body).split("|")] if "|" in body else [body] if body else [])
    return rows


def _csv(text: str) -> str | None:
    rows = _bar_rows(text)
    if rows is None:
        return None
    width = max(len(r) for r in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        if row:
            writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue()


def _html_no_spans(text: str) -> str | None:
    rows = _bar_rows(text)
    if rows is None:
        return None
    out, in_table = ["<html><head><meta charset='utf-8'></head><body>"], False
    for line, cells in zip(_lines(text), rows, strict=True):
        if "|" in line:
            while cells and not cells[-1]:
                cells.pop()
            out += [] if in_table else ["<table border='1'>"]
            in_table = True
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        else:
            out += ["</table>"] if in_table else []
            in_table = False
            out += [f"<p>{html.escape(line.strip())}</p>"] if line.strip() else []
    return "\n".join([*out, "</table></body></html>" if in_table else "</body></html>"])


def _paged(text: str) -> str:
    out: list[str] = []
    for i, line in enumerate(_lines(text)):
        out += [line, f"第 {i // 15} 页 共 9 页"] if i and i % 15 == 0 else [line]
    return "\n".join(out)


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


CHANGES: dict[str, tuple[Change, str]] = {
    "crlf": (lambda t: t.replace("\n", "\r\n"), ".txt"),
    "padded": (lambda t: "\n".join(line + "   " for line in _lines(t)), ".txt"),
    "nbsp": (lambda t: t.replace(" ", "\u00a0") if " " in t else None, ".txt"),
    "indented": (lambda t: "\n".join("    " + line if line.strip() else line for line in _lines(t)), ".txt"),
    "double_spaced": (lambda t: "\n\n".join(_lines(t)), ".txt"),
    "page_numbers": (_paged, ".txt"),
    "full_width": (lambda t: t.translate(_FULL_WIDTH), ".txt"),
    "traditional": (_traditional, ".txt"),
    "full_width_bars": (lambda t: t.replace("|", "｜") if "|" in t else None, ".txt"),
    "csv": (_csv, ".csv"),
    "html_no_spans": (_html_no_spans, ".html"),
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
