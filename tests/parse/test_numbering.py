"""The parser's one vocabulary of item numbers (kpi_lint.parse.numbering), read on lines of real disclosures.

Each fragment is tried on the line of a wild file that prints the shape it stands for, and the fragments
that differ on purpose are shown apart on the text that tells them apart.
"""

from __future__ import annotations

import re
from pathlib import Path

from kpi_lint.parse.numbering import (
    CHINESE_NUMERAL,
    DIGIT,
    DIGIT_MARK,
    INDICATOR_NUMBER,
    NUMBER_END,
    NUMBER_STOP,
    NUMERAL_OR_DIGIT,
    ORDINAL,
    ORDINAL_LONG,
    PART_HEADING,
)
from kpi_lint.read.source import fold
from kpi_lint.vocab import strip_marks

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def _line(name: str, number: int) -> str:
    """Line `number` (1-based) of a wild file, full-width forms folded as the parser reads them."""
    return fold((WILD / name).read_text(encoding="utf-8").splitlines()[number - 1].strip())


def _opening(fragment: str, text: str) -> str | None:
    m = re.match(fragment, text)
    return m.group() if m else None


def test_each_shape_is_read_where_a_real_disclosure_prints_it() -> None:
    section = _line("b08_hebei_civilaffairs_selfeval.txt", 7)  # "一、基本情况 项目名称: …"
    assert _opening(rf"{CHINESE_NUMERAL}+{NUMBER_STOP}", section) == "一、"
    funds = _line("a06_sichuan_health_declaration.txt", 14)  # "(二)自有资金小计 0.00"
    assert _opening(rf"[(（]{ORDINAL}[)）]", funds) == "(二)"
    assert _opening(rf"[(（]{NUMERAL_OR_DIGIT}+[)）]", funds) == "(二)"
    assert _opening(DIGIT_MARK, funds) is None  # a Chinese numeral: a section's number, not a list item's
    row = _line("c05_sichuan_marketreg_selfeval.txt", 48)  # "指标5:药品不良反应每百万人口报告数 ≥150 150"
    assert _opening(rf"{INDICATOR_NUMBER}\s*{NUMBER_END}", row) == "指标5:"
    assert _opening(rf"{INDICATOR_NUMBER}\s*{NUMBER_STOP}", row) is None  # NUMBER_STOP takes no colon
    assert strip_marks(row.split()[0]) == "药品不良反应每百万人口报告数"
    part = _line("g09_guangxi_itops_target.txt", 8)  # "第三部分:专业名词解释"
    assert _opening(PART_HEADING, part) == "第三部分"


def test_the_fragments_that_differ_on_purpose_differ_where_their_names_say() -> None:
    # ORDINAL reads Chinese numerals of two characters at most, ORDINAL_LONG of three.
    assert [bool(re.fullmatch(ORDINAL, n)) for n in ("12", "十二", "二十", "二十一", "123")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert [bool(re.fullmatch(ORDINAL_LONG, n)) for n in ("12", "十二", "二十一", "123")] == [True, True, True, False]
    # DIGIT_MARK: a number in digits, closed by a bracket, 、 or a full stop.
    assert [_opening(DIGIT_MARK, t) for t in ("1.培训", "2、覆盖", "3)验收", "(4)满意度", "5.9%", "一、")] == [
        "1.",
        "2、",
        "3)",
        "(4)",
        "5.",
        None,
    ]
    assert DIGIT.search("覆盖率≥95%") is not None and DIGIT.search("群众满意度较高") is None
