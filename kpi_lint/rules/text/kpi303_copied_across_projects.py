"""KPI303 copied-across-projects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from rapidfuzz import fuzz, process

from kpi_lint.model import Document, Located, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean


def indicator_rows(project: Project) -> list[tuple[str, str]]:
    """The project's distinct (三级指标, 指标值) rows taken as data (a garbled table's are not: no copy of them
    is reported, nor do they make another project a copy), both periods of a 申报表 merged."""
    rows: list[tuple[str, str]] = []
    for ind in project.trusted_indicators:
        row = (clean(ind.level3), clean(ind.value))
        if row[0] and row not in rows:
            rows.append(row)
    return rows


def _same_form(indices: list[int], doc: Document) -> list[list[int]]:
    """The projects at ``indices`` split by form (the same form object), each list in document order."""
    groups: dict[int, list[int]] = {}
    for j in indices:
        groups.setdefault(id(doc.projects[j].form), []).append(j)
    return list(groups.values())


def goal_texts(project: Project) -> dict[str | None, Located]:
    """The aims compared, by period: the 总体目标 of each period, else the 绩效目标 text (目标表)."""
    goals: dict[str | None, Located] = {p: loc for p, loc in project.goals.items() if loc.text.strip()}
    if not goals and project.target_text is not None and project.target_text.text.strip():
        goals[None] = project.target_text
    return goals


class CopiedAcrossProjects(Rule):
    """一个项目的指标组或总体目标几乎照抄同一文件中另一个项目。

    默认级别：警告 warning。

    **做什么**

    把每个项目与同一文件中同类表的前面各项目从两方面比较（rapidfuzz）：

    * 指标组："三级指标=指标值"一行，若前面某项目有一行相似度不低于 ``row_similarity``（默认 90），或名称同样相近、
      且其值包含本行值的大部分（部分相似度 ≥ ``value_similarity``，80："有效缓解"与"有效缓解困难群众医疗费用"），
      即算共有。共有行占两项目行数的比例（Dice）须达到 ``set_similarity``（默认 0.7），
      且双方各至少 ``min_rows``（4）行。默认值取在样本显示的空档里：照抄的表得分 0.89–1.0（000、002），
      003 各表只共有"生态影响 ≥95"之类的套话行，最高 0.5；
    * 总体目标，逐期间比较（目标表则比较绩效目标文字）：在至少 ``min_goal_length``（15）字的文字上相似度不低于
      ``goal_similarity``（默认 90），以免简短的通用目标偶然相近（003 的"1.目标内容1提高…"达到 87）。

    每个后出现的项目在每个方面只报告一次，对照与它最相近的前一个项目。

    **为什么不好**

    财预〔2015〕88号要求目标与项目相符：相关性、适当性按项目逐一审核。从另一个项目照搬的表（同样的行、同样的值、
    同样的目标）不是为这笔资金写的；规模和用途不同的资金不能共用一套目标。

    **示例**（000，沁水县：两个都叫"城乡医疗救助补助资金"的项目，1,737,300 元和 1,544,200 元，总体目标和各行相同）::

        易返贫致贫人员建档立卡贫困人口低保、五保人员 11335人 / 城乡医疗救助对象参保率 100% / …

    **改为**：按每笔资金确定目标，例如 1,544,200 元中央转移支付资助的人数，以及写明这笔资金新增什么的总体目标。
    """

    code = "KPI303"
    name = "copied-across-projects"
    title_zh = "跨项目照搬指标"
    penalty = Penalty(Dimension.CONSISTENCY, 10, 10)
    severity = Severity.WARNING
    family = "text"
    options: ClassVar[dict[str, Any]] = {
        "row_similarity": 90.0,
        "value_similarity": 80.0,
        "set_similarity": 0.7,
        "min_rows": 4,
        "goal_similarity": 90.0,
        "min_goal_length": 15,
    }

    def set_similarity(self, a: list[tuple[str, str]], b: list[tuple[str, str]]) -> float:
        """Dice share of rows that have a near-identical row in the other project.

        Rows match when "name=value" as a whole is alike (ratio ≥ ``row_similarity``: "贫困人口=8814人"
        and "贫困人员=8814人"), or when the names are that alike and one value contains most of the
        other (partial ratio ≥ ``value_similarity``): "有效缓解" and "有效缓解困难群众医疗费用" are the
        same target reworded, while "170720人" and "11335人" are targets sized apart.
        """
        if not a or not b:
            return 0.0
        cut = float(self.opts["row_similarity"])
        whole = process.cdist([f"{n}={v}" for n, v in a], [f"{n}={v}" for n, v in b], scorer=fuzz.ratio)
        names = process.cdist([r[0] for r in a], [r[0] for r in b], scorer=fuzz.ratio)
        values = process.cdist([r[1] or "-" for r in a], [r[1] or "-" for r in b], scorer=fuzz.partial_ratio)
        matched = (whole >= cut) | ((names >= cut) & (values >= float(self.opts["value_similarity"])))
        return (int(matched.any(axis=1).sum()) + int(matched.any(axis=0).sum())) / (len(a) + len(b))

    def _indicator_copies(self, doc: Document) -> Iterator[Finding]:
        # NumPy only when a document is checked: a run read back from the cache imports the catalog without it
        # (tests/cli/test_startup.py).
        import numpy as np

        from kpi_lint.rules.text._copy_matrix import shared_rows

        min_rows = int(self.opts["min_rows"])
        cut = float(self.opts["set_similarity"])
        rows = [indicator_rows(p) for p in doc.projects]
        best_of: dict[int, tuple[float, int]] = {}
        for group in _same_form([j for j, p in enumerate(doc.projects) if len(rows[j]) >= min_rows], doc):
            sizes = np.array([len(rows[j]) for j in group], dtype=np.int64)
            shared = shared_rows(
                [rows[j] for j in group],
                float(self.opts["row_similarity"]),
                float(self.opts["value_similarity"]),
            )
            for k, counts in enumerate(shared):
                # set_similarity's Dice share (0 where either project has no rows); the first best one wins
                den = sizes[:k] + sizes[k]
                sims = np.where((sizes[:k] > 0) & (sizes[k] > 0), counts / np.maximum(den, 1), 0.0)
                if not (sims >= cut).any():
                    continue
                i = int(np.argmax(np.where(sims >= cut, sims, -np.inf)))
                best = (int(counts[i]) / int(den[i]) if sizes[i] and sizes[k] else 0.0, group[i])
                best_of[group[k]] = best
        for j, later in enumerate(doc.projects):
            if j not in best_of:
                continue
            sim, i = best_of[j]
            earlier = doc.projects[i]
            message = (
                f"本项目的绩效指标与{earlier.place}项目“{earlier.name}”的指标几乎相同"
                f"（{sim:.0%} 的指标名称和指标值一致），"
                f"像是照搬。每个项目应按自身资金规模和用途设定指标，如按本项目资金测算的受益人数、补助标准和完成时间。"
            )
            explain = f"指标相似度 {sim:.2f}；本项目 {len(rows[j])} 行，对比项目 {len(rows[i])} 行"
            yield self.finding(doc, message, project=later, explain=explain)

    def _goal_similarity(self, earlier: Project, later: Project) -> tuple[float, Located] | None:
        """The closest same-period pair of aims, long enough to judge: (similarity, the later aim)."""
        min_len = int(self.opts["min_goal_length"])
        mine, theirs = goal_texts(later), goal_texts(earlier)
        best: tuple[float, Located] | None = None
        for period, loc in mine.items():
            other = theirs.get(period)
            a, b = clean(loc.text), clean(other.text) if other else ""
            if len(a) < min_len or len(b) < min_len:
                continue
            sim = fuzz.ratio(a, b)
            if best is None or sim > best[0]:
                best = (sim, loc)
        return best

    def _goal_copies(self, doc: Document) -> Iterator[Finding]:
        import numpy as np  # as in _indicator_copies

        from kpi_lint.rules.text._copy_matrix import goal_scores

        cut = float(self.opts["goal_similarity"])
        min_len = int(self.opts["min_goal_length"])
        best_of: dict[int, tuple[float, Located, Project]] = {}
        for group in _same_form(list(range(len(doc.projects))), doc):
            aims = [goal_texts(doc.projects[j]) for j in group]
            texts = [{p: t for p, loc in a.items() if len(t := clean(loc.text)) >= min_len} for a in aims]
            for k, by_period in enumerate(goal_scores(texts, cut)):
                # _goal_similarity per earlier project: the first period of the later aims with the top score
                periods = list(by_period)
                if not periods or k == 0:
                    continue
                scores = np.stack([by_period[p] for p in periods])
                found = scores.max(axis=0)
                if not (found >= cut).any():
                    continue
                i = int(np.argmax(np.where(found >= cut, found, -np.inf)))
                loc = aims[k][periods[int(np.argmax(scores[:, i]))]]
                best_of[group[k]] = (float(found[i]), loc, doc.projects[group[i]])
        for j, later in enumerate(doc.projects):
            if j not in best_of:
                continue
            sim, loc, earlier = best_of[j]
            label = "总体目标" if later.goals else "绩效目标"
            message = (
                f"本项目的{label}与{earlier.place}项目“{earlier.name}”的几乎相同（相似度 {sim:.0f}%）。"
                f"{label}应写明本项目资金要达到的结果：为哪些对象、做成多少、达到什么水平，数字按本项目资金测算。"
            )
            yield self.finding(
                doc,
                message,
                project=later,
                at=loc,
                explain=f"“{loc.text.strip()[:60]}”",
            )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        yield from self._indicator_copies(doc)
        yield from self._goal_copies(doc)
