"""A self-evaluation report that states its indicators in sentences and prints no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.parse import parse


def test_sentences_naming_target_and_actual_are_read_with_their_category(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "二、绩效目标完成情况\n"
        "(1)时效目标:人才驿站补助资金到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前,目标完成率为100%,"
        "(2)成本目标:项目资金投入绩效目标值是10万元,实际完成值为0万元,目标完成率为0%,\n"
        "3.质量指标。补助发放准确率指标为100%实际完成值为98%慰问对象覆盖率指标为100%实际完成值为100%\n",
        encoding="utf-8",
    )
    (project,) = parse(report).projects
    rows = [(i.level2, i.level3, i.value, i.actual) for i in project.indicators]
    assert rows == [
        ("时效指标", "人才驿站补助资金到位时间", "2023年12月前", "2023年12月前"),
        ("成本指标", "项目资金投入", "10万元", "0万元"),
        ("质量指标", "补助发放准确率", "100%", "98%"),
        ("质量指标", "慰问对象覆盖率", "100%", "100%"),
    ]
    first = project.indicators[0]
    assert (first.spans["level3"].line, first.spans["level3"].column) == (2, 9)
    assert (first.spans["actual"].line, first.spans["actual"].column) == (2, 43)


def test_a_report_without_such_sentences_still_has_no_table(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    text = "2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元。\n资金到位率为100%。\n"
    report.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="没有找到可解析的绩效目标表"):
        parse(report)
