"""A real document changed the way copies, saves and typing change text (tests/wild/test_copy_habits.py,
tests/parse/test_csv_tables.py, tests/read/test_html_rows_without_spans.py, bench/copy_habits.py)."""

from __future__ import annotations

import csv
import html
import io
import re

_EDGE_BARS = re.compile(r"^\|\s*|\s*\|$")
_FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def padded(text: str) -> str:
    """Every line padded with spaces, blank ones too (a web page's cells end in &nbsp;)."""
    return "\n".join(line + "   " for line in text.split("\n"))


def paged(text: str) -> str:
    """"第 N 页 共 9 页" printed every 15 lines, wherever that falls."""
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
