"""Build small Documents from the YAML rule cases (tests/rules/KPINNN.yml).

Case file schema (one file per rule)::

    rule: KPI101
    cases:
      - name: vague quality target            # what the case is
        why: 提高 has no measurable content    # why it must fail / pass
        expect: fail                          # fail | pass
        findings: 1                           # optional: exact number of findings (fail only)
        document: {declared_projects: 6}      # optional document fields (problems: [[line, message]])
        project:                              # one project (or `projects:` a list of them)
          name: 测试项目
          form: 申报表                        # 申报表 | 目标表 | 自评表 (default 申报表)
          overview: ...                       # optional text fields, see TEXT_FIELDS
          goals: {实施期: ..., 年度: ...}
          funds: [[实施期, 总额, 150000, 元]]  # period, source, amount, unit
          execution: {full_year: 89.614, executed: 77.659, rate: 86.66, score: 8.67, weight: 10}
          total_score: "93.67"
          grade: 优
          narrative: [[预算数, 160, 万元]]     # name, value, unit
          empty: [[年度, 产出指标, 成本指标]]  # printed-but-empty 二级 categories
          in_prose: true                      # optional: the rows were read from sentences (a report)
          indicators:
            - [实施期, 产出指标, 质量指标, 参保率, "≥95%"]     # period, level1, level2, level3, value
            - {period: null, level2: 数量指标, level3: 宣传资料印刷份数, value: ≥2万份,
               actual: ≥0.71万份, weight: 5, score: 5}

Lines are synthetic: the project sits on line 1, indicators on lines 10, 11, …

Instead of `project:`, a case may give the raw table text as printed (`source:`), which the real
parser reads, and where each finding must point (`at: [[line, column], …]`), so that text → finding
is tested end to end, as sqlfluff's rule fixtures do::

      - name: vague value in a copied web table
        why: …
        expect: fail
        source: "项目名称\t…\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t时效指标\t补助时间\t全年\n"
        at: [[4, 20]]
"""

from __future__ import annotations

from typing import Any

from kpi_lint.model import (
    Document,
    EmptyCategory,
    Execution,
    Form,
    FundItem,
    Indicator,
    Layout,
    Located,
    NarrativeFigure,
    ParseProblem,
    Project,
)
from kpi_lint.parse.values import parse_value

TEXT_FIELDS = (
    "title",
    "department",
    "implementer",
    "attribute",
    "duration",
    "overview",
    "legal_basis",
    "necessity",
    "measures",
    "plan",
    "target_text",
    "actual_summary",
    "total_score",
    "grade",
)
INDICATOR_FIELDS = (
    "period",
    "level1",
    "level2",
    "level3",
    "value",
    "description",
    "basis",
    "adjusted_value",
    "actual",
    "weight",
    "score",
    "deviation",
)
_LEVEL1_OF = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}


def _indicator(raw: Any, path: str, project: str, form: Form, line: int) -> Indicator:
    if isinstance(raw, list):
        period, level1, level2, level3, value = (list(raw) + [None] * 5)[:5]
        data: dict[str, Any] = {
            "period": period,
            "level1": level1,
            "level2": level2,
            "level3": level3,
            "value": value,
        }
    else:
        data = {k: raw.get(k) for k in INDICATOR_FIELDS}
        if data["level1"] is None and data["level2"]:
            data["level1"] = _LEVEL1_OF.get(data["level2"])
    for key in ("value", "adjusted_value", "actual", "level3", "description", "basis"):
        if data.get(key) is not None:
            data[key] = str(data[key])
    if form is Form.SELF_EVALUATION and data.get("adjusted_value") is None:
        data["adjusted_value"] = data["value"]
    ind = Indicator(
        path=path,
        project=project,
        form=form,
        line=line,
        column=2,
        parsed=parse_value(data["value"]),
        **data,
    )
    col = 2
    for key in INDICATOR_FIELDS[1:]:
        if data.get(key) is not None:
            ind.spans[key] = Located(str(data[key]), line, col)
            col += len(str(data[key])) + 1
    return ind


def build_project(raw: dict[str, Any], path: str, first_line: int) -> Project:
    form = Form(raw.get("form", "申报表"))
    proj = Project(name=str(raw.get("name", "测试项目")), form=form, line=first_line, column=1)
    for key in TEXT_FIELDS:
        if raw.get(key) is not None:
            setattr(proj, key, Located(str(raw[key]), first_line + 1, 2))
    for period, text in (raw.get("goals") or {}).items():
        proj.goals[period] = Located(str(text), first_line + 2, 2)
    funds = raw.get("funds") or []
    if isinstance(funds, dict):
        funds = [[None, source, amount, "元"] for source, amount in funds.items()]
    for period, source, amount, unit in funds:
        proj.funds.append(
            FundItem(period, source, None if amount is None else float(amount), str(amount), unit, first_line + 3, 2)
        )
    if raw.get("execution"):
        ex = raw["execution"]
        proj.execution = Execution(
            declared=ex.get("declared"),
            budgeted=ex.get("budgeted"),
            full_year=ex.get("full_year"),
            executed=ex.get("executed"),
            balance=ex.get("balance"),
            rate=ex.get("rate"),
            score=ex.get("score"),
            weight=ex.get("weight", 10),
            unit=ex.get("unit", "万元"),
            line=first_line + 4,
            column=2,
        )
    for name, value, unit in raw.get("narrative") or []:
        proj.narrative.append(NarrativeFigure(name, float(value), unit, f"{name}{value}{unit}", first_line + 5, 2))
    for period, level1, level2 in raw.get("empty") or []:
        proj.empty_categories.append(EmptyCategory(period, level1, level2, first_line + 6, 2))
    for i, row in enumerate(raw.get("indicators") or []):
        proj.indicators.append(_indicator(row, path, proj.name, form, first_line + 10 + i))
    proj.cut_off = bool(raw.get("cut_off"))  # the table breaks off at the end of the text
    proj.cut_at = raw.get("cut_at")  # the category whose heading the text stops inside
    proj.in_prose = bool(raw.get("in_prose"))  # the rows were read from a report's sentences
    return proj


def build_document(case: dict[str, Any], path: str = "case.txt") -> Document:
    doc = Document(path=path, layout=Layout.UNKNOWN, encoding="utf-8")
    for key, value in (case.get("document") or {}).items():
        if key == "declared_projects":
            doc.declared_projects = int(value)
            doc.declared_loc = Located(f"项目{value}个", 1, 1)
        elif key == "problems":  # [[line, message]]: what the reader reported (a cut row it dropped …)
            doc.problems = [ParseProblem(path, int(line), 1, str(message)) for line, message in value]
        else:
            setattr(doc, key, value)
    raws = case.get("projects") or ([case["project"]] if case.get("project") else [])
    for i, raw in enumerate(raws):
        doc.projects.append(build_project(raw, path, 100 * (i + 1)))
    doc.forms = sorted({p.form for p in doc.projects}, key=lambda f: list(Form).index(f))
    return doc
