"""KPI307 model-flag."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Indicator
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, RuleContext, Severity
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

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self._predicted: dict[str, list[tuple[str, float]]] = {}  # path → predictions of its rows, by prepare

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

    def _rows(self, model: Model, doc: Document) -> tuple[list[Indicator], list[dict[str, str]]]:
        """The indicators with text in the model's columns, and their model input rows."""
        from kpi_lint.classify.data import indicator_row

        indicators: list[Indicator] = []
        rows: list[dict[str, str]] = []
        for ind in doc.indicators:
            row = indicator_row(ind)
            if any(row.get(c) for c in model.meta.text_columns):
                indicators.append(ind)
                rows.append(row)
        return indicators, rows

    def prepare(self, documents: Sequence[Document]) -> None:
        """Predict every document's rows in one batch: a pipeline call costs far more than a row."""
        self._predicted = {}
        loaded = self._model()
        if loaded is None:
            return
        import pandas as pd

        from kpi_lint.classify.api import BATCH_ROWS, predict_frame

        model, _ = loaded
        spans: list[tuple[str, int, int]] = []
        rows: list[dict[str, str]] = []
        for doc in documents:
            start = len(rows)
            rows.extend(self._rows(model, doc)[1])
            spans.append((doc.path, start, len(rows)))
        first = next((path for path, start, stop in spans if stop > start), "")
        predictions: list[tuple[str, float]] = []
        for start in range(0, len(rows), BATCH_ROWS):
            frame = pd.DataFrame(rows[start : start + BATCH_ROWS], dtype=str)
            predictions.extend(predict_frame(model, frame, first))
        self._predicted = {path: predictions[start:stop] for path, start, stop in spans}

    def check_document(self, doc: Document) -> Iterator[Finding]:
        loaded = self._model()
        if loaded is None:
            return
        from kpi_lint.classify.data import FIELD_NAMES

        model, label = loaded
        text_cols = model.meta.text_columns
        indicators, rows = self._rows(model, doc)
        if not rows:
            return
        predictions = self._predicted.get(doc.path)
        if predictions is None or len(predictions) != len(rows):  # a document the run was not prepared for
            import pandas as pd

            from kpi_lint.classify.api import predict_frame

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
