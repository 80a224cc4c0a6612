"""KPI204 declared-count-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Form
from kpi_lint.rules.base import Finding, Rule, Severity


class DeclaredCountMismatch(Rule):
    """文字说明中纳入绩效目标管理的项目数，与公开的绩效目标表数不符。

    默认级别：错误 error。

    **做什么**

    读取说明中交代项目个数的句子（"实行绩效目标管理的项目12个"、"共6个项目纳入绩效目标管理"、
    "项目绩效自评个数8个"），与从文件中解析出的项目表数比较。未交代个数的文件不检查。

    **为什么不好**

    财预〔2015〕88号要求纳入绩效目标管理的项目随预算公开绩效目标，财预〔2020〕10号要求随决算公开自评。
    说明写 6 个、后面只有 3 张表，要么有目标未公开，要么说明有误：无法确认公开是否完整。

    **示例**（001，古县医疗保障局 2022）::

        2022年度，本部门单位共6个项目纳入绩效目标管理 …   （后附 3 张申报表）

    **改为**：为计入的每个项目公开一张表，或按实际公开的表数说明。
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
        yield self.finding(doc, message, at=where, line=1, column=1)
