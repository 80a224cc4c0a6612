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
    """审核人自己训练的分类器把该指标判为要求标记的类别。

    默认级别：提示 info。未给出模型时不运行（``kpi-lint check --model FILE --flag-label LABEL``）。

    **做什么**

    用 ``kpi-lint train custom`` 训练的模型（或任何 kpi-lint 模型文件）对每个在模型所用列上有文字的指标做预测，
    报告预测为 ``--flag-label`` 的行及其概率。概率低于 ``min_probability``（选项，默认 0.5）的不报告。模型文件安全
    加载：只允许 kpi-lint 流水线需要的类型；标签中没有该标记类别的模型会被拒绝。

    **为什么不好**

    审核部门有固定词表抓不住的审核意见——照模板抄的"模板化"目标、本省不接受的指标、以前被退回的目标。
    财预〔2015〕88号规定财政部门审核绩效目标（完整性、相关性、适当性、可行性）；用本部门以往的审核结论训练的
    分类器，能把一位审核人的判断用到每一张表上，概率则说明它有多大把握。

    **示例**：用随附的类别模型并加 ``--flag-label 时效指标``，004 放在质量指标下的这一行会被标记（期限是时效目标）::

        产出指标 | 质量指标 | 对稳定脱贫人口居民2023年医保个人缴费 | 5月底之前

    **改为**：按本部门对该类别的要求修改——这里把期限放到时效指标下，并写明到期的是什么::

        产出指标 | 时效指标 | 个人缴费资助发放完成时间 | 不晚于2023年5月底
    """

    code = "KPI307"
    name = "model-flag"
    title_zh = "分类模型标记"
    penalty = Penalty(Dimension.RELEVANCE, 0, 0)
    severity = Severity.INFO
    family = "text"
    uses = frozenset({CUSTOM_MODEL})
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
        """The indicators with text in the model's columns, and their model input rows (a garbled table's rows are
        not asked: nothing said of them is reported)."""
        from kpi_lint.classify.data import indicator_row

        indicators: list[Indicator] = []
        rows: list[dict[str, str]] = []
        for ind in doc.trusted_indicators:
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
