"""Sample 62's two wording flaws (docs/notes/issue-11-sample62.md, "small flaws I left"), mended by their cause.

1. KPI102 told rows that already are rates ("正常使用率 | ≥95", "满意率 | ≥95" in 003) to "write a rate": they only
   lack the %. Where every counted row of a kind whose advice asks for a rate is one, the advice names them, asks for
   the % and says what the figure rests on.
2. KPI305 said "断在词中" of a name cut at a fixed width that ends on a whole function word ("城乡居民就医补助工作的"):
   jieba reads 的 as a word of its own, so the cut is mid-phrase.
"""

from __future__ import annotations

import pytest

from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.rules.text._cut_width import function_word_end
from tests.corpus import CORPUS_DIR, corpus_doc
from tests.rules.builder import build_document

_GENERAL_SATISFACTION = "满意度写调查得出的满意比例（如“≥90%”）"
_SATISFACTION_RATE = "补上“%”，按满意度调查的结果定值（如“≥90%”）"
_QUALITY_BASIS = "按历史达到的水平或行业标准定值"


def _by_line(key: str, code: str) -> dict[int, Finding]:
    doc = corpus_doc(key) if len(key) == 3 else parse(CORPUS_DIR / "wild" / key)
    rule = rule_by_code(code)
    assert rule is not None
    return {f.line: f for f in run_rules([doc], [rule], RuleContext(documents=[doc]))}


def test_003_rates_written_without_their_percent_are_told_to_add_it() -> None:
    found = _by_line("003", "KPI102")
    # 冀财社（2022）218: 正常使用率 and 满意率 both "≥95", the only 质量 and 满意度 rows counted
    usage = found[1993].message
    assert f"质量的“正常使用率”已是比率，补上“%”，{_QUALITY_BASIS}，时效写日期" in usage
    assert f"满意度的“满意率”已是比率，{_SATISFACTION_RATE}。" in usage
    assert "质量写比率" not in usage and _GENERAL_SATISFACTION not in usage
    # a name that prints its unit ("机关运转率（%）") needs no % in the value: only the basis
    assert f"质量的“机关运转率（%）”已是比率，{_QUALITY_BASIS}" in found[2256].message
    # a row named as the kind itself is not quoted against it ("满意度 | ≥95")
    assert f"满意度已是比率，{_SATISFACTION_RATE}" in found[1686].message
    assert "满意度的“满意度”" not in found[1686].message


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (1686, "提高服务质量"),  # no rate at all
        (1771, "提高工作效率"),  # ends with 率 but opens with a direction word: an aim, not a measured rate
        (2426, "信息系统故障发生率"),  # lower is better: "≥95%" would point the wrong way
    ],
)
def test_003_a_quality_row_that_is_no_higher_is_better_rate_keeps_the_general_advice(line: int, row: str) -> None:
    message = _by_line("003", "KPI102")[line].message
    assert "质量写比率" in message and f"“{row}”已是比率" not in message and "质量的“" not in message


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("f02_ningxia_cdc_approval.txt", 36),  # "服务对象满意度 | 100%": the % is written
        ("h01_hebei_edu_selfeval.txt", 323),  # "学生满意度 | 100": with a % it is everyone, no survey's pass mark
    ],
)
def test_a_satisfaction_value_that_is_no_bare_pass_mark_keeps_the_survey_advice(name: str, line: int) -> None:
    message = _by_line(name, "KPI102")[line].message
    assert message.endswith(f"{_GENERAL_SATISFACTION}。") and "已是比率" not in message


def test_001_a_name_cut_after_a_function_word_is_cut_mid_phrase() -> None:
    found = _by_line("001", "KPI305")
    for line in (743, 790):  # the 实施期 cell "城乡居民就医补助工作的", at the column's 11 characters
        message = found[line].message
        assert "的“城乡居民就医补助工作的”也不完整" in message
        assert "它正好11个字、断在短语中（停在虚词“的”上）。" in message and "、断在词中。" not in message
        assert "且多个断在词中（按定宽截断）" in message  # most of the column's cut names stop inside a word
    # "城乡居民县级财政补助参" stops inside 参保/参加: still mid-word
    assert "它正好11个字、断在词中。" in found[716].message


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("城乡居民就医补助工作的", "的"),
        ("困难群众救助补助和", "和"),
        ("城乡居民县级财政补助参", None),  # a word cut in two
        ("提升城乡居民医疗保障水", None),
        ("基本普及", None),  # 及 closes the word 普及
    ],
)
def test_function_word_end_tells_a_whole_particle_from_a_cut_word(text: str, word: str | None) -> None:
    assert function_word_end(text, "的和及与或、，,") == word


def test_a_column_whose_cut_names_mostly_stop_on_function_words_is_not_said_to_stop_inside_words() -> None:
    """Fewer than three of the 实施期 column's cut names stop inside a word (the others on 的, 和): the message does
    not claim that several stop inside a word, and names the function word the fuller cell ends on."""
    rows = [
        ["实施期", "产出指标", "数量指标", "城乡居民县级财政补助参", "71707人"],
        ["实施期", "产出指标", "时效指标", "城乡居民就医补助工作的", "≥98%"],
        ["实施期", "效益指标", "社会效益指标", "提升城乡居民医疗保障和", "提升"],
        ["年度", "效益指标", "社会效益指标", "提升城乡居民医", "提升"],
    ]
    doc = build_document({"project": {"indicators": rows}})
    rule = rule_by_code("KPI305")
    assert rule is not None
    [cut] = [f for f in run_rules([doc], [rule], RuleContext(documents=[doc])) if "按定宽截断" in f.message]
    assert cut.level3 == "提升城乡居民医"
    assert "且多个断在词中或短语中（按定宽截断），它正好11个字、断在短语中（停在虚词“和”上）。" in cut.message
