"""KPI307 model-flag."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Indicator
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import CUSTOM_MODEL, FLAG_LABEL

if TYPE_CHECKING:
    from kpi_lint.classify.persist import Model


class ModelFlag(Rule):
    """The reviewer's own classifier puts this indicator in the label they asked to flag.

    Severity: info.  Silent unless a model is given (``kpi-lint check --model FILE
    --flag-label LABEL``).

    What it does
        Runs a model trained with ``kpi-lint train custom`` (or any kpi-lint model
        file) over every indicator that has text in the model's columns, and reports
        the rows it predicts as ``--flag-label``, with the probability.  Rows below
        ``min_probability`` (option, default 0.5) are not reported.  The model file is
        loaded safely: only the types a kpi-lint pipeline needs, and a model whose
        labels do not include the flag label is refused.

    Why is this bad?
        Review offices have their own findings that no fixed word list captures —
        "模板化" targets copied from a template, indicators a province does not accept,
        targets a previous review sent back.  财预〔2015〕88号 makes the finance department
        responsible for reviewing targets (完整性、相关性、适当性、可行性); a classifier
        trained on the office's past decisions lets one reviewer's judgement reach
        every table, while the probability tells how sure it is.

    Example
        With the shipped category model and ``--flag-label 时效指标``, 004's row printed
        under 质量指标 is flagged (a deadline is a timeliness target)::

            产出指标 | 质量指标 | 对稳定脱贫人口居民2023年医保个人缴费 | 5月底之前

    Use instead
        Fix the row as your office's rule for that label asks — here file the deadline
        under 时效指标 and name what is due::

            产出指标 | 时效指标 | 个人缴费资助发放完成时间 | 不晚于2023年5月底
    """

    code = "KPI307"
    name = "model-flag"
    title_zh = "分类模型标记"
    penalty = Penalty(Dimension.RELEVANCE, 0, 0)
    severity = Severity.INFO
    family = "text"
    options: ClassVar[dict[str, Any]] = {"min_probability": 0.5}

    def _model(self) -> tuple[Model, str] | None:
        path = self.context.extras.get(CUSTOM_MODEL)
        if not path:
            return None
        # scikit-learn and jieba load only when a model is given: every other check stays fast to start.
        from kpi_lint.classify.api import load_custom_model
        from kpi_lint.classify.persist import ModelError

        label = self.context.extras.get(FLAG_LABEL)
        if not label:
            raise ModelError(str(path), "给了模型但没有指定要报告的标签：请加 --flag-label 标签")
        return load_custom_model(Path(path), str(label)), str(label)

    def check_document(self, doc: Document) -> Iterator[Finding]:
        loaded = self._model()
        if loaded is None:
            return
        import pandas as pd

        from kpi_lint.classify.api import predict_frame
        from kpi_lint.classify.data import FIELD_NAMES, indicator_row

        model, label = loaded
        text_cols = model.meta.text_columns
        indicators: list[Indicator] = []
        rows: list[dict[str, str]] = []
        for ind in doc.indicators:
            row = indicator_row(ind)
            if any(row.get(c) for c in text_cols):
                indicators.append(ind)
                rows.append(row)
        if not rows:
            return
        # One batch per document: a pipeline call has a fixed cost far above its per-row cost.
        predictions = predict_frame(model, pd.DataFrame(rows, dtype=str), doc.path)
        threshold = float(self.opts["min_probability"])
        projects = {p.name: p for p in doc.projects}
        name = model.path.name if model.path else "自定义模型"
        for ind, row, (predicted, prob) in zip(indicators, rows, predictions, strict=True):
            if predicted != label or prob < threshold:
                continue
            shown = "；".join(f"{FIELD_NAMES.get(c, c)}“{row.get(c, '')}”" for c in text_cols)
            yield self.finding(
                doc,
                f"自定义模型 {name} 将此行判为“{label}”（概率 {prob:.0%}）：{shown}。"
                f"请按本单位对“{label}”的审核要求复核此指标。",
                project=projects.get(ind.project),
                indicator=ind,
                span=text_cols[0],
                explain=f"{name}（{model.meta.task}，标签 {'、'.join(model.meta.labels)}）：{predicted} {prob:.3f}",
            )
