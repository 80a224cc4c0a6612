"""PDF → blocks, with pdfplumber.

Ruled tables become grids: a cell merged over rows or columns stands in every slot it covers.
Text outside the tables (titles, facts printed as lines) and pages without rulings are read as
lines and split into cells like any text (``text_grid.line_cells``).  Kangxi radicals that PDF
fonts print for common characters (⽬ for 目) are folded back.  A cell's place is "页P" plus its
row and column in the page's table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from io import BytesIO
from typing import Any

from kpi_lint.errors import InputError
from kpi_lint.grid import Block, Cell, Grid, Row
from kpi_lint.read.office_text import fold_radicals, has_cid_garbage
from kpi_lint.read.pdf_cell_wrap import column_edges, table_lines, unwrapped
from kpi_lint.read.pdf_cut_row import RuledFoot, join_cut_row
from kpi_lint.read.pdf_open_top import closed_at_top
from kpi_lint.read.pdf_repeated_header import repeated_header, repeats_title, tails
from kpi_lint.read.pdf_unruled import BBox, Foot, centred_in, unruled_tables
from kpi_lint.read.source import fold
from kpi_lint.read.text_grid import line_cells

_REACH = 1.0  # points: a cell merged across reaches a column whose left edge it passes by more than this
_HEAD_ROWS = 3  # a header repeated on every page is at most this many rows
_BREAK = 3.0  # a line this many of its heights below a table's foot (a page number) does not follow it
# Rows under a header too few to tell where a sheet sets their text: the reader needs two rows whose
# cells wrapped (pdf_unruled._Rows.alignment), and a page holding fewer than three rarely shows two.
_FEW_ROWS = 3


def read_pdf(data: bytes, path: str) -> list[Block]:
    import pdfplumber

    blocks: list[Block] = []
    line = 0
    seen: list[str] = []  # the text read, to tell a scan or an unmapped font from a page of tables
    before: _PageEdge | None = None  # the previous page's title lines and last table
    carried: Foot | None = None  # where the previous page's last table printed without rulings ends
    carried_grid: Grid | None = None  # and that table read
    head: tuple[list[Row], int] | None = None  # the first rows of the last table read, and its row count
    repeating: tuple[list[Row], int] | None = None  # a header printed again at the top of the page before
    title: list[str] = []  # the lines printed above the last table on the page it started on
    ruled_foot: tuple[RuledFoot, Grid] | None = None  # a ruled table ends the page before: its last row, its grid
    with _opened(pdfplumber, data, path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            open_top = closed_at_top(page, page.find_tables())
            tables = open_top.tables
            found = unruled_tables(page, [t.bbox for t in tables], carried)
            if number < len(pdf.pages) and found.last is not None and _unsure(found.last):
                align = _align_after(pdf.pages[number], found.last)  # the table's rows on the next page tell
                if align:
                    found = unruled_tables(page, [t.bbox for t in tables], carried, align)
            unruled, carried = found.tables, found.last
            boxes = [t.bbox for t in (*tables, *unruled)]
            outside = page.filter(partial(_outside, boxes=[*boxes, *open_top.areas])) if boxes else page
            text_lines = outside.extract_text_lines()
            edge = _PageEdge.of(text_lines, [*tables, *unruled])
            repeated = edge.repeats(before)
            before = edge
            items: list[tuple[float, Block | list[str]]] = []
            ruled = [
                _grid(table, number, t, chars=page.chars, above=open_top.texts)
                for t, table in enumerate(tables, start=1)
            ]
            rebuilt = [
                _grid(table, number, t, rebuilt=True, chars=page.chars, label_at=found.texts)
                for t, table in enumerate(unruled, start=len(tables) + 1)
            ]
            placed = sorted(  # (pdfplumber table, its grid, rebuilt from word positions), top to bottom
                [
                    *((t, g, False) for t, g in zip(tables, ruled, strict=True)),
                    *((t, g, True) for t, g in zip(unruled, rebuilt, strict=True)),
                ],
                key=lambda p: p[0].bbox[1],
            )
            cut, runs_on = found.cut, found.runs_on
            at_top = len(edge.titles) == repeated  # nothing above the first table but the print titles
            dropped = None
            # A ruled table runs on only from a page whose last table ended it (no note, no 填报人 line
            # under it): a form that opens a page after one closed above is a new table, though its title
            # and first rows are the same words (a second project of the same template).
            if placed and (runs_on or (at_top and not placed[0][2] and ruled_foot is not None)):
                table, grid, unruled_first = placed[0]  # the first table of the page: it may run on with a header again
                # The last table's first rows, or a header already printed again at a page's top: the
                # table that repeats it may have been read as several (a wide gap between its rows).
                for heading in (head, repeating):
                    k = repeated_header(grid.rows, *heading) if heading is not None else 0
                    if k:
                        rest_of = tails(grid.rows[:k], heading[0]) if heading is not None else {}
                        del grid.rows[:k]
                        _carry_tails(grid, rest_of)
                        runs_on = True
                        dropped = heading
                        if unruled_first:
                            cut = bool(grid.rows) and found.cut_below(table.rows[k].bbox[1])
                        break
                else:
                    if unruled_first and found.runs_on and repeats_title(grid.rows, title):
                        del grid.rows[:1]  # the title set in the table's first row, printed again
                        cut = bool(grid.rows) and found.cut_below(table.rows[1].bbox[1])
            repeating = dropped
            if placed and not placed[0][2] and ruled_foot is not None and (at_top or dropped is not None):
                table, grid, _ = placed[0]  # a ruled table opens the page: its first row may end the row cut above
                first = len(table.rows) - len(grid.rows)  # the rows of a header printed again are gone
                if grid.rows and ruled_foot[0].continued_by(table, first, page.chars):
                    join_cut_row(ruled_foot[1], grid)
                    runs_on = True
            ruled_foot = _ruled_foot(placed, text_lines, page.chars, ruled_foot)
            if cut and carried_grid is not None:
                join_cut_row(carried_grid, rebuilt[0])  # the rest of its last row, cut by the page break
            if found.runs_on and rebuilt and rebuilt[0].rows:
                rebuilt[0].rows[0].whole = True
                if not cut and carried_grid is not None:
                    _label_back(carried_grid, rebuilt[0], _opening_labels(unruled[0], rebuilt[0], found.texts))
            if not placed:
                head, title = None, []
            elif not (runs_on and len(placed) == 1):  # else the table runs on: its header stays
                head = (placed[-1][1].rows[:_HEAD_ROWS], len(placed[-1][1].rows))
                title = _text_above(placed, text_lines) or title  # none: read apart from the one above
            items.extend((table.bbox[1], grid) for table, grid in zip(tables, ruled, strict=True) if grid.rows)
            items.extend((table.bbox[1], grid) for table, grid in zip(unruled, rebuilt, strict=True) if grid.rows)
            if not rebuilt or rebuilt[-1].rows:  # else the page held only the rest of that row: it runs on
                carried_grid = rebuilt[-1] if rebuilt else None
            for k, text_line in enumerate(text_lines):
                if k >= repeated:
                    items.append((text_line["top"], [text_line["text"]]))
            items.sort(key=lambda item: item[0])
            lines_block: Grid | None = None
            for _, item in items:
                if isinstance(item, list):
                    text = fold_radicals(item[0])
                    seen.append(text)
                    line += 1
                    cells = [Cell(t, line, col + 1, f"页{number}") for col, t in line_cells(text, fold(text))]
                    if cells:
                        if lines_block is None:
                            lines_block = Grid(anchor=f"页{number}")
                            blocks.append(lines_block)
                        lines_block.rows.append(Row(cells))
                else:
                    lines_block = None
                    assert isinstance(item, Grid)
                    for row in item.rows:
                        line += 1
                        row.cells = _on_line(row.cells, line)
                        seen.extend(c.text for c in row.cells)
                    blocks.append(item)
    seen_text = "".join(seen)
    if not seen_text.strip():
        raise InputError(path, "PDF 没有文字层（可能是扫描件），需先 OCR 识别为文字")
    if has_cid_garbage(seen_text):
        raise InputError(path, "PDF 的字体无法转成文字（(cid:…) 编码），请用原始 Word/Excel 文件或先 OCR")
    return blocks


def _unsure(foot: Foot) -> bool:
    """The rows of the table ending at `foot` are too few to tell where they set their text."""
    return not foot.align and foot.under < _FEW_ROWS


def _align_after(page: Any, foot: Foot) -> str:
    """Where the rows of the table that ends at `foot` set their text, told by its rows on `page`, the
    next page, when it runs on there: a page holding a table's header and a row or two does not tell
    (a text set at the foot of its row prints its first lines beside the header)."""
    after = unruled_tables(page, [t.bbox for t in page.find_tables()], foot)
    return after.align if after.runs_on else ""


def _opened(pdfplumber: Any, data: bytes, path: str) -> Any:
    """The PDF opened; one that needs a password to open is named as such (a PDF that only forbids
    copying or printing opens without one and is read)."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return pdfplumber.open(BytesIO(data))
    except Exception as exc:
        if isinstance(exc, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in exc.args):
            raise InputError(path, "PDF 设有打开密码（已加密），请提供不加密的文件后再检查") from exc
        raise


@dataclass(frozen=True)
class _PageEdge:
    """What a page prints above its first table, and where its first and last tables' columns are.

    A sheet printed with print titles (页面设置 › 顶端标题行) repeats its title rows at the top of every
    page, above the rest of a table that runs on from the page before.  Read as they stand, the
    repeated title would open a new form with no header, and the rows under it would be lost."""

    titles: tuple[tuple[str, int], ...]  # text and rounded top of the lines above the first table
    first: tuple[int, int, int] | None  # left, right and column count of the first table
    last: tuple[int, int, int] | None

    @classmethod
    def of(cls, text_lines: list[dict[str, Any]], tables: list[Any]) -> _PageEdge:
        top = min((t.bbox[1] for t in tables), default=None)
        titles = tuple(
            (str(t["text"]).strip(), round(t["top"])) for t in text_lines if top is not None and t["bottom"] <= top
        )

        def columns(table: Any) -> tuple[int, int, int]:
            return (round(table.bbox[0]), round(table.bbox[2]), len(table.rows[0].cells) if table.rows else 0)

        ordered = sorted(tables, key=lambda t: t.bbox[1])
        return cls(titles, columns(ordered[0]) if ordered else None, columns(ordered[-1]) if ordered else None)

    def repeats(self, before: _PageEdge | None) -> int:
        """How many of this page's first lines are print titles: the same text at the same height as on
        the page before, above a table with the same columns as that page's last table."""
        if before is None or not self.titles or self.first is None or before.last is None:
            return 0
        same_columns = all(abs(a - b) <= 2 for a, b in zip(self.first[:2], before.last[:2], strict=True))
        if not same_columns or self.first[2] != before.last[2]:
            return 0
        if self.titles != before.titles[: len(self.titles)]:
            return 0
        return len(self.titles)


def _text_above(placed: list[tuple[Any, Grid, bool]], text_lines: list[dict[str, Any]]) -> list[str]:
    """The lines printed between the page's last table and the table before it (or the page's top)."""
    top = placed[-1][0].bbox[1]
    floor = placed[-2][0].bbox[3] if len(placed) > 1 else 0.0
    return [str(t["text"]) for t in text_lines if t["top"] >= floor and t["bottom"] <= top]


def _ruled_foot(
    placed: list[tuple[Any, Grid, bool]],
    text_lines: list[dict[str, Any]],
    chars: list[dict[str, Any]],
    before: tuple[RuledFoot, Grid] | None,
) -> tuple[RuledFoot, Grid] | None:
    """The last row of the page's last table when that table is ruled and ends the page (nothing
    follows it but, well apart, a page number), and the grid a row cut there goes on: that table's,
    or the one `before` when the page held only the rest of its row (the row runs on)."""
    if not placed or placed[-1][2]:
        return None
    table, grid, _ = placed[-1]
    bottom = table.bbox[3]
    if any(t["top"] >= bottom and t["top"] - bottom < _BREAK * (t["bottom"] - t["top"]) for t in text_lines):
        return None
    target = grid if grid.rows or before is None else before[1]
    return RuledFoot.of(table, chars), target


def _outside(obj: dict[str, float], boxes: list[BBox]) -> bool:
    return not centred_in(obj, boxes)


def _on_line(cells: list[Cell], line: int) -> list[Cell]:
    """A table row's cells placed on `line`, a cell merged across several of its slots still one cell
    (Row.filled counts a merged cell once, as the Word and Excel readers give it)."""
    placed: dict[int, Cell] = {}
    for c in cells:
        if id(c) not in placed:
            placed[id(c)] = replace(c, line=line)
    return [placed[id(c)] for c in cells]


def _grid(
    table: object,
    page: int,
    t: int,
    rebuilt: bool = False,
    chars: list[dict[str, Any]] | None = None,
    above: dict[BBox, str] | None = None,
    label_at: dict[BBox, BBox] | None = None,
) -> Grid:
    """A pdfplumber table as a grid: each None slot takes the cell whose box covers it.  A cell of `above`
    (one merged over a page break, its text printed above the table: `pdf_open_top`) takes that text.  The
    cells of a table rebuilt from word positions (`rebuilt`) also name their box's top left corner on the page
    in points ("页2 表1 行5 格3 (186,341)"), since no ruling shows where its rows and columns are.
    Given the page's `chars`, a cell's lines wrapped at its right edge are joined (`unwrapped`).  A cell of
    `label_at` (a label merged down its rows, ``pdf_merged_labels``) reads the text standing where it maps to,
    its lines joined (a label wrapped in its cell)."""
    rows = table.rows  # type: ignore[attr-defined]
    texts = table.extract()  # type: ignore[attr-defined]
    boxes = [
        [b if b is not None and (rebuilt or "\n" in (texts[r][c] or "")) else None for c, b in enumerate(row.cells)]
        for r, row in enumerate(rows)
    ]  # a ruled cell's edge is its box: only the cells of several lines are looked at
    lines = table_lines(boxes, chars) if chars else {}
    edges = column_edges(lines) if rebuilt else {}
    placed: list[list[tuple[BBox, Cell] | None]] = []
    for r, row in enumerate(rows):
        out: list[tuple[BBox, Cell] | None] = []
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                out.append(None)
                continue
            text = fold_radicals(((above or {}).get(tuple(bbox), "") + "\n" + (texts[r][c] or "")).strip("\n"))
            at = (label_at or {}).get(tuple(bbox))
            if at is not None and chars:
                text = fold_radicals("".join(_text_at(chars, at).split()))
            elif "\n" in text and (r, c) in lines:
                text = unwrapped(text, bbox, lines[r, c], edges.get(c))
            where = f" ({bbox[0]:.0f},{bbox[1]:.0f})" if rebuilt else ""
            out.append((bbox, Cell(text, 0, c + 1, f"页{page} 表{t} 行{r + 1} 格{c + 1}{where}")))
        placed.append(out)
    if chars and not rebuilt:
        _open_at_foot(placed, rows, chars, page, t)
    grid = Grid(anchor=f"页{page} 表{t}")
    for r, row in enumerate(placed):
        cells: list[Cell] = []
        for c, slot in enumerate(row):
            if slot is None:
                slot = _covering(placed, r, c, rows[r].bbox)
            cells.append(slot[1] if slot else Cell("", 0, c + 1, f"页{page} 表{t} 行{r + 1} 格{c + 1}"))
        grid.rows.append(Row(cells, ruled=True, rebuilt=rebuilt))
    return grid


def _open_at_foot(
    placed: list[list[tuple[BBox, Cell] | None]], rows: list[Any], chars: list[dict[str, Any]], page: int, t: int
) -> None:
    """A cell merged down over a page break (一级/二级 over rows the page breaks between) has no ruling at
    the foot of the page it starts on, so pdfplumber finds no cell there: its slots are empty and the text
    printed in it belongs to no cell.  The slots of a column left empty down to the table's foot, covered
    by no cell above or to the left, are that cell: it takes the text printed there."""
    if not rows:
        return
    foot = rows[-1].bbox[3]
    tops: dict[int, int] = {}  # column → the first of the empty slots down to the foot, all found first
    for c in range(len(placed[-1])):
        top = len(placed)
        while top and placed[top - 1][c] is None and _covering(placed, top - 1, c, rows[top - 1].bbox) is None:
            top -= 1
        if top < len(placed):
            tops[c] = top
    for c, top in tops.items():
        edges = [slot[0] for row in placed for slot in row[c : c + 1] if slot is not None]
        if not edges:
            continue
        x0, x1, y0 = edges[0][0], min(e[2] for e in edges), rows[top].bbox[1]
        inside = [
            ch for ch in chars if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1 and y0 <= (ch["top"] + ch["bottom"]) / 2 <= foot
        ]
        if inside:
            from pdfplumber.utils import extract_text

            text = fold_radicals(extract_text(inside))
            placed[top][c] = ((x0, y0, x1, foot), Cell(text, 0, c + 1, f"页{page} 表{t} 行{top + 1} 格{c + 1}"))


def _text_at(chars: list[dict[str, Any]], box: BBox) -> str:
    """The text of the characters whose middles stand in `box`."""
    from pdfplumber.utils import extract_text

    return str(extract_text([ch for ch in chars if centred_in(ch, [box])]))


def _opening_labels(table: Any, grid: Grid, texts: dict[BBox, BBox]) -> list[int]:
    """The columns in which the first row of `grid` (the rows of the rebuilt `table` left after a header
    printed again) opens a block of a label merged down its rows (`Unruled.texts`)."""
    first = table.rows[len(table.rows) - len(grid.rows)].cells
    return [c for c, box in enumerate(first) if box is not None and tuple(box) in texts]


def _label_back(before: Grid, after: Grid, columns: list[int]) -> None:
    """The last rows of `before` (the page before's part of a table run on to `after`) that print no label
    in a label column of `after` belong to the block its first label heads: a label merged down rows a page
    break cuts is printed where the whole block's middle falls, and that is on this page."""
    for c in columns:
        label = after.rows[0].cells[c]
        for row in reversed(before.rows):
            if c >= len(row.cells) or not row.cells[c].blank:
                break
            row.cells[c] = label


def _carry_tails(grid: Grid, rest_of: dict[int, str]) -> None:
    """The rest of a merged cell printed inside the repeated header (`tails`) is the text of that cell on
    this page: the first row's blank cell in its column takes it."""
    if not grid.rows:
        return
    first = grid.rows[0]
    for col, text in rest_of.items():
        if col < len(first.cells) and first.cells[col].blank:
            first.cells[col] = replace(first.cells[col], text=text)


def _covering(placed: list[list[tuple[BBox, Cell] | None]], r: int, c: int, row_box: BBox) -> tuple[BBox, Cell] | None:
    mid_y = (row_box[1] + row_box[3]) / 2
    for rr in range(r, -1, -1):  # merged down from a row above
        slot = placed[rr][c] if c < len(placed[rr]) else None
        if slot is not None:
            if slot[0][3] >= mid_y:
                return slot
            break
    lefts = [row[c][0][0] for row in placed if c < len(row) and row[c] is not None]  # type: ignore[index]
    for cc in range(c - 1, -1, -1):  # merged across from the left
        slot = placed[r][cc]
        if slot is not None:
            # It must reach the column: a cell merged down over a page break, its text printed on the
            # next page, leaves its slots here empty beside a cell of its own (序号 | (一级) | 二级).
            return slot if not lefts or slot[0][2] > min(lefts) + _REACH else None
    return None
