"""Hand-made projects and findings for the score unit tests (built with the rule-case builder)."""

from __future__ import annotations

from typing import Any

from kpi_lint.model import Document
from kpi_lint.rules.base import Finding, Severity
from tests.rules.builder import build_document

# A one-year 申报表 with concrete targets in every expected category and a cost breakdown
# that adds up to its funds (modelled on 002's first project).
GOOD_ROWS: list[list[Any]] = [
    ["实施期", "产出指标", "数量指标", "培训次数", "≥2次"],
    ["实施期", "产出指标", "数量指标", "印刷数量", "≥10000份"],
    ["实施期", "产出指标", "质量指标", "医保信息系统正常运行率", "≥90%"],
    ["实施期", "产出指标", "时效指标", "任务完成时间", "不晚于2023年年底"],
    ["实施期", "产出指标", "成本指标", "培训费", "30000元"],
    ["实施期", "产出指标", "成本指标", "印刷费", "120000元"],
    ["实施期", "效益指标", "社会效益指标", "参保重要政策知晓率", "≥90%"],
    ["实施期", "满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%"],
]


def project(rows: list[list[Any]] | list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": fields.pop("name", "测试项目"),
        "duration": "1年",
        "legal_basis": "吕财社（2023）25号",
        "funds": [["实施期", "总额", 150000, "元"]],
        "indicators": rows,
    }
    raw.update(fields)
    return raw


def document(*projects: dict[str, Any], path: str = "case.txt") -> Document:
    return build_document({"projects": list(projects)}, path=path)


def finding(
    doc: Document,
    code: str,
    *,
    project: int = 0,
    row: int | None = None,
    severity: Severity = Severity.WARNING,
    name: str | None = None,
) -> Finding:
    """A finding on the project (or on one of its rows), located like a rule would locate it."""
    proj = doc.projects[project]
    ind = proj.indicators[row] if row is not None else None
    line, column = ind.span("level3") if ind else (proj.line, proj.column)
    return Finding(
        code=code,
        name=name or code.lower(),
        severity=severity,
        message="测试",
        path=doc.path,
        line=line,
        column=column,
        project=proj.name,
        level3=ind.level3 if ind else None,
        value=ind.value if ind else None,
    )
