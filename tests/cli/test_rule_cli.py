"""`kpi-lint rule`: each rule's documentation and the catalog."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.rules.registry import all_rules

EVERY_CODE = tuple(rule.code for rule in all_rules())
GUIDANCE = ("财预〔2015〕88号", "财预〔2020〕10号", "财预〔2021〕101号")


def test_rule_prints_header_options_and_doc() -> None:
    result = CliRunner().invoke(app, ["rule", "kpi102"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "KPI102 目标值千篇一律（boilerplate-target；默认级别：警告 warning；族：target）"
    assert lines[1] == "评分：相关性与合理性 每条扣 15 分，每个项目至多 15 分"
    assert lines[2] == "选项（[tool.kpi-lint.rules.KPI102]）：share = 0.6，min_rows = 4"
    for heading in ("**做什么**", "**为什么不好**", "**示例**", "**改为**"):
        assert heading in result.stdout


@pytest.mark.parametrize("code", EVERY_CODE)
def test_every_rule_doc_has_the_four_parts_and_cites_guidance(code: str) -> None:
    result = CliRunner().invoke(app, ["rule", code])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith(f"{code} ") and "默认级别" in text
    for heading in ("**做什么**", "**为什么不好**", "**示例**", "**改为**"):
        assert heading in text, f"{code} doc lacks {heading}"
    assert any(g in text for g in GUIDANCE), f"{code} doc cites no guidance"
    assert "默认级别：" in text


def test_all_lists_the_catalog() -> None:
    result = CliRunner().invoke(app, ["rule", "--all"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(all_rules())
    row = re.compile(r"^(KPI\d{3})\s+(\S+?)\u3000*\s+(\S+)\s+(error|warning|info)\s+(\S+ [\d.]+/[\d.]+|文件级)\s+(.+)$")
    rows = [row.match(line) for line in lines]
    assert all(rows), [line for line, row in zip(lines, rows, strict=True) if not row]
    table = {m.group(1): (m.group(2), m.group(3), m.group(4), m.group(5)) for m in rows if m}
    assert table["KPI101"] == ("目标值含糊", "vague-target", "warning", "可衡量性 4/20")
    assert table["KPI201"] == ("缺少成本指标", "missing-cost-indicator", "error", "完整性 15/15")
    assert table["KPI204"] == ("指标数与声明不符", "declared-count-mismatch", "error", "文件级")
    assert set(EVERY_CODE) <= set(table)


@pytest.mark.parametrize("key", ["KPI303", "kpi303", "copied-across-projects", "跨项目照搬指标", " 跨项目照搬指标 "])
def test_rule_is_found_by_code_name_or_chinese_name(key: str) -> None:
    result = CliRunner().invoke(app, ["rule", key])
    assert result.exit_code == 0
    assert result.stdout.startswith("KPI303 跨项目照搬指标（copied-across-projects；")


@pytest.mark.parametrize("args", [["rule", "KPI999"], ["rule", "vague"], ["rule"]])
def test_unknown_or_missing_code_exit_2_one_line(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("kpi-lint: 错误: ")
    assert result.stdout == ""


def test_readme_lists_every_rule() -> None:
    """The catalog table in README.md names every rule, with its kebab name and Chinese title."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| {rule.code} | `{rule.name}` | {rule.title_zh} |" in readme, rule.code
