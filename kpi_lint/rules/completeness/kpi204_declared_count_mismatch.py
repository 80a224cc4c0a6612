"""KPI204 declared-count-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Form
from kpi_lint.rules.base import Finding, Rule, Severity


class DeclaredCountMismatch(Rule):
    """The narrative's count of projects under target management differs from the tables disclosed.

    Default severity: error.

    **What it does**

    Reads the sentence of the narrative that states how many projects are under
    target management ("实行绩效目标管理的项目12个", "共6个项目纳入绩效目标管理",
    "项目绩效自评个数8个") and compares it with the number of project tables
    parsed from the document.  Documents that state no count are not checked.

    **Why is this bad?**

    财预〔2015〕88号 requires the targets of every project under target management
    to be disclosed with the budget, and 财预〔2020〕10号 the self-evaluations with
    the final accounts.  When the text says six and three tables follow, either
    targets are withheld or the text is wrong: completeness (完整性) of the
    disclosure cannot be confirmed.

    **Example** (001, 古县医疗保障局 2022)::

        2022年度，本部门单位共6个项目纳入绩效目标管理 …   (3 张申报表)

    **Use instead**: disclose a table for every project counted, or state the
    count of the tables actually disclosed.
    """

    code = "KPI204"
    name = "declared-count-mismatch"
    title_zh = "指标数与声明不符"
    penalty = None  # about the document, not a project: listed in the document roll-up
    severity = Severity.ERROR
    family = "completeness"

    def check_document(self, doc: Document) -> Iterator[Finding]:
        declared = doc.declared_projects
        if declared is None:
            return
        disclosed = len(doc.projects)
        if declared == disclosed:
            return
        where = doc.declared_loc
        if declared > disclosed:
            gap = f"少了 {declared - disclosed} 张：未公开的项目绩效目标应补充公开"
        else:
            gap = f"多了 {disclosed - declared} 张：文中的项目个数应与公开的表一致"
        table = "项目绩效自评表" if Form.SELF_EVALUATION in doc.forms else "项目绩效目标表"
        message = f"文中称纳入绩效管理的项目有 {declared} 个，但公开了 {disclosed} 张{table}，{gap}。"
        yield self.finding(
            doc, message,
            line=where.line if where else 1, column=where.column if where else 1,
        )
