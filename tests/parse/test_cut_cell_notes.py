"""Every wild excerpt that stops inside a table cell: the cell is reported once, at its place, and no rule judges it.

The list is that of `bench/cut_cells.py` over corpus/wild (17 files; docs/notes/issue-findings-cut-cell.md).
"""

from __future__ import annotations

from functools import cache

import pytest

from kpi_lint.errors import InputError
from kpi_lint.model import Document, Project
from kpi_lint.parse import parse
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from tests.corpus import CORPUS_DIR

_SAID = "原文停在最后一格"

# stem → (the cut cell's line and column, its text as the note quotes it, the row field read from it or None)
CUT = {
    "aa03": ((22, 17), "15", "value"),  # "| 成本指标 | 补助标准 | 15", no closing `|`
    "b02": ((149, 1), ">=9", "value"),  # one cell per line, each closed by " |"; the last, under 满意度, is not
    "b05": ((17, 38), "10", "weight"),
    "c07": ((13, 13), "1", "value"),
    "d04": ((22, 16), "1座", "value"),
    "e01": ((123, 1), "解", "value"),
    "f01": ((16, 34), "减", "value"),
    "g04": ((20, 37), "…度评价报告列示的主要问题(项目库里直接录", None),  # 最近年度绩效评价情况: no indicator row
    "g10": ((3, 357), "0.110公益林提供管", "actual"),
    "j15": ((23, 65), "是否达到国", "level3"),
    "n01": ((26, 19), "在网络上设置读者满意度调查", "value"),
    "n05": ((20, 443), "服务范", "actual"),
    "p10": ((26, 18), "100", "value"),
    "q04": ((24, 19), "同比2022年销量显著提", "value"),
    "r04": ((1, 732), "≥3个", "value"),
    "r06": ((1, 793), "正向指标", None),  # the 指标方向性 cell, read into no field of the row
    "x03": ((5, 72), "训", "value"),
}


@cache
def _doc(stem: str) -> Document:
    (path,) = sorted((CORPUS_DIR / "wild").glob(f"{stem}_*.txt"))
    return parse(path)


def _cut_project(doc: Document) -> Project:
    (project,) = [p for p in doc.projects if p.cut_cell is not None]
    return project


def test_these_are_all_the_wild_excerpts_that_stop_inside_a_cell() -> None:
    stems = set()
    for path in sorted((CORPUS_DIR / "wild").glob("*.txt")):
        try:
            doc = parse(path)
        except InputError:
            continue  # l03: no table at all
        if any(p.cut_cell is not None for p in doc.projects):
            stems.add(path.name.split("_")[0])
    assert stems == set(CUT)


@pytest.mark.parametrize("stem", sorted(CUT))
def test_the_cell_the_text_stops_inside_is_reported_once_at_its_place(stem: str) -> None:
    place, text, field = CUT[stem]
    doc = _doc(stem)
    project = _cut_project(doc)
    assert project.cut_cell == place
    (note,) = [n for n in (*doc.problems, *doc.notes) if _SAID in n.message]
    assert (note.line, note.column, note.severity) == (*place, "warning")
    assert f"{_SAID}“{text}”中，这一格可能没有写完" in note.message
    fields = [name for ind in project.indicators for name in ind.spans if project.cut_in(ind, name)]
    assert fields == ([field] if field else [])


@pytest.mark.parametrize("stem", ["b02", "n01", "g04"])
def test_a_table_that_reached_its_last_category_says_where_the_text_stops(stem: str) -> None:
    # Nothing else is reported lost (the table reached 满意度, or its rows ended before the form's last field): the
    # cut cell is the only thing said, in a warning of its own.
    project = _cut_project(_doc(stem))
    assert not project.cut_off
    (note,) = [n for n in _doc(stem).notes if n.line == CUT[stem][0][0]]
    assert note.message.startswith(f"表格在第{CUT[stem][0][0]}行随文本结束：{_SAID}")


def test_a_table_already_reported_cut_names_its_cell_in_the_same_warning() -> None:
    # aa03: the one warning says both what may lie beyond the break and that "15" may be unfinished, at the cell
    notes = _doc("aa03").notes
    (note,) = [n for n in notes if n.line == 22]
    assert note.message.startswith("表格在第22行后随文本结束，最后读到的是“成本指标”")
    assert (note.line, note.column) == (22, 17) and f"{_SAID}“15”中" in note.message


def test_a_glued_line_cut_inside_its_footnote_cuts_no_cell() -> None:
    # e02's last glued line runs "…市民满意度调查290%100%说明无注:1、其他资金包括…的自": the text stops inside the
    # footnote after the table; the actual "100%" read before it is whole.
    doc = parse(next((CORPUS_DIR / "wild").glob("e02_*.txt")))
    assert all(p.cut_cell is None for p in doc.projects)
    assert not [n for n in doc.notes if _SAID in n.message]
    assert doc.projects[-1].indicators[-1].actual == "100%说明无"


def test_no_rule_judges_a_cut_cell() -> None:
    # The rules' findings on the 17 documents: none at a cut cell (the KPI000 warning is the one thing said there).
    docs = [_doc(stem) for stem in sorted(CUT)]
    found = run_rules(docs, list(all_rules()), RuleContext(documents=docs))
    places = {(doc.path, *CUT[stem][0]) for stem, doc in zip(sorted(CUT), docs, strict=True)}
    assert found  # the rules ran and found other things in these documents
    assert not [f for f in found if (f.path, f.line, f.column) in places]
