"""A real document changed the way copies, saves and typing change text (tests/wild/test_copy_habits.py,
tests/parse/test_csv_tables.py, tests/read/test_html_rows_without_spans.py, bench/copy_habits.py)."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary

_EDGE_BARS = re.compile(r"^\|\s*|\s*\|$")
_FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def padded(text: str) -> str:
    """Every line padded with spaces, blank ones too (a web page's cells end in &nbsp;)."""
    return "\n".join(line + "   " for line in text.split("\n"))


def paged(text: str) -> str:
    """ "第 N 页 共 9 页" printed every 15 lines, wherever that falls."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        out += [line, f"第 {i // 15} 页 共 9 页"] if i and i % 15 == 0 else [line]
    return "\n".join(out)


def full_width(text: str) -> str:
    """Figures and % typed full-width ("１００％"), as an input method leaves them."""
    return text.translate(_FULL_WIDTH)


def bar_rows(text: str) -> list[list[str]]:
    """Each line as the cells of a `|` row (a line with no `|` as one cell, a blank line as none)."""
    rows = []
    for line in text.split("\n"):
        body = line.strip()
        rows.append([c.strip() for c in _EDGE_BARS.sub("", body).split("|")] if "|" in body else [body] if body else [])
    return rows


def is_bar_table(text: str) -> bool:
    """Most lines of `text` are `|` rows of three cells or more."""
    filled = [line for line in text.split("\n") if line.strip()]
    return sum(1 for line in filled if line.strip().strip("|").count("|") >= 2) >= 0.6 * len(filled)


def as_excel_csv(text: str) -> str:
    """A `|` table as Excel saves it: one record per line, padded to the widest, commas quoted."""
    rows = bar_rows(text)
    width = max(len(r) for r in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        if row:
            writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue()


def page_without_spans(text: str) -> str:
    """Each `|` row as a <tr> of its printed cells (trailing empty ones left out, no rowspan for the
    merged cells the row lost), other lines as <p>."""
    out, in_table = ["<html><head><meta charset='utf-8'></head><body>"], False
    for line, cells in zip(text.split("\n"), bar_rows(text), strict=True):
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


def _table_rows(text: str) -> list[list[str] | str]:
    """Each line of `text` as its `|` cells, or as the line itself when it is no `|` row."""
    lines = text.split("\n")
    return [cells if "|" in line else line.strip() for line, cells in zip(lines, bar_rows(text), strict=True)]


def tab_rows(text: str) -> str:
    """A `|` table copied out of Excel or Word: the cells of a row joined by tabs."""
    return "\n".join(row if isinstance(row, str) else "\t".join(row) for row in _table_rows(text))


def cell_lines(text: str) -> str:
    """A `|` table copied out of a browser that puts each cell on its own line, rows apart by a blank line."""
    out: list[str] = []
    for row in _table_rows(text):
        out += [row] if isinstance(row, str) else [*(c for c in row if c), ""]
    return "\n".join(out)


def markdown(text: str) -> str:
    """A `|` table written as Markdown: each row fenced by bars, a rule under the first row of each table."""
    out: list[str] = []
    previous_was_row = False
    for row in _table_rows(text):
        if isinstance(row, str):
            out.append(row)
            previous_was_row = False
            continue
        out.append("| " + " | ".join(row) + " |")
        if not previous_was_row:
            out.append("|" + "---|" * len(row))
        previous_was_row = True
    return "\n".join(out)


# The table a text reader recovered, copied again in another shape ------------------------------
#
# A text's grid (kpi_lint.read.text_grid) is written out as another tool would hold the same table:
# `|` rows, tab rows, one cell per line, columns aligned with spaces (pdftotext -layout), a web page,
# a Word table, an Excel sheet.  The form reader must read the same rows from every one of them.

GridRows = list[list[str]]


def grid_rows(text: str) -> GridRows | None:
    """The rows of the grid kpi-lint recovers from `text`, each as its cells' texts; None when the text
    is no table of cells (fewer than five rows of three printed cells, or fewer than half of all rows;
    or a line cut at known words)."""
    from kpi_lint.lexicon import load_lexicon
    from kpi_lint.read.source import source_from_text
    from kpi_lint.read.text_grid import text_grid

    vocab = load_lexicon().vocabulary
    source = source_from_text(text)
    grid = text_grid(source, vocab.word_pattern, vocab.label_pattern, vocab.header_cover, vocab.header_tail)
    rows = [[c.text.strip() for c in row.cells] for row in grid.rows if row.cells]
    table = [r for r in rows if sum(1 for c in r if c) >= 3]
    if any(c.glued for row in grid.rows for c in row.cells) or len(table) < 5 or len(table) < len(rows) / 2:
        return None
    return rows


def grid_copy(source: Path, write: Callable[[GridRows], str | bytes], suffix: str, into: Path) -> Path:
    """The grid recovered from the wild text `source`, written out by `write` as `into`/<its stem><suffix>."""
    rows = grid_rows(source.read_text(encoding="utf-8"))
    assert rows is not None
    copy = into / f"{source.stem}{suffix}"
    written = write(rows)
    copy.write_bytes(written) if isinstance(written, bytes) else copy.write_text(written, encoding="utf-8")
    return copy


def _flat(cell: str) -> str:
    return "".join(part.strip() for part in cell.split("\n"))


def grid_as_bars(rows: GridRows) -> str:
    return "\n".join("|".join(_flat(c) for c in row) + "|" if len(row) > 1 else _flat(row[0]) for row in rows)


def grid_as_tabs(rows: GridRows) -> str:
    return "\n".join("\t".join(_flat(c) for c in row) for row in rows)


def grid_as_cell_lines(rows: GridRows) -> str:
    out: list[str] = []
    for row in rows:
        out += [_flat(c) for c in row if c.strip()] + ([""] if len(row) > 1 else [])
    return "\n".join(out)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def grid_as_layout(rows: GridRows) -> str:
    """Columns aligned with spaces as `pdftotext -layout` prints them, two spaces at least between."""
    widths: dict[int, int] = {}
    for row in rows:
        if len(row) > 1:
            for i, c in enumerate(row):
                widths[i] = max(widths.get(i, 0), _width(_flat(c)))
    lines = []
    for row in rows:
        if len(row) == 1:
            lines.append(_flat(row[0]))
            continue
        cells = [_flat(c) + " " * (widths[i] - _width(_flat(c))) for i, c in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _runs(rows: GridRows) -> list[str | GridRows]:
    """The lines before the first row of two cells or more, the table from there to the last such row
    (a line between them is a row of one cell), and the lines after it."""
    wide = [i for i, row in enumerate(rows) if len(row) > 1]
    if not wide:
        return [row[0] for row in rows]
    first, last = wide[0], wide[-1]
    return [*(row[0] for row in rows[:first]), rows[first : last + 1], *(row[0] for row in rows[last + 1 :])]


def grid_as_page(rows: GridRows) -> str:
    body = []
    for run in _runs(rows):
        if isinstance(run, str):
            body.append(f"<p>{html.escape(run)}</p>")
            continue
        cells = ("".join(f"<td>{html.escape(c).replace(chr(10), '<br>')}</td>" for c in row) for row in run)
        body.append("<table border='1'>" + "".join(f"<tr>{tr}</tr>" for tr in cells) + "</table>")
    return "<html><head><meta charset='utf-8'></head><body>" + "\n".join(body) + "</body></html>"


def grid_as_docx(rows: GridRows, style: str | None = "Table Grid", repeat_header: bool = False) -> bytes:
    """A Word document: lines as paragraphs, the rows a table as wide as its widest row, ruled (Word's
    "Table Grid" style) unless `style` is None.  `repeat_header`: each table's first row is its header,
    printed again at the top of every page the table runs on to (表格属性 › 重复标题行, `w:tblHeader`)."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for run in _runs(rows):
        if isinstance(run, str):
            document.add_paragraph(run)
            continue
        table = document.add_table(rows=len(run), cols=max(len(r) for r in run))
        table.style = document.styles[style] if style else None
        for i, row in enumerate(run):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        if repeat_header:
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def grid_as_xlsx(rows: GridRows, wrapped: bool = False) -> bytes:
    """An Excel sheet: one row per grid row, from column A.  `wrapped`: as a sheet set up to be printed,
    each column 14 characters wide and every cell's text wrapped inside it (Excel's "自动换行"), each
    row as tall as its longest text (what Excel's row auto-fit gives; LibreOffice does not fit the rows
    of a file it opens), the text at the foot of its cell as by default; printed one page wide, without
    gridlines (the default)."""
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # "=230亩" typed as text, not a formula
            if wrapped:
                cell.alignment = Alignment(wrap_text=True)
        if wrapped:
            sheet.row_dimensions[sheet.max_row].height = typed_height(row)
    if wrapped:
        set_to_print(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def typed_height(row: Sequence[object]) -> int:
    """A sheet row's height in points as a typist sets it for wrapped text: 15 points a line, a line
    holding 12 columns of text (a CJK character takes two).  LibreOffice fits fewer lines of Chinese."""
    lines = max((-(-_width(c) // 12) for text in row for c in str(text).split("\n")), default=1)
    return 15 * max(1, lines)


def print_workbooks(outdir: Path, books: dict[str, bytes]) -> None:
    """Save workbooks (stem → .xlsx bytes) in `outdir` and print each to a PDF beside it with LibreOffice
    (``soffice --headless``, a profile of its own), as a department prints its sheets to publish them."""
    import subprocess
    import tempfile

    for stem, data in books.items():
        (outdir / f"{stem}.xlsx").write_bytes(data)
    with tempfile.TemporaryDirectory(prefix="print-sheets-") as tmp:
        profile = f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}"
        command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir)]
        subprocess.run([*command, *(str(outdir / f"{stem}.xlsx") for stem in books)], check=True)


def type_rows(
    sheet: Any,
    rows: Sequence[Sequence[object]],
    width: int,
    vertical: str = "bottom",
    ruled: bool = False,
    height: Callable[[Sequence[object]], float] = typed_height,
) -> Any:
    """`rows` typed into `sheet` as a typist types a target table: text wrapped and set `vertical` in its
    row, a thin border on every side of `width` columns when `ruled`, each row `height` tall; the first
    row (the title) centred across the table.  The centred alignment is returned, for merged labels."""
    from openpyxl.styles import Alignment, Border, Side

    wrap = Alignment(wrap_text=True, vertical=vertical)
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for values in rows:
        sheet.append(list(values))
        r = sheet.max_row
        for c in range(1, width + 1):
            cell = sheet.cell(row=r, column=c)
            cell.alignment = centre if r == 1 else wrap
            if ruled:
                cell.border = border
        sheet.row_dimensions[r].height = height(values)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    return centre


def merge_down(
    sheet: Any, body: Sequence[Sequence[object]], first: int, columns: Sequence[int], alignment: Any
) -> None:
    """The labels of `columns` (1-based) merged down the rows of `body` that share them (a 二级 label
    with its 一级), the first of these at sheet row `first`, each label cell set to `alignment`."""
    for column in columns:
        start = 0
        for k in range(1, len(body) + 1):
            if k == len(body) or list(body[k][:column]) != list(body[start][:column]):
                if k - start > 1:
                    sheet.merge_cells(
                        start_row=first + start, start_column=column, end_row=first + k - 1, end_column=column
                    )
                sheet.cell(row=first + start, column=column).alignment = alignment
                start = k


def set_to_print(sheet: Any) -> None:
    """An openpyxl sheet set up to be printed: each column 14 characters wide, one page wide."""
    import openpyxl

    for column in range(1, sheet.max_column + 1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = 14
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # 页面设置: 调整为 1 页宽
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0


# A table's text as a PDF's text layer often runs it: column by column on one line ------------------

_TUPLE_ROLES = ("value", "adjusted_value", "actual", "weight", "score")
_SPLIT_UNIT = re.compile(r"([<>=≥≤]{0,2}\d[\d.,]*)(\D.*)")


def _wrapped(name: str, wrap: int) -> list[str]:
    """`name` as lines of a column `wrap` Chinese characters wide (a figure, a Latin letter or a mark takes
    half); the name whole when `wrap` is 0."""
    if not wrap:
        return [name]
    lines = [""]
    for ch in name:
        width = sum(1.0 if "\u4e00" <= c <= "\u9fff" else 0.5 for c in lines[-1] + ch)
        if width > wrap:
            lines.append("")
        lines[-1] += ch
    return lines


def run_by_columns(text: str, wrap: int = 5) -> str | None:
    """A scored indicator table as a PDF's text layer runs it column by column (x02): the text's lines
    up to the table's header, then one line with the header's words, the figures of every row as read
    (target, actual, 分值, 得分 … in header order, a figure spaced from its unit, "=2 个"), then the
    二级 labels, each once before its first row's name as a merged cell prints it, and the names wrapped
    in a column `wrap` characters wide ("合同结算条 款完成率"; 0: each name whole).  The rows are those
    kpi-lint reads from the text (the file must read exactly for that to be the truth).  None when the
    text is no single project whose header names the 三级指标 and 分值 or 得分, or a row lacks one of its
    figures or prints it in two words."""
    from kpi_lint.lexicon import load_lexicon
    from kpi_lint.parse.document import parse_source
    from kpi_lint.read.source import source_from_text
    from kpi_lint.read.text_grid import text_grid

    lexicon = load_lexicon()
    vocab = lexicon.vocabulary
    source = source_from_text(text)
    try:
        doc = parse_source(source, lexicon)
    except Exception:
        return None
    grid = text_grid(source, vocab.word_pattern, vocab.label_pattern, vocab.header_cover, vocab.header_tail)
    for row in grid.rows:
        roles = [vocab.column_role(c.text) if c.text.strip() else None for c in row.cells]
        if "level3" in roles and {"weight", "score"} & set(roles):
            break
    else:
        return None
    figures = [r for k, r in enumerate(roles) if r in _TUPLE_ROLES and roles.index(r) == k]
    rows = doc.indicators
    if len(doc.projects) != 1 or len(rows) < 2 or any(i.period for i in rows):
        return None
    if not all(r in i.spans and i.spans[r].text and " " not in i.spans[r].text.strip() for i in rows for r in figures):
        return None
    units = {w for words in lexicon.units.values() for w in words} | set(vocab.glue_hints.time_units)

    def spaced(cell: str) -> str:
        m = _SPLIT_UNIT.fullmatch(cell.strip())
        return f"{m.group(1)} {m.group(2)}" if m and m.group(2) in units else cell.strip()

    run = [spaced(i.spans[r].text) for i in rows for r in figures]
    names: list[str] = []
    label = None
    for i in rows:
        if i.level2 and i.level2 != label:
            names.append(i.level2)
        label = i.level2
        names += _wrapped("".join((i.level3 or "").split()), wrap)
    header = [c.text.strip() for c in row.cells if c.text.strip()]
    lines = text.split("\n")
    top = min(c.line for c in row.cells) - 1
    while top and _header_words(lines[top - 1], vocab):  # "一级 ⏎ 指标 ⏎ 二级 ⏎ 指标": the header's wrapped words
        top -= 1
        header = [*lines[top].split(), *header]
    return "\n".join([*lines[:top], " ".join([*header, *run, *names])])


def _header_words(line: str, vocab: Vocabulary) -> bool:
    words = line.split()
    return bool(words) and all(vocab.column_role(w) or w == "指标" for w in words)


# What a page's top prints inside a table carried over pages ---------------------------------------------------

PAGE_TOPS = (
    "title_continued",  # the title with its continuation mark, "…绩效目标表（续）"
    "title_continued_header",  # … and the header printed again as a row ("(续表)")
    "title_continued_header_streamed",  # … and the header printed again one cell per line
    "mark",  # "续表" alone
    "mark_header",  # "续表1" and the header as a row
    "mark_header_streamed",  # "（接上页）" and the header one cell per line
    "page_header_streamed",  # a page number and the header one cell per line
    "title",  # the title printed again as it was (a running title)
    "title_header",  # … and the header as a row
    "title_header_streamed",  # … and the header one cell per line
)


def page_top(rows: GridRows, shape: str) -> tuple[GridRows, int]:
    """`rows` (a grid_rows table) with what a page's top prints (`shape`, one of PAGE_TOPS) halfway down its first
    indicator table, and the index of the first row after it.  The header is the grid's first row naming three
    columns or more, with the rows under it up to the first 二级 label (a second tier); the title the last cell
    before it that a form's title word names."""
    from kpi_lint.lexicon import load_lexicon

    vocab = load_lexicon().vocabulary
    head = next(i for i, r in enumerate(rows) if sum(1 for c in r if vocab.column_role(c)) >= 3)
    first = next(i for i in range(head + 1, len(rows)) if any(vocab.canonical_level2(c) for c in rows[i]))
    header = rows[head:first]
    title = next(c for r in reversed(rows[:head]) for c in r if 0 < len(c) < 60 and vocab.title_family(c))
    streamed = [[c] for r in header for c in r if c]
    top = {
        "title_continued": [["- 2 -"], [f"{title}（续）"]],
        "title_continued_header": [["- 2 -"], [f"{title}(续表)"], *header],
        "title_continued_header_streamed": [["- 2 -"], [f"{title}（续）"], *streamed],
        "mark": [["- 2 -"], ["续表"]],
        "mark_header": [["续表1"], *header],
        "mark_header_streamed": [["（接上页）"], *streamed],
        "page_header_streamed": [["第 2 页 共 3 页"], *streamed],
        "title": [["- 2 -"], [title]],
        "title_header": [["- 2 -"], [title], *header],
        "title_header_streamed": [["- 2 -"], [title], *streamed],
    }[shape]
    # The end of the first table: the next form's facts, title or header (a document of several forms).
    end = next(
        (
            i
            for i in range(first + 1, len(rows))
            if any(c and (vocab.fact(c) or vocab.title_family(c)) for c in rows[i])
            or sum(1 for c in rows[i] if vocab.column_role(c)) >= 3
        ),
        len(rows),
    )
    cut = first + (end - first) // 2
    return [*rows[:cut], *top, *rows[cut:]], cut + len(top)
