"""Lines of a ruled PDF cell that the cell's width wrapped, joined back into one text.

A table printed into narrow columns wraps its words at the cell's right edge ("目标" ⏎ "值",
"130.5" ⏎ "4"); pdfplumber gives each printed line of a cell on its own line.  A line break is a wrap
when the next line's first word would not have fitted after the line above, within the cell's inner
width (the cell's box less the padding its text keeps on the left, taken as the same on the right).
A line that stops short of the edge before a word that would have fitted ends where its writer ended
it, and keeps its break.  A table printed without rulings shows no cell edge: there the right edge of
a column is where its widest printed line ends.
"""

from __future__ import annotations

from typing import Any

BBox = tuple[float, float, float, float]
_SAME_LINE = 3.0  # points: chars whose tops differ by less are on one printed line (pdfplumber's y_tolerance)
_SLACK = 1.0  # points of rounding allowed at the right edge


Char = dict[str, Any]
Lines = list[list[Char]]


def table_lines(boxes: list[list[BBox | None]], chars: list[Char]) -> dict[tuple[int, int], Lines]:
    """The printed lines of each cell of a table, by (row, column) index."""
    if not chars:
        return {}
    top = min((b[1] for row in boxes for b in row if b), default=0.0)
    bottom = max((b[3] for row in boxes for b in row if b), default=0.0)
    near = [ch for ch in chars if top <= (ch["top"] + ch["bottom"]) / 2 <= bottom]
    return {
        (r, c): _printed_lines(bbox, near)
        for r, row in enumerate(boxes)
        for c, bbox in enumerate(row)
        if bbox is not None
    }


def column_edges(lines: dict[tuple[int, int], Lines]) -> dict[int, float]:
    """Where the widest printed line of each column ends: the column's right edge in a table whose
    cells have no rulings."""
    edges: dict[int, float] = {}
    for (_, c), cell in lines.items():
        for line in cell:
            edges[c] = max(edges.get(c, 0.0), line[-1]["x1"])
    return edges


def unwrapped(text: str, bbox: BBox, lines: Lines, right: float | None = None) -> str:
    """`text` (a cell's lines as pdfplumber extracts them) with each wrapped line break removed; the
    text as given when its lines cannot be matched to the cell's printed `lines`.  `right`: where the
    cell's lines can end, when no ruling shows the cell's box."""
    parts = text.split("\n")
    if len(parts) < 2 or len(lines) != len(parts):
        return text
    limit = right if right is not None else _inner_right(bbox, lines)
    out = parts[0]
    for above, line, part in zip(lines, lines[1:], parts[1:], strict=False):
        wrapped = above[-1]["x1"] + _first_word_width(line) > limit - _SLACK
        if not wrapped:
            out += "\n" + part
        elif out[-1:].isascii() and out[-1:].isalpha() and part[:1].isascii() and part[:1].isalpha():
            out += " " + part  # Latin words wrap at the space between them
        else:
            out += part
    return out


def wraps_into(bbox: BBox, lines: Lines, below: list[Char]) -> bool:
    """The cell of box `bbox` and printed `lines` had no room left on its last line for the first word
    of `below` (a line printed elsewhere, the top of the next page): its text wrapped there."""
    return bool(lines and below) and lines[-1][-1]["x1"] + _first_word_width(below) > _inner_right(bbox, lines) - _SLACK


def _inner_right(bbox: BBox, lines: Lines) -> float:
    """Where a ruled cell's lines can end: its right edge less the padding its text keeps on the left."""
    left = min(line[0]["x0"] for line in lines)
    return bbox[2] - max(left - bbox[0], 0.0)


def _printed_lines(bbox: BBox, chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The printed characters centred inside `bbox`, as lines from top to bottom, each left to right."""
    inside = sorted(
        (
            ch
            for ch in chars
            if str(ch.get("text", "")).strip()
            and bbox[0] <= (ch["x0"] + ch["x1"]) / 2 <= bbox[2]
            and bbox[1] <= (ch["top"] + ch["bottom"]) / 2 <= bbox[3]
        ),
        key=lambda ch: (ch["top"], ch["x0"]),
    )
    lines: list[list[dict[str, Any]]] = []
    for ch in inside:
        if lines and abs(ch["top"] - lines[-1][0]["top"]) < _SAME_LINE:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [sorted(line, key=lambda ch: ch["x0"]) for line in lines]


def _first_word_width(line: list[dict[str, Any]]) -> float:
    """The width of the line's first unbreakable piece: one Chinese character, or a run of Latin
    letters and figures printed without a gap, with the opening signs before it and the closing signs
    after it (a line may not end on "“" nor begin with "、": "收" ⏎ "入。" wraps as "入。")."""
    k = 0
    while k < len(line) - 1 and str(line[k]["text"]) in _OPENING:
        k += 1
    end = line[k]["x1"]
    if not _breaks_anywhere(str(line[k]["text"])):
        while k + 1 < len(line):
            ch = line[k + 1]
            if _breaks_anywhere(str(ch["text"])) or ch["x0"] - end > 0.25 * (ch["x1"] - ch["x0"]):
                break
            k += 1
            end = ch["x1"]
    while k + 1 < len(line) and str(line[k + 1]["text"]) in _CLOSING:
        k += 1
        end = line[k]["x1"]
    return end - line[0]["x0"]


_OPENING = set("“‘（(《〈「『【〔[{")
_CLOSING = set("，。、；：！？）)》〉」』】〕]}”’,.;:!?%％")


def _breaks_anywhere(text: str) -> bool:
    """A character a line may break before or after (CJK ideographs, kana, full-width signs)."""
    return bool(text) and ord(text[0]) >= 0x2E80
