"""Web pages (.html) → blocks, with lxml: tables with rowspan/colspan, and the text around them.

Old government sites lay pages out with tables: a table inside another one is read as a grid of
its own, and the outer cell that holds it keeps only its own text.
"""

from __future__ import annotations

from kpi_lint.grid import Block, Cell, Grid, Paragraph, Row
from kpi_lint.lazy_re import lazy_compile

# An XHTML page's XML declaration: lxml refuses a decoded text that still names its encoding.
_XML_DECLARATION = lazy_compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


# Elements that begin a line of their own; text in any other element runs on in the line around it.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "center",
        "section",
        "article",
        "blockquote",
        "pre",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "form",
        "fieldset",
        "address",
        "body",
        "html",
        "ul",
        "ol",
        "dl",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
    }
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


def read_html(text: str) -> list[Block]:
    """The page's tables as grids and its other text as paragraphs, in page order: a line for each
    block element's own text (a CMS puts titles and "项目名称：…" in <div>s and <br>-separated lines,
    not only in <p>s)."""
    import lxml.html

    root = lxml.html.fromstring(_XML_DECLARATION.sub("", text, count=1))
    blocks: list[Block] = []
    counter = {"line": 0, "table": 0}
    title = root.find(".//title")
    if title is not None:
        _add_lines(blocks, counter, [title.text_content()])
    lines: list[str] = [""]
    body = root.find(".//body")
    _walk(body if body is not None else root, blocks, counter, lines)
    _flush(blocks, counter, lines)
    return blocks


# The walks are functions of the module, not closures of their callers: a recursive closure refers to
# itself, a reference cycle that would hold what it gathers until a full pass of the cyclic collector.
def _flush(blocks: list[Block], counter: dict[str, int], lines: list[str]) -> None:
    _add_lines(blocks, counter, lines)
    lines[:] = [""]


def _walk(node: object, blocks: list[Block], counter: dict[str, int], lines: list[str]) -> None:
    tag = getattr(node, "tag", None)
    if not isinstance(tag, str) or tag in _SKIPPED_TAGS:
        if getattr(node, "tail", None):
            lines[-1] += node.tail  # type: ignore[attr-defined]
        return
    if tag == "table":
        _flush(blocks, counter, lines)
        for table in node.iter("table"):  # type: ignore[attr-defined]
            counter["table"] += 1  # a table laid out inside another one's cell: a grid of its own
            blocks.append(_table(table, counter))
    else:
        block = tag in _BLOCK_TAGS
        if block:
            _flush(blocks, counter, lines)
        if tag == "br":
            lines.append("")
        if getattr(node, "text", None):
            lines[-1] += node.text  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            _walk(child, blocks, counter, lines)
        if block:
            _flush(blocks, counter, lines)
    if getattr(node, "tail", None):
        lines[-1] += node.tail  # type: ignore[attr-defined]


def _add_lines(blocks: list[Block], counter: dict[str, int], lines: list[str]) -> None:
    for line in lines:
        words = " ".join(line.split())
        if words:
            counter["line"] += 1
            blocks.append(Paragraph(words, counter["line"], 1, f"段落{counter['line']}"))


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
    grid = Grid(anchor=f"表{t}")
    for r, row in enumerate(matrix):
        # A row shorter than the table, with no span reaching its end, lost cells somewhere (a page
        # built without rowspan, its merged 一级/二级 cells left out): it is read as a row of text is,
        # by what its cells hold, not by position.
        ragged = len(row) < width
        cells = [cell or Cell("", lines[r], i + 1, f"表{t} 行{r + 1} 格{i + 1}") for i, cell in enumerate(row)]
        if not ragged:
            grid.rows.append(Row(cells, ruled=True))
        elif any(not c.blank for c in cells):
            grid.rows.append(Row(cells, ruled=False))
    return grid


def _owner(tr: object) -> object:
    for ancestor in tr.iterancestors():  # type: ignore[attr-defined]
        if ancestor.tag == "table":
            return ancestor
    return None


def _own_text(td: object) -> str:
    """The text of a cell without the text of tables nested in it (those are grids of their own)."""
    parts: list[str] = []
    _own_parts(td, td, parts)
    return "".join(parts)


def _own_parts(node: object, td: object, parts: list[str]) -> None:
    """`_own_text`'s walk from `node` inside the cell `td` (a function of the module: see `_walk`)."""
    if getattr(node, "tag", None) == "table" and node is not td:
        if getattr(node, "tail", None):
            parts.append(node.tail)  # type: ignore[attr-defined]
        return
    if getattr(node, "text", None):
        parts.append(node.text)  # type: ignore[attr-defined]
    for child in node:  # type: ignore[attr-defined]
        _own_parts(child, td, parts)
    if node is not td and getattr(node, "tail", None):
        parts.append(node.tail)  # type: ignore[attr-defined]
