"""The measured share of each dimension, read directly from the parsed model.

Each function returns a Measurement: a share in [0, 1] plus the notes that say
what lowered it (which category is missing, which value is not measurable),
each located in the input file so a reviewer can find it.  The findings of
the rules are applied on top of these shares by ``formula.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from kpi_lint.lexicon import BUNDLED_DIR, Lexicon
from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Form, Indicator, Project, yuan_per
from kpi_lint.parse.common import squash
from kpi_lint.parse.values import base_unit, scaled

# The expected categories of the guidance: outputs by quantity, quality, timeliness and cost,
# at least one effect, and satisfaction (domain.md, "What the official guidance asks").
EXPECTED_SLOTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("数量指标", ("数量指标",)),
    ("质量指标", ("质量指标",)),
    ("时效指标", ("时效指标",)),
    ("成本指标", ("成本指标",)),
    ("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
    ("服务对象满意度指标", ("服务对象满意度指标",)),
)
EFFECT_LEVEL2 = EXPECTED_SLOTS[4][1]
# Value kinds that fit each 二级指标 (rules.md KPI104).  A bare number ("≥95") is accepted where a
# count or a rate is expected: its missing unit is a measurability defect, not a relevance one.
FITTING_KINDS: dict[str, frozenset[str]] = {
    "数量指标": frozenset({"count", "number"}),
    "质量指标": frozenset({"percent", "number", "count"}),
    "时效指标": frozenset({"date", "percent"}),
    "成本指标": frozenset({"money"}),
    "服务对象满意度指标": frozenset({"percent", "number"}),
}
UNTYPED_KINDS = frozenset({"qualitative", "empty"})
MONEY_TOTAL_UNITS = frozenset({"元"})  # after removing the scale prefix (万元 → 元); 元/份 is a unit price
NOTHING_TO_CHECK = "没有可核对的期间或成本合计，测量分记 100"
ONE_YEAR = re.compile(r"(?<!\d)1\s*年|一年|一次性")


@dataclass(frozen=True)
class Note:
    """Something that lowered a share, where it is printed."""

    text: str  # Chinese, for the scorecard
    line: int
    column: int
    weight: float = 1.0  # how much of one unit of the share it cost (0.5 = half an indicator)
    anchor: str | None = None  # the place in an office file (page, table and cell, sheet!cell; see Located)


@dataclass
class Measurement:
    share: float  # in [0, 1]
    measured: float  # numerator (credits earned)
    possible: float  # denominator (credits possible); 0 = nothing to measure, share is 1
    basis: str  # Chinese: what was measured, e.g. "6 项期望类别中已填 5 项"
    notes: list[Note] = field(default_factory=list)


class PeerIndex(Protocol):
    """What the clustering engineer's peer index offers (kpi_lint.cluster.peers)."""

    def outlier(self, indicator: Indicator) -> object: ...


def _measurement(measured: float, possible: float, basis: str, notes: list[Note]) -> Measurement:
    share = measured / possible if possible > 0 else 1.0
    return Measurement(min(1.0, max(0.0, share)), measured, possible, basis, notes)


@lru_cache(maxsize=8)
def _placeholders(directory: Path) -> frozenset[str]:
    """lexicons/empty_values.txt: what "nothing filled in" looks like (未填报, /, —), shared with the rules."""
    for base in (directory, BUNDLED_DIR):
        path = base / "empty_values.txt"
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            return frozenset(squash(x) for x in lines if x.strip() and not x.lstrip().startswith("#"))
    return frozenset()


def is_filled(ind: Indicator, lexicon: Lexicon) -> bool:
    value = squash(ind.value or "")
    return bool(value) and value not in _placeholders(lexicon.directory)


def is_present(ind: Indicator, lexicon: Lexicon) -> bool:
    """A row that was printed with something in it (an empty 年度 column is not a row)."""
    level3 = squash(ind.level3 or "")
    return (bool(level3) and level3 not in _placeholders(lexicon.directory)) or is_filled(ind, lexicon)


def is_cost(ind: Indicator) -> bool:
    return ind.level2 == "成本指标" or ind.level1 == "成本指标"


def _kind(ind: Indicator) -> str:
    return ind.parsed.kind if ind.parsed else "empty"


def _label(ind: Indicator) -> str:
    return f"“{ind.level3 or '（无三级指标）'}”"


def _loc(ind: Indicator) -> tuple[int, int]:
    return ind.span("value") if ind.value else (ind.line, ind.column)


def _anchor(ind: Indicator) -> str | None:
    """The office-file place of the cell `_loc` gives."""
    return ind.anchor("value") if ind.value else ind.anchor("level3")


# -- 完整性 ---------------------------------------------------------------------------------------


def _slot_filled(name: str, level2s: tuple[str, ...], rows: list[Indicator], lexicon: Lexicon) -> bool:
    if name == "成本指标":
        # A cost indicator names money (domain.md); "预算执行 ≥95" in the cost row is not one.
        return any(is_cost(i) and is_filled(i, lexicon) and _kind(i) == "money" for i in rows)
    return any(i.level2 in level2s and is_filled(i, lexicon) for i in rows)


def _basis(project: Project, rows: list[Indicator]) -> tuple[float, float, list[Note]]:
    """The basis of the targets: 指标值确定依据 per row (目标表) or 立项依据 (申报表)."""
    if project.form is Form.TARGET:
        if not rows:
            return 0.0, 1.0, []
        stated = [i for i in rows if squash(i.basis or "")]
        share = 1 / len(rows)
        notes = [Note(f"{_label(i)} 未写指标值确定依据", *_loc(i), share, _anchor(i)) for i in rows if i not in stated]
        return len(stated) / len(rows), 1.0, notes
    if project.form is Form.DECLARATION:
        if project.legal_basis and squash(project.legal_basis.text):
            return 1.0, 1.0, []
        return 0.0, 1.0, [Note("未写立项依据", project.line, project.column, anchor=project.anchor)]
    return 0.0, 0.0, []  # a 自评表 has no place for a basis


def measure_completeness(project: Project, lexicon: Lexicon) -> Measurement:
    """Expected categories filled (in any period), and the basis of the targets stated."""
    rows = [i for i in project.indicators if is_present(i, lexicon)]
    notes: list[Note] = []
    filled = 0
    for name, level2s in EXPECTED_SLOTS:
        if _slot_filled(name, level2s, rows, lexicon):
            filled += 1
            continue
        empty = next((e for e in project.empty_categories if e.level2 in level2s), None)
        at = empty or project
        what = "没有以金额表示的成本指标" if name == "成本指标" else f"{name}未填"
        notes.append(Note(what, at.line, at.column, anchor=at.anchor))
    basis, basis_possible, basis_notes = _basis(project, rows)
    notes.extend(basis_notes)
    possible = len(EXPECTED_SLOTS) + basis_possible
    text = f"{len(EXPECTED_SLOTS)} 类期望指标已填 {filled} 类"
    if basis_possible:
        text += f"，指标依据 {basis:.0%}"
    return _measurement(filled + basis, possible, text, notes)


# -- 可衡量性 -------------------------------------------------------------------------------------


def value_credit(ind: Indicator, lexicon: Lexicon) -> tuple[float, str]:
    """How measurable one target value is (1 = number with unit and comparator), and why not 1."""
    parsed = ind.parsed
    kind = _kind(ind)
    if kind in ("count", "percent", "money") and parsed and parsed.number is not None:
        return 1.0, ""  # an exact figure ("19141人") implies "="; a comparator or range is also fine
    if kind == "number":
        return 0.5, "有数字无单位"
    if kind == "date":
        if parsed and (parsed.number is not None or parsed.comparator):
            return 1.0, ""
        return 0.5, "时间表述无具体日期"
    if kind == "qualitative":
        text = ind.value or ""
        if any(word in text for word in lexicon.graded_words):
            return 0.5, "定性表述，有分级措辞"
        return 0.0, "定性表述，无法核查"
    return 0.0, "未填指标值"


def measure_measurability(project: Project, lexicon: Lexicon) -> Measurement:
    """Mean credit of the target values of the printed rows."""
    rows = [i for i in project.indicators if is_present(i, lexicon)]
    notes: list[Note] = []
    total = 0.0
    for ind in rows:
        credit, why = value_credit(ind, lexicon)
        total += credit
        if credit < 1.0:
            what = f"{_label(ind)} 指标值“{ind.value or ''}”：{why}"
            notes.append(Note(what, *_loc(ind), 1.0 - credit, _anchor(ind)))
    return _measurement(total, len(rows), f"{len(rows)} 个指标值的可衡量程度平均", notes)


# -- 相关性与合理性 --------------------------------------------------------------------------------


def _outlier_reason(result: object) -> str | None:
    """The peer index may answer a bool or an object with a message; falsy means plausible."""
    if not result:
        return None
    for attr in ("message", "reason", "explain"):
        text = getattr(result, attr, None)
        if isinstance(text, str) and text:
            return text
    return "取值与同类项目相差悬殊"


def unfit_reason(ind: Indicator, lexicon: Lexicon, peers: PeerIndex | None = None) -> str | None:
    """Why a row says nothing relevant about the project's results, or None when it fits."""
    level3 = squash(ind.level3 or "")
    if level3 and level3 in lexicon.filler_phrases:
        return "三级指标只是类别名或空话"
    if level3 and any(word in level3 for word in lexicon.process_measures):
        return "预算过程指标不是绩效结果"
    kinds = FITTING_KINDS.get(ind.level2 or "")
    # A word-only value ("提高") is judged once, by measurability; here only a typed value can misfit.
    if kinds is not None and _kind(ind) not in UNTYPED_KINDS and _kind(ind) not in kinds:
        return f"指标值类型（{_kind(ind)}）与{ind.level2}不符"
    if peers is not None and is_filled(ind, lexicon):
        return _outlier_reason(peers.outlier(ind))
    return None


def measure_relevance(project: Project, lexicon: Lexicon, peers: PeerIndex | None = None) -> Measurement:
    """Share of printed rows that are real indicators whose value fits their category (and peers)."""
    rows = [i for i in project.indicators if is_present(i, lexicon)]
    notes: list[Note] = []
    for ind in rows:
        reason = unfit_reason(ind, lexicon, peers)
        if reason:
            notes.append(Note(f"{_label(ind)}：{reason}", *_loc(ind), anchor=_anchor(ind)))
    basis = f"{len(rows)} 个指标中切题且取值类型相符的比例"
    if peers is not None:
        basis += "（含同类项目比较）"
    return _measurement(len(rows) - len(notes), len(rows), basis, notes)


# -- 一致性 ---------------------------------------------------------------------------------------


def _same_value(a: Indicator, b: Indicator) -> bool:
    if squash(a.value or "") == squash(b.value or ""):
        return True
    pa, pb = a.parsed, b.parsed
    return bool(
        pa
        and pb
        and pa.number is not None
        and (pa.comparator, scaled(pa), base_unit(pa)) == (pb.comparator, scaled(pb), base_unit(pb))
    )


def _pairs(project: Project, lexicon: Lexicon) -> list[tuple[Indicator, Indicator]]:
    """实施期/年度 rows of the same indicator: same 二级, and one 三级 a prefix of the other (truncation)."""
    impl = [i for i in project.indicators if i.period == PERIOD_IMPLEMENTATION and is_filled(i, lexicon)]
    annual = [i for i in project.indicators if i.period == PERIOD_ANNUAL and is_filled(i, lexicon)]
    pairs: list[tuple[Indicator, Indicator]] = []
    used: set[int] = set()
    for a in impl:
        name_a = squash(a.level3 or "")
        for j, b in enumerate(annual):
            name_b = squash(b.level3 or "")
            if j in used or a.level2 != b.level2 or not name_a or not name_b:
                continue
            if name_a.startswith(name_b) or name_b.startswith(name_a):
                pairs.append((a, b))
                used.add(j)
                break
    return pairs


def _is_one_year(project: Project) -> bool:
    texts = [loc.text for loc in (project.duration, project.attribute) if loc]
    return any(ONE_YEAR.search(t) for t in texts)


def _period_check(project: Project, lexicon: Lexicon) -> tuple[float, float, list[Note]] | None:
    if project.form is not Form.DECLARATION or not _is_one_year(project):
        return None
    pairs = _pairs(project, lexicon)
    if not pairs:
        return None
    share = 1 / len(pairs)
    differ = [(a, b) for a, b in pairs if not _same_value(a, b)]
    notes = [
        Note(f"{_label(a)} 实施期“{a.value}”与年度“{b.value}”不一致（一年期项目）", *_loc(b), share, _anchor(b))
        for a, b in differ
    ]
    return 1 - len(differ) / len(pairs), 1.0, notes


def _fund_total(project: Project, period: str | None) -> float | None:
    item = project.fund("总额", period)
    if item is None or item.amount is None or item.amount <= 0:
        return None
    return item.amount * yuan_per(item.unit)


def _cost_checks(project: Project, lexicon: Lexicon) -> list[tuple[float, float, list[Note]]]:
    """Per period: how close the money cost items come to the period's funds (1 = they add up)."""
    checks: list[tuple[float, float, list[Note]]] = []
    for period in project.periods:
        costs = [i for i in project.indicators if i.period == period and is_cost(i) and is_filled(i, lexicon)]
        total = _fund_total(project, period)
        # Only a breakdown can be added up: two or more items, every one a money total.  A unit
        # price (10元/份) needs a quantity the table may not give, and a single amount is as often
        # a per-head standard (人均补助 134元) as a total.
        if (
            len(costs) < 2
            or total is None
            or not all(
                i.parsed and i.parsed.kind == "money" and base_unit(i.parsed) in MONEY_TOTAL_UNITS for i in costs
            )
        ):
            continue
        amount = sum(scaled(i.parsed) or 0.0 for i in costs if i.parsed)
        closeness = max(0.0, 1.0 - abs(amount - total) / total)
        notes = []
        if closeness < 1.0:
            where = project.fund("总额", period)
            at = where or project
            notes.append(
                Note(
                    f"成本指标合计 {amount:,.0f} 元，项目资金 {total:,.0f} 元",
                    at.line,
                    at.column,
                    1 - closeness,
                    at.anchor,
                )
            )
        checks.append((closeness, 1.0, notes))
    return checks


def measure_consistency(project: Project, lexicon: Lexicon) -> Measurement:
    """Mean of the checks that apply: the periods agree, the cost breakdown adds up to the funds.

    Self-evaluation arithmetic (总分, 执行率) enters through the findings KPI503–KPI506 only: those
    rules know the printed layout of the form, and a second, cruder re-computation here would
    count the same defect twice or contradict them.
    """
    checks: list[tuple[float, float, list[Note]]] = []
    period = _period_check(project, lexicon)
    if period:
        checks.append(period)
    checks.extend(_cost_checks(project, lexicon))
    notes = [n for _, _, ns in checks for n in ns]
    measured = sum(c[0] for c in checks)
    basis = f"{len(checks)} 项可核对的一致性检查（期间、成本合计）" if checks else NOTHING_TO_CHECK
    return _measurement(measured, len(checks), basis, notes)
