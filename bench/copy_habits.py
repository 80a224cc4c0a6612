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
  tabs             a "|" table copied out of Excel or Word: cells joined by tabs
  cell_lines       a "|" table copied out of a browser: each cell on its own line, rows apart by a blank line
  markdown         a "|" table written as Markdown, a rule line under each table's first row
  columns          a scored table (分值/得分) run column by column on one line, as a PDF's text layer gives
                   it: the header's words, every row's figures (a figure spaced from its unit), then the
                   二级 labels and the names (x02's shape; kpi_lint.parse.flat_table)
  columns_wrapped  the same with the names wrapped in a column five characters wide, a line a word
The table kpi-lint recovers from a text (its grid, when that has five rows of three cells or more)
written again as another tool holds it:
  grid_bars        "|" rows               grid_tabs      tab rows
  grid_cell_lines  one cell per line      grid_layout    columns aligned with spaces (pdftotext -layout)
  grid_cell_lines_padded  one cell per line, every line padded with spaces (a web page's cells end in &nbsp;)
  grid_cell_lines_paged   one cell per line, "第 N 页 共 9 页" every 15 lines (a PDF's text with its page footers)
  grid_page        a web page's table     grid_docx      a Word table        grid_xlsx   an Excel sheet
  grid_pdf         the Word table (ruled) printed to PDF by LibreOffice (needs soffice; about 3 s a file)
  grid_pdf_plain   the Word table with its borders removed (no table style), printed the same way
  grid_pdf_sheet   the Excel sheet with wrapped text, printed without gridlines (LibreOffice's default)
And a preview that breaks off (cut_mid): the text cut in the middle of the line where its middle
indicator row begins.  The rows read from the lines before that line must be the rows the whole
text gives there; rows at or after it are not counted.

Run: PYTHONPATH=. .venv/bin/python -P bench/copy_habits.py [CHANGE ...]   (the grid_pdf* changes only when named)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.model import Document
from kpi_lint.parse import parse
from tests.wild.copies import (
    GridRows,
    as_excel_csv,
    cell_lines,
    full_width,
    grid_as_bars,
    grid_as_cell_lines,
    grid_as_docx,
    grid_as_layout,
    grid_as_page,
    grid_as_tabs,
    grid_as_xlsx,
    grid_rows,
    is_bar_table,
    markdown,
    padded,
    page_without_spans,
    paged,
    run_by_columns,
    tab_rows,
)
from tests.wild.rows import Score, expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent / "corpus" / "wild"
Change = Callable[[str], str | bytes | None]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _on_bar_tables(change: Callable[[str], str]) -> Change:
    """`change`, applied only to a text that is a `|` table."""
    return lambda text: change(text) if is_bar_table(text) else None


def _on_grids(write: Callable[[GridRows], str | bytes]) -> Change:
    """`write` applied to the grid recovered from a text, when the text is a table of cells."""

    def change(text: str) -> str | bytes | None:
        rows = grid_rows(text)
        return None if rows is None else write(rows)

    return change


def _printed(write: Callable[[GridRows], bytes], suffix: str) -> Callable[[GridRows], bytes]:
    """The grid written by `write` as an office file, printed to PDF by LibreOffice headless."""

    def printed(rows: GridRows) -> bytes:
        with tempfile.TemporaryDirectory(prefix="copy-habits-pdf-") as tmp:
            source = Path(tmp) / f"table{suffix}"
            source.write_bytes(write(rows))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                check=True,
                capture_output=True,
            )
            return (Path(tmp) / "table.pdf").read_bytes()

    return printed


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return str(OpenCC("s2t").convert(text))


# Run only when named: they need LibreOffice and take minutes.
ON_REQUEST = {"grid_pdf", "grid_pdf_plain", "grid_pdf_sheet"}
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
    "tabs": (_on_bar_tables(tab_rows), ".txt"),
    "cell_lines": (_on_bar_tables(cell_lines), ".txt"),
    "markdown": (_on_bar_tables(markdown), ".txt"),
    "grid_bars": (_on_grids(grid_as_bars), ".txt"),
    "grid_tabs": (_on_grids(grid_as_tabs), ".txt"),
    "grid_cell_lines": (_on_grids(grid_as_cell_lines), ".txt"),
    "grid_cell_lines_padded": (_on_grids(lambda rows: padded(grid_as_cell_lines(rows))), ".txt"),
    "grid_cell_lines_paged": (_on_grids(lambda rows: paged(grid_as_cell_lines(rows))), ".txt"),
    "grid_layout": (_on_grids(grid_as_layout), ".txt"),
    "grid_page": (_on_grids(grid_as_page), ".html"),
    "columns": (lambda t: run_by_columns(t, wrap=0), ".txt"),
    "columns_wrapped": (run_by_columns, ".txt"),
    "grid_docx": (_on_grids(grid_as_docx), ".docx"),
    "grid_xlsx": (_on_grids(grid_as_xlsx), ".xlsx"),
    "grid_pdf": (_on_grids(_printed(grid_as_docx, ".docx")), ".pdf"),
    "grid_pdf_plain": (_on_grids(_printed(lambda rows: grid_as_docx(rows, style=None), ".docx")), ".pdf"),
    "grid_pdf_sheet": (_on_grids(_printed(lambda rows: grid_as_xlsx(rows, wrapped=True), ".xlsx")), ".pdf"),
}


def _read(path: Path, expected: Path) -> Score:
    try:
        rows = parsed_rows(parse(path))
    except InputError:
        rows = []
    return score(rows, expected_rows(expected))


def _cut_mid(path: Path, tmp: str) -> Score:
    whole = parse(path)
    lines = sorted(i.line for i in whole.indicators)
    cut = lines[len(lines) // 2]
    text = path.read_text(encoding="utf-8").split("\n")
    copy = Path(tmp) / path.name
    copy.write_text("\n".join([*text[: cut - 1], text[cut - 1][: len(text[cut - 1]) // 2]]), encoding="utf-8")
    try:
        doc = parse(copy)
    except InputError:
        doc = None

    def before(document: Document | None) -> list[tuple[str, str, str, str]]:
        """The rows of `document` that end on a line before the cut."""
        indicators = document.indicators if document is not None else []
        return [
            (i.period or "", i.level2 or "", i.level3 or "", i.value or "")
            for i in indicators
            if max((s.line for s in i.spans.values()), default=i.line) < cut
        ]

    return score(before(doc), before(whole))


def _report_cut_mid(exact: list[Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="copy-habits-cut-") as tmp:
        # A file whose rows all end on or after the cut (rows glued on one line) has none to check.
        results = [(p.stem[:3], r) for p in exact if (r := _cut_mid(p, tmp)).expected]
    total = sum((r for _, r in results), Score(0, 0, 0))
    below = ", ".join(f"{stem} {r.f1:.2f}" for stem, r in results if r.f1 < 1.0) or "-"
    print(f"  {'cut_mid':16s} row F1 {total.f1:.3f} over {total.expected:4d} rows; below 1.0: {below}")


def main(names: list[str]) -> None:
    exact = [
        p
        for p in sorted(WILD.glob("*.txt"))
        if (WILD / "expected" / f"{p.stem}.csv").is_file() and _read(p, WILD / "expected" / f"{p.stem}.csv").f1 == 1.0
    ]
    print(f"{len(exact)} wild files read exactly; each change applied to every one it applies to")
    if "cut_mid" in names or not names:
        _report_cut_mid(exact)
        names = [n for n in names if n != "cut_mid"] if names else [n for n in CHANGES if n not in ON_REQUEST]
        if not names:
            return
    with tempfile.TemporaryDirectory(prefix="copy-habits-") as tmp:
        for name in names:
            change, suffix = CHANGES[name]
            total, fell = Score(0, 0, 0), []
            for path in exact:
                changed = change(path.read_text(encoding="utf-8"))
                if changed is None:
                    continue
                copy = Path(tmp) / f"{path.stem}{suffix}"
                if isinstance(changed, bytes):
                    copy.write_bytes(changed)
                else:
                    copy.write_text(changed, encoding="utf-8")
                result = _read(copy, WILD / "expected" / f"{path.stem}.csv")
                total = total + result
                if result.f1 < 1.0:
                    fell.append(f"{path.stem[:3]} {result.f1:.2f}")
            below = ", ".join(fell) or "-"
            print(
                f"  {name:16s} row F1 {total.f1:.3f} (P {total.precision:.3f}) over {total.expected:4d} rows;"
                f" below 1.0: {below}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
