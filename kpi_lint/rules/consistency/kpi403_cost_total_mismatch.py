"""KPI403 cost-total-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project, yuan_per
from kpi_lint.parse.values import base_unit, scaled
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import project_years
from kpi_lint.rules.consistency._unit_cost import HEADS, Quantity, power_slip, quantities, times_words
from kpi_lint.rules.consistency.kpi401_period_mismatch import fund_yuan
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import UNIT_COST_FILE  # 人均, 每亩, 单价, 标准
from kpi_lint.rules.target.common import UNITLESS, figure_cut
from kpi_lint.vocab import COST, QUANTITY

_COST = COST
_QUANTITY = QUANTITY
_ANY_UNIT = ""  # a cost per unit that does not say which unit ("补助标准 134元", "单价 2万元")


@dataclass
class CostTerm:
    """One money-valued cost row: an amount in 元, per unit `per` ("份", "人", "年") or a lump sum."""

    indicator: Indicator
    amount: float
    per: str | None
    quantity: Indicator | None = None  # the 数量指标 row the per-unit amount is multiplied by
    times: float = 1.0

    @property
    def total(self) -> float:
        return self.amount * self.times

    def describe(self) -> str:
        if self.per is None and self.times == 1.0:
            return f"{self.indicator.level3 or '成本'} {self.indicator.value}"
        by = f"{self.quantity.level3} {self.quantity.value}" if self.quantity else f"{self.times:g}{self.per or ''}"
        return f"{self.indicator.level3 or '成本'} {self.indicator.value} × {by} = {self.total:,.0f} 元"


def _is_cost(ind: Indicator) -> bool:
    return ind.level2 == _COST or ind.level1 == _COST


def _counts(rows: list[Indicator]) -> list[tuple[Indicator, float, str]]:
    """数量指标 rows with a count: (row, number in base units, base unit)."""
    out = []
    for ind in rows:
        p = ind.parsed
        if ind.level2 == _QUANTITY and p is not None and p.kind == "count":
            number, unit = scaled(p), base_unit(p)
            if number is not None and unit:
                out.append((ind, number, unit))
    return out


def _names_a_total(term: CostTerm) -> bool:
    """A cost row meant to be the project's whole cost ("项目总成本", "成本合计"), which the funds may replace; a
    single item ("科技特派员业务培训开展 ≥5万元") is one part of them, and the fix is to list the others."""
    name = term.indicator.level3 or ""
    return "总" in name or "合计" in name


def _same_unit(per: str, unit: str) -> bool:
    return per in (_ANY_UNIT, unit) or (per in HEADS and unit in HEADS)


class CostTotalMismatch(Rule):
    """成本指标中的金额加起来与项目资金总额不符。

    默认级别：警告 warning。

    **做什么**

    对项目的每个期间，取指标值为金额的成本指标行（元 / 万元，换算为元）相加：

    * 总额按原文计（"会议费 20000元"）；
    * 单价乘以对应的数量："10元/份"乘以以份计的数量指标，"100000元/年"乘以项目期的年数；
    * 若合计不符且该期间只有一行以元计的成本，而这一行写的是单位金额——名称或指标值里有"人均""每亩""单价""标准"
      等词（``unit_cost_words.txt``）或"/件"，或它不到资金总额的百分之一（唯一的成本行这样小，只能是单位标准）——
      再把它乘以数量指标中计同一单位的数试算（"人均标准 134元" × "19141人"；"每亩"只乘以亩数，没说单位的"标准"
      "单价"乘以任一数量）。同一单位有几行数量时（"更新音响设备 50件""新添灯光设备 100件"），每件的单价也乘以
      这几行之和（150件）试算：一个单价付的是每一件。总额式的成本（"培训经费 ≥5万元"）从不乘以无关的次数、人数。

    没有任何一种算法落在该期间资金总额（自评表为全年预算数）的 ``tolerance``（相对误差，默认 0.01）以内时报告。
    单位成本的报告先列单位算法（"2万元 是每件的成本，2万元 × 同以件计的 2 行数量之和 150件 = 3,000,000 元"），
    不把单价说成"折算合计"；某种算法恰是资金的 10 的整数次幂倍（10 至 10,000 倍：小数点错一位，直到把万元写成元）
    时，说明像是金额单位或小数点写错，并给出改正后的单位成本——成本超出资金，不可能只是其中一项；少了 10 倍、100 倍
    的只在那一行自称总数（"项目总成本"）时这样说，否则它可能只是列出的一项费用。

    没有金额型成本行、或单价找不到对应数量的期间不判断；成本行印了数字却没写币种（"托管服务器服务成本 | 10320/年"，
    名称也不是比率）的期间同样不判断：那一行是多少钱表上没说，合计无从算起。

    建议值：单位成本差 10 的整数次幂时给出改正后的值（"2万元" → "0.2万元"）；唯一的单价行给出使积等于资金的单价；
    唯一的单位标准只对应一个数量时给出资金 ÷ 数量；唯一的总额行只在名称说它是总数（"项目总成本""成本合计"）时建议
    改为资金总额——单项费用（"科技特派员业务培训开展 ≥5万元"）改成资金总额会让一项费用等于全部预算，该做的是列出
    其余各项，消息已经这样说，不给建议值。
    原文停在某个成本金额这一格中、停在数字之后的（``Project.cut_cell``："15" 可能是 "1500元"）该期间不比较：合计不是
    单位写的数。

    **为什么不好**

    财预〔2015〕88号的适当性审核问的是资金与目标是否匹配，每个项目都要设成本指标正是为了能做这个核对。
    成本数与资金对不上，说明预算不是按目标编的，或其中某个数有误。

    **示例**（001，临财社[2021]13号…，实施期资金总额 119,000 元）::

        宣传资料单位成本 10元/份 × 印制宣传资料 ≥5000份 + 聘请第三方机构开展稽查 100000元/年 × 1年
        = 150,000 元

    **改为**（002，2023年中央财政医疗服务与保障能力提升补助资金，150,000 元）::

        会议费 20000元 + 宣传费 20000元 + 邮电费 12000元 + 培训费 30000元 + 印刷费 51800元
        + 设备购置费 16200元 = 150,000 元
    """

    code = "KPI403"
    name = "cost-total-mismatch"
    title_zh = "成本与资金总额不符"
    penalty = Penalty(Dimension.CONSISTENCY, 10, 10)
    severity = Severity.WARNING
    family = "consistency"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.01}

    def _funds(self, project: Project, period: str | None) -> tuple[list[float], str] | None:
        """The amounts in 元 the costs may add up to (the 总额, and the sum of its sources), and the 总额 as printed.

        The sources count too: 001 prints 实施期资金总额 "2,567.000" over sources of 2,567,000 元; a
        total that disagrees with its own sources is KPI401's finding, not a cost mismatch.
        """
        items = [f for f in project.funds if period is None or f.period == period]
        total = next((f for f in items if f.source == "总额"), None)
        amount = fund_yuan(total) if total is not None else None
        if total is not None and amount is not None:
            sources = [a for f in items if f.source != "总额" and (a := fund_yuan(f)) is not None]
            candidates = [amount] + ([sum(sources)] if any(sources) else [])
            label = f"{period}资金总额" if period else "资金总额"
            return candidates, f"{label} {total.text}{total.unit}"
        ex = project.execution
        if ex is not None:
            base = next((v for v in (ex.full_year, ex.budgeted, ex.declared) if v is not None), None)
            if base is not None:
                return [base * yuan_per(ex.unit)], f"全年预算数 {base:g}{ex.unit}"
        return None

    def _terms(self, rows: list[Indicator], years: int | None) -> list[CostTerm] | None:
        """The cost terms of one period; None when a per-unit amount cannot be resolved."""
        counts = _counts(rows)
        terms: list[CostTerm] = []
        for ind in rows:
            p = ind.parsed
            if _is_cost(ind) and self._amount_unknown(ind):
                return (
                    None  # "托管服务器服务成本 | 10320/年": an amount whose currency was left out; no sum can be told
                )
            if not _is_cost(ind) or p is None or p.kind != "money" or p.number is None:
                continue
            amount = scaled(p)
            unit = base_unit(p) or ""
            if amount is None or not unit.startswith("元"):
                continue
            per = unit.partition("/")[2] or None
            term = CostTerm(ind, amount, per)
            for part in (per or "").split("/"):
                if not part:
                    continue
                if part == "年":
                    term.times *= float(years or 1)
                    continue
                matches = [(q, n) for q, n, u in counts if u == part]
                if len(matches) != 1 or term.quantity is not None:
                    return None  # "元/人" with no (or several) 人 counts: cannot be reconciled
                term.quantity = matches[0][0]
                term.times *= matches[0][1]
            terms.append(term)
        return terms

    def _amount_unknown(self, ind: Indicator) -> bool:
        """A cost row printing a figure with no currency ("10320/年", "10320") whose name is no rate: an amount in
        some unit the table does not say, so the period's costs add up to an unknown sum."""
        p = ind.parsed
        if p is None or p.number is None or p.kind == "money":
            return False
        bare = p.kind == "number" or (p.unit or "").startswith("/")
        return bare and self.readings.expected_unit(ind.level3) not in ("%", UNITLESS)

    def _reconciles(self, total: float, funds: float) -> bool:
        return abs(total - funds) <= float(self.opts["tolerance"]) * max(abs(funds), 1.0)

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        years = project_years(project)
        for period in project.periods:
            rows = [i for i in project.indicators if i.period == period]
            terms = self._terms(rows, years)
            funds = self._funds(project, period)
            if not terms or funds is None or any(figure_cut(t.indicator, project) for t in terms):
                continue  # an amount the text stops inside ("15" of "1500元"): the sum is not the department's
            amounts, funds_text = funds
            total = sum(t.total for t in terms)
            readings = [total]
            lumps = [t for t in terms if t.per is None]
            paid_for: list[Quantity] = []
            if len(lumps) == 1:
                # A single "人均标准 134元" may be a per-head standard: 134元 × 19141人 ≈ the funds; a price per 件 pays
                # for every 件 counted, so the rows counting 件 are tried together too (j09, sample 59).
                paid_for = quantities(self._unit_counts(lumps[0], _counts(rows), max(amounts)))
                others = total - lumps[0].amount
                readings += [others + lumps[0].amount * q.number for q in paid_for]
            if any(self._reconciles(r, a) for r in readings for a in amounts):
                continue
            yield self._finding(doc, project, period, terms, total, amounts, funds_text, paid_for)

    def _unit_counts(
        self, lump: CostTerm, counts: list[tuple[Indicator, float, str]], funds: float
    ) -> list[tuple[Indicator, float, str]]:
        """The counts a lone cost amount may be a per-unit standard of: those counting the unit its name or value
        says it is paid per ("人均" → 人, "每亩" → 亩, "成本件/件" → 件; a "标准" or "单价" naming no unit → any count).
        A lone amount below 1 % of the funds is such a standard too ("34元" against 2,567,000元), of any count.
        An amount that says no unit ("科技特派员业务培训开展 ≥5万元") is a total: no count."""
        per = self._paid_per(lump.indicator)
        if per is None and lump.amount < 0.01 * funds:
            per = _ANY_UNIT
        if per is None:
            return []
        return [c for c in counts if _same_unit(per, c[2])]

    def _paid_per(self, ind: Indicator) -> str | None:
        """The unit a cost row is paid per, _ANY_UNIT when its words say per unit but not which; None for a total."""
        text = f"{ind.level3 or ''}{ind.value or ''}"
        marked = [w for w in self.lexicon.words(UNIT_COST_FILE) if w in text]
        slash = text.partition("/")[2][:1]
        if slash:
            return slash
        for word in marked:
            if len(word) == 2 and word[0] == "每":
                return word[1]  # 每亩 → 亩
            if len(word) == 2 and word[1] == "均" and word != "平均":
                return word[0]  # 户均 → 户
        return _ANY_UNIT if marked else None

    def _fits(self, total: float, amounts: list[float]) -> bool:
        return any(self._reconciles(total, a) for a in amounts)

    def _finding(
        self,
        doc: Document,
        project: Project,
        period: str | None,
        terms: list[CostTerm],
        total: float,
        amounts: list[float],
        funds_text: str,
        paid_for: list[Quantity],
    ) -> Finding:
        amount = amounts[0]
        suggestion = None
        if paid_for:
            lump = next(t for t in terms if t.per is None)
            head, suggestion = self._unit_arithmetic(lump, total - lump.amount, paid_for, amounts, funds_text)
            explain = f"期间 {period or '—'}；单位成本 {lump.amount:,.2f} 元；资金 {amount:,.2f} 元"
        else:
            parts = "；".join(t.describe() for t in terms)
            e = self._slip(total, 0.0, amounts, below=len(terms) == 1 and _names_a_total(terms[0]))
            slip = f"；合计是资金的 {times_words(e)}，像是金额单位或小数点写错" if e else ""
            head = f"成本指标折算合计 {total:,.0f} 元，与{funds_text}不符（{parts}）{slip}。"
            explain = f"期间 {period or '—'}；成本合计 {total:,.2f} 元；资金 {amount:,.2f} 元"
        message = f"{head}成本指标应能对上项目资金：列出各项费用金额，或写明单位成本与数量，使两者之积等于资金总额。"
        if suggestion is None and len(terms) == 1:
            only = terms[0]
            if only.times != 1.0 and only.quantity is not None:
                suggestion = f"{amount / only.times:,.2f}元/{only.per}"
            elif only.per is None and len(paid_for) == 1:
                # A per-unit standard of the one count it is paid per: the standard the funds pay for.
                quantity, number, unit = paid_for[0].rows[0]
                suggestion = f"{amount / number:,.2f}元（= {amount:,.0f}元 ÷ {quantity.level3} {number:g}{unit}）"
            elif only.per is None and not paid_for and self._paid_per(only.indicator) is None and _names_a_total(only):
                suggestion = f"{amount:,.0f}元"
        return self.finding(
            doc,
            message,
            project=project,
            indicator=terms[0].indicator,
            span="value",
            suggestion=suggestion,
            explain=explain,
        )

    def _unit_arithmetic(
        self, lump: CostTerm, others: float, paid_for: list[Quantity], amounts: list[float], funds_text: str
    ) -> tuple[str, str | None]:
        """The message's head for a lone cost read as a unit standard — its products with the quantities it is paid
        for, the sum of a unit's rows first — and, when one product misses the funds by a power of ten, the unit cost
        that would fit (sample 59: j09's "2万元" per 件 × 150件 = ten times the 30万元)."""
        ind = lump.indicator
        per = self._paid_per(ind)
        kind = f"是每{per}的成本" if per else "是单位标准" if per == _ANY_UNIT else "不到资金的 1%，只能是单位标准"
        plus = f" + 其余成本 {others:,.0f} 元" if others else ""
        products: list[str] = []
        suggestion = None
        for q in paid_for:
            product = others + lump.amount * q.number
            said = f"{ind.value} × {q.describe()}{plus} = {product:,.0f} 元"
            e = None if suggestion else self._slip(lump.amount * q.number, others, amounts)
            if e is not None:
                suggestion = self._scaled_value(ind, e)
                said += f"，是资金的 {times_words(e)}，像是金额单位或小数点写错（单位成本写成 {suggestion} 才对得上）"
            products.append(said)
        summed = [p for p, q in zip(products, paid_for, strict=True) if q.summed]
        single = [p for p, q in zip(products, paid_for, strict=True) if not q.summed]
        arithmetic = "；".join(summed) + ("；逐行算也不符：" if summed else "") + "，".join(single)
        head = f"成本指标按单位成本算与{funds_text}不符：“{ind.level3 or '成本'}” {ind.value} {kind}，{arithmetic}。"
        return head, suggestion

    def _slip(self, part: float, others: float, amounts: list[float], *, below: bool = False) -> int | None:
        """The power of ten by which `part` is off when dividing it by that power makes the costs fit the funds (above
        them only, unless `below`: see power_slip)."""

        def fits(factor: float) -> bool:
            return self._fits(others + part / factor, amounts)

        return power_slip(fits, below=below)

    @staticmethod
    def _scaled_value(ind: Indicator, e: int) -> str:
        """The cost cell as printed with its figure divided by 10**e: "2万元" → "0.2万元"."""
        p = ind.parsed
        assert p is not None and p.number is not None  # a money term has both
        return f"{p.comparator or ''}{p.number / 10.0**e:g}{p.unit or ''}"
