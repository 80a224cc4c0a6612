"""KPI104 on a timeliness target that is a sentence opening with a figure (wild s01 "1-6期培训结束后及时考核"):
the message calls it a statement in words, not a count (finding_review sample 15, partly before)."""

from __future__ import annotations

from kpi_lint.config import Config
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.values import parse_value
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.rules.target.kpi104_value_type_mismatch import sentence_after_figure
from tests.corpus import CORPUS_DIR


def test_a_sentence_after_a_figure_is_not_a_count_in_the_message() -> None:
    doc = parse(CORPUS_DIR / "wild" / "s01_shanxi_nursingtraining_selfeval_ocr.txt")
    rule = rule_by_code("KPI104")
    assert rule is not None
    found = run_rules([doc], [rule], build_context([doc], Config()))
    found = [f for f in found if f.value == "1-6期培训结束后及时考核"]
    assert [f.message.split("：", 1)[0] for f in found] == [
        "“考核任务完成及时”的指标值“1-6期培训结束后及时考核”是带数字的文字表述，与时效指标不符"
    ]


def test_a_measure_word_with_a_short_counted_noun_is_still_a_unit() -> None:
    lexicon = load_lexicon()
    assert not sentence_after_figure(parse_value("≥50个行政村"), lexicon)
    assert not sentence_after_figure(parse_value("279家卫生室"), lexicon)
    assert not sentence_after_figure(parse_value("10320/年"), lexicon)
    assert sentence_after_figure(parse_value("暂定量按15次作业且总航时不少于30小时测算"), lexicon)
