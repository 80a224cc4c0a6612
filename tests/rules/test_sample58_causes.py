"""The causes the blind judge of finding-review sample 58 found, on the wild documents where it found them.

k01's KPI403 (a lump cost multiplied by an unrelated count) is in test_corpus_consistency.py; the YAML cases of
KPI102, KPI103 and KPI205 hold each mechanism on made-up rows.
"""

from __future__ import annotations

from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext, Severity
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR


def _wild(name: str, code: str) -> list[Finding]:
    doc = parse(CORPUS_DIR / "wild" / name)
    rule = rule_by_code(code)
    assert rule is not None
    return run_rules([doc], [rule], RuleContext(documents=[doc]))


def test_h01_the_advice_is_that_of_the_rows_quoted() -> None:
    (found,) = _wild("h01_hebei_edu_selfeval.txt", "KPI102")
    assert (found.line, found.column) == (323, 1)
    assert "（“学校发展能力”、“长期使用性”、“学生满意度”）" in found.message  # every row counted: no 等
    assert "效益写可核查的变化及其幅度" in found.message and "满意度写调查得出的满意比例" in found.message
    assert "数量写实际数量" not in found.message and "成本写金额" not in found.message


def test_aa03_a_value_cut_inside_its_cell_lacks_no_unit() -> None:
    assert not [f for f in _wild("aa03_hunan_ruralrevival_yulu_declaration.txt", "KPI103") if f.line == 22]


def test_g08_the_places_whose_unit_only_the_hint_carries_are_named() -> None:
    (found,) = _wild("g08_ningxia_township_target.txt", "KPI205")
    assert (found.line, found.column) == (7, 6)
    assert found.severity is Severity.WARNING
    assert "共 8 处" in found.message and "删去即可" in found.message
    assert "有 2 处指标值的单位只在提示里" in found.message
    assert "“种植作物成活率(≥**%)”的“>=85”应写成“≥85%”" in found.message
    assert "“≤28.40/株”应写成“≤28.40元/株”" in found.message


def test_b02_a_value_cut_with_the_text_is_not_completed_from_the_hint() -> None:
    # b02 ends with "★受助对象满意度(≥**%) | 10 | >=9", the last cell not closed: ">=9" is likely ">=90%" cut; the
    # hint's % is not said to belong after the 9, and the other 9 hints beside full targets are a leftover (info).
    (found,) = _wild("b02_anhui_civilaffairs_selfeval.txt", "KPI205")
    assert found.severity is Severity.INFO and "删去即可" in found.message
    assert "单位只在提示里" not in found.message and "≥9%" not in found.message
