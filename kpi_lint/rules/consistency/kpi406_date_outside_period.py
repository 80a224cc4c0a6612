"""KPI406 date-outside-period."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import PERIOD_ANNUAL, Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import project_years
from kpi_lint.rules.consistency._years import YEAR, fiscal_year, project_span
from kpi_lint.rules.target.common import TIMELINESS
from kpi_lint.vocab import squash

COMPARISON_FILE = "comparison_words.txt"  # 同比, 较 …: a year right after one is the base of a comparison


class DateOutsidePeriod(Rule):
    """时效目标的日期落在项目期或预算年度之外。

    默认级别：warning。

    **做什么**

    对时效指标（及其他写成日期的指标值），读出指标值里写明的年份（“2023年12月底”
    “2020.1.1-2020.12.31”），与项目应完成的时间比较：年度目标、一年期项目和只有一期的
    目标表、自评表，比的是预算年度（表头标题里的年份，如“2023年项目支出绩效目标
    申报表”，否则取文件中最常见的年份）；实施期目标比的是项目期写明的起止年份
    （“2022年3月-2023年11月”），项目期没写日期就不比。只写月份（“6月底前”）的不检查；紧跟在“同比”“较”“相比”等词（``lexicons/comparison_words.txt``）后面的年份是比较的
    基期（“同比2022年销量显著提高”），不是时限，也不检查。

    **为什么不好**

    时效目标说明在什么时候之前完成（财预〔2021〕101号）。2023年的年度目标写
    “2022年12月底前完成”，要么是照搬上年的表，要么是目标在预算年度开始前就已
    到期；写到预算年度之后，则年度目标在本年无法考核。两者自评时（财预〔2020〕10号）
    都无从判断是否按时完成。

    **示例**::

        2023年项目支出绩效目标申报表
        产出指标 | 时效指标 | 补助资金发放时间 | 2022年12月底前

    **改为**::

        产出指标 | 时效指标 | 补助资金发放时间 | 2023年12月底前
    """

    code = "KPI406"
    name = "date-outside-period"
    title_zh = "时效日期超出期限"
    penalty = Penalty(Dimension.CONSISTENCY, 4, 12)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        year = fiscal_year(project, doc)
        span = project_span(project)
        one_year = project_years(project) == 1 or (span is not None and span[0] == span[1])
        for ind, parsed in self.readings.filled_targets(project):
            if ind.level2 != TIMELINESS and parsed.kind != "date":
                continue
            years = self._deadline_years(ind)
            if not years:
                continue
            allowed = self._allowed(ind, year, span, one_year)
            if allowed is None:
                continue
            low, high, what = allowed
            outside = [y for y in years if not low <= y <= high]
            if outside:
                before = "之前" if outside[0] < low else "之后"
                yield self._finding(doc, project, ind, outside[0], f"{what}{before}")

    def _deadline_years(self, ind: Indicator) -> list[int]:
        """The years the value names, in order, less those named as the base of a comparison — right after 同比, 较,
        相比 … in the value or across the end of the name ("提升彩票销量…同比 | 2022年销量显著提高"): what the target
        is measured against, not a deadline."""
        words = tuple(w for w in self.lexicon.words(COMPARISON_FILE) if w)
        name, value = squash(ind.level3 or ""), squash(ind.value or "")
        text = name + value
        return [
            int(m.group(1))
            for m in YEAR.finditer(text, len(name))
            if not text[: m.start()].removesuffix("于").endswith(words)
        ]

    @staticmethod
    def _allowed(
        ind: Indicator, year: int | None, span: tuple[int, int] | None, one_year: bool
    ) -> tuple[int, int, str] | None:
        """The years a date of this row may name, and how the message names them."""
        annual = ind.period in (None, PERIOD_ANNUAL) or one_year
        if span is not None and (not annual or (ind.period is None and span[0] != span[1])):
            label = f"{span[0]}年" if span[0] == span[1] else f"{span[0]}—{span[1]}年"
            return span[0], span[1], f"项目期（{label}）"
        if annual and year is not None:
            return year, year, f"预算年度（{year}年）"
        return None

    def _finding(self, doc: Document, project: Project, ind: Indicator, outside: int, what: str) -> Finding:
        message = (
            f"时效目标“{ind.level3}”的指标值“{ind.value}”写的是{outside}年，在{what}。"
            "时效目标应落在项目期和预算年度之内，写明完成的年月，如“不晚于当年12月底”。"
        )
        return self.finding(doc, message, project=project, indicator=ind, span="value")
