"""KPI101 vague-target."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import VAGUENESS
from kpi_lint.rules.target.common import (
    COST,
    QUALITY,
    QUANTITY,
    TIMELINESS,
    NameCues,
    filled_targets,
    is_benefit,
    name_cues,
    target_form,
    words_in,
)

_STRICT = (QUANTITY, QUALITY, COST)


class VagueTarget(Rule):
    """The target value has no measurable content (提高, 有效, 及时, 保障 …).

    Default severity: warning — error for 数量/质量/成本 indicators, info for a
    效益 indicator whose wording is graded (明显提高, 逐步扩展: ``graded_words.txt``).

    **What it does**

    Flags a 指标值 made of words only — no number, no date — that contains a word
    of ``lexicons/vague_words.txt`` (提高, 有效, 明显提高, 及时, 逐步扩展, 保障, 可持续,
    体现, 共享, 全年 …).  When the vagueness classifier has been trained
    (``kpi_lint.classify``), its vote is consulted too: a value it calls vague with
    probability ≥ ``model_threshold`` is flagged even without a lexicon word, and
    when lexicon and model disagree both votes are shown by ``--explain``.

    **Why is this bad?**

    财预〔2015〕88号 and 财预〔2021〕101号 ask for targets that are specific and
    measurable — quantified wherever possible (number + comparator + unit), and a
    qualitative target must still be checkable.  "提高" says which way, not how far:
    at the self-evaluation (财预〔2020〕10号) nobody can tell whether it was met,
    so the indicator is scored by impression.  Quantity, quality and cost targets
    can always be counted; effects are sometimes qualitative, but then graded.

    **Example** (002, 2023年中央财政医疗救助补助资金; 000, 城乡居民医疗保险县级配套)::

        效益指标 | 社会效益指标 | 困难群众看病就医方便程度 | 明显提高
        产出指标 | 时效指标     | 城乡居民享受补助时间     | 全年

    **Use instead**::

        效益指标 | 社会效益指标 | 困难群众看病就医平均报销时长 | ≤5个工作日
        产出指标 | 时效指标     | 城乡居民享受补助时间         | 不晚于2023年2月底

    Options: ``model_threshold`` (0.8) — the classifier probability above which its vote counts.
    """

    code = "KPI101"
    name = "vague-target"
    title_zh = "目标值含糊"
    penalty = Penalty(Dimension.MEASURABILITY, 4, 20)
    severity = Severity.WARNING
    family = "target"
    options: ClassVar[dict[str, Any]] = {"model_threshold": 0.8}

    def _qualitative(self, project: Project) -> Iterator[Indicator]:
        for ind, parsed in filled_targets(project, self.lexicon):
            if parsed.kind == "qualitative":
                yield ind  # a number or a date is measurable (KPI103/104 judge its form)

    def prepare(self, documents: Sequence[Document]) -> None:
        predictor = self.context.extras.get(VAGUENESS)
        if predictor is not None:
            from kpi_lint.classify.api import prime

            prime(predictor, (ind for doc in documents for p in doc.projects for ind in self._qualitative(p)))

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        predictor = self.context.extras.get(VAGUENESS)
        threshold = float(self.opts["model_threshold"])
        for ind in self._qualitative(project):
            words = words_in(ind.value or "", self.lexicon.vague_words)
            vote = predictor(ind) if predictor else None
            model_vague = vote is not None and vote[0] == "vague" and vote[1] >= threshold
            if not words and not model_vague:
                continue
            yield self._finding(doc, project, ind, words, vote, model_vague, cues)

    def _severity(self, ind: Indicator, words: list[str], by_model_only: bool) -> Severity:
        if ind.level2 in _STRICT:
            severity = Severity.ERROR
        elif is_benefit(ind) and words_in(ind.value or "", self.lexicon.graded_words):
            severity = Severity.INFO
        else:
            severity = Severity.WARNING
        # The classifier alone is less sure than a reviewer's word list: at most a warning.
        if by_model_only and severity is Severity.ERROR:
            severity = Severity.WARNING
        return severity

    def _finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        words: list[str],
        vote: tuple[str, float] | None,
        model_vague: bool,
        cues: NameCues,
    ) -> Finding:
        form = target_form(ind, cues, doc.year)
        quoted = "“" + "”“".join(words) + "”"
        if not words:
            why = "分类模型判断它没有可核查的内容"
        elif ind.level2 == TIMELINESS:
            why = f"{quoted}不是具体的完成日期或期限"
        else:
            why = f"{quoted}只说明方向，不说明做到多少"
        if ind.level2 == TIMELINESS:
            good = "时效目标应写明完成日期或期限"
        elif is_benefit(ind):
            good = "效益目标应尽量量化；确实只能定性时，也要写成可核查的分级表述"
        else:
            good = "好的目标写明比较符、数值和单位"
        example = f"，如“{form}”" if form else ""
        message = f"指标值“{ind.value}”没有可衡量的内容：{why}。{good}{example}。"
        explain = None
        if vote is not None and bool(words) != (vote[0] == "vague"):
            lexicon_vote = f"含糊（命中“{'”“'.join(words)}”）" if words else "未命中含糊词"
            explain = f"词表：{lexicon_vote}；模型：{vote[0]}（概率 {vote[1]:.2f}）"
        elif vote is not None:
            explain = f"词表与模型一致：含糊（模型概率 {vote[1]:.2f}）"
        return self.finding(
            doc,
            message,
            project=project,
            indicator=ind,
            span="value",
            severity=self._severity(ind, words, by_model_only=not words and model_vague),
            suggestion=form,
            explain=explain,
        )
