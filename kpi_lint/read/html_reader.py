"""Web pages (.html) → blocks, with lxml: tables with rowspan/colspan, and the text around them.

Old government sites lay pages out with tables: a table inside another one is read as a grid of
its own, and the outer cell that holds it keeps only its own text.
"""

from __future__ import annotations

from kpi_lint.grid import Block, Cell, Grid, Paragraph, Row


def read_html(text: str) -> list[Block]:
    import lxml.html

    root = lxml.html.fromstring(text)
    blocks: list[Block] = []
    counter = {"line": 0, "table": 0}
    for element in root.iter("table", "p", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "title"):
        if element.tag != "table" and any(a.tag == "table" for a in element.iterancestors()):
            continue  # a paragraph inside a table cell: read with the cell
        if element.tag == "table":
            counter["table"] += 1
            blocks.append(_table(element, counter))
        else:
            words = " ".join(element.text_content().split())
            if words:
                counter["line"] += 1
                blocks.append(Paragraph(words, counter["line"], 1, f"段落{counter['line']}"))
    return blocks


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _table(table: object, counter: dict[str, int]) -> Grid:
    t = counter["table"]
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]  # type: ignore[attr-defined]
    matrix: list[list[Cell | None]] = [[] for _ in rows]
    lines = []
    for r, tr in enumerate(rows):
        counter["line"] += 1
        lines.append(counter["line"])
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while c < len(matrix[r]) and matrix[r][c] is not None:
                c += 1
            rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
            text = "\n".join(" ".join(line.split()) for line in _own_text(td).splitlines() if line.strip())
            cell = Cell(text, counter["line"], c + 1, f"表{t} 行{r + 1} 格{c + 1}", rs, cs)
            for rr in range(r, min(r + rs, len(rows))):
                row = matrix[rr]
                while len(row) < c + cs:
                    row.append(None)
                for cc in range(c, c + cs):
                    row[cc] = cell
            c += cs
    width = max((len(r) for r in matrix), default=0)
    for row in matrix:
        row.extend([None] * (width - len(row)))
    grid = Grid(anchor=f"表{t}")
    for r, row in enumerate(matrix):
        cells = [cell or Cell("", lines[r], i + 1, f"表{t} 行{r + 1} 格{i + 1}") for i, cell in enumerate(row)]
        grid.rows.append(Row(cells, ruled=True))
    return grid


def _owner(tr: object) -> object:
    for ancestor in tr.iterancestors():  # type: ignore[attr-defined]
        if ancestor.tag == "table":
            return ancestor
    return None


def _own_text(td: object) -> str:
    """The text of a cell without the text of tables nested in it (those are grids of their own)."""
    parts: list[str] = []

    def walk(node: object) -> None:
        if getattr(node, "tag", None) == "table" and node is not td:
            if getattr(node, "tail", None):
                parts.append(node.tail)  # type: ignore[attr-defined]
            return
        if getattr(node, "text", None):
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            walk(child)
        if node is not td and getattr(node, "tail", None):
            parts.append(node.tail)  # type: ignore[attr-defined]

    walk(td)
    return "".join(parts)
