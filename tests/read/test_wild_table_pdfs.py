"""Real tables printed to PDF by LibreOffice read to their hand-checked rows.

tests/fixtures/wild_tables/build.py prints the tables of five wild texts as ruled Word tables, typed
row by row from the left edge: cells wrapped over many lines, tables broken across pages.  Each PDF
must give the wild file's hand-checked rows, and each value its page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows, score

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted((ROOT / "tests" / "fixtures" / "wild_tables").glob("*.pdf"))


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem[:3])
def test_a_real_table_printed_to_pdf_reads_its_hand_checked_rows(pdf: Path) -> None:
    doc = parse(pdf)
    expected = expected_rows(ROOT / "corpus" / "wild" / "expected" / f"{pdf.stem}.csv")
    assert score(parsed_rows(doc), expected).f1 == 1.0
    assert all((ind.anchor("value") or "").startswith("页") for ind in doc.indicators if ind.value)


def test_a_row_cut_by_a_page_break_is_one_row() -> None:
    """m08's last row starts at the foot of one page (完成安可 | = | 100) and its name goes on at the
    top of the next: the two pieces are one name, placed where it begins."""
    doc = parse(ROOT / "tests" / "fixtures" / "wild_tables" / "m08_sichuan_justice_selfeval.pdf")
    row = next(i for i in doc.indicators if (i.level3 or "").startswith("完成安可"))
    assert row.level3 == "完成安可产品购买并按要求支付资金"
    assert row.value == "=100"
    assert row.anchor("level3") == "页3 表1 行7 格3"  # where the name begins, at the foot of page 3
    assert len(PDFS) == 5


def test_labels_cut_by_a_page_break_are_joined() -> None:
    """k02's 成本指标 row breaks across pages 1 and 2: "成本指 | 经济成 | 0 | 0.00%" at the foot, "标(0-20)分 |
    本指标 | … | 施相关项目…" at the top.  The pieces spell 成本指标(0-20)分 and 经济成本指标: one row,
    whose labels are read, not a row named "成本指"."""
    doc = parse(ROOT / "tests" / "fixtures" / "wild_tables" / "k02_chongqing_emergency_approval.pdf")
    assert not any((i.level3 or "").startswith(("成本指", "标(0")) for i in doc.indicators)
    expected = expected_rows(ROOT / "corpus" / "wild" / "expected" / "k02_chongqing_emergency_approval.csv")
    assert score(parsed_rows(doc), expected).f1 == 1.0
