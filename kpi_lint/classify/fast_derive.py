"""Deriving a model's inference-only form (kpi_lint.classify.fast_form) from its fitted pipeline, and checking it.

`derive` reads what each step learned from a loaded, checked model (kpi_lint.classify.persist) and refuses —
returns None, so the run predicts with scikit-learn as before — every step or setting it does not know:
a ColumnTransformer (remainder dropped) of TfidfVectorizers (``word`` with kpi-lint's `JiebaTokenizer`, or
``char_wb``; kpi-lint's `TextNormalizer` as the preprocessor; no stop words), OneHotEncoders (unknown
categories ignored, nothing dropped, no infrequent grouping) and kpi-lint's CueFeatures, then a
LogisticRegression.  A derived form is kept only if, on a probe set, every analyzer gives the vectorizer's
own terms, every label is the pipeline's and every probability within 1e-9 of it (`verified`).

The probe set is made from the model itself (`probe_rows`): texts spelling every term of each vectorizer's
vocabulary, every category of each one-hot column and one unknown to it, every cue word, a few targets of each
shape — so nearly every feature the model has is exercised (9623 of the category model's 9729: terms written
together are segmented anew), whatever data it was trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from kpi_lint.classify.cells import model_row
from kpi_lint.classify.cues import CueFeatures
from kpi_lint.classify.fast_form import Block, CueBlock, FastModel, OneHotBlock, TextBlock
from kpi_lint.classify.persist import Model
from kpi_lint.classify.tokenize import JiebaTokenizer, TextNormalizer

# LogisticRegression's multi_class settings under which more than two classes take a softmax (scikit-learn
# 1.5+ has no such setting: "auto" then).
_SOFTMAX = ("auto", "multinomial", "deprecated")
PROBE_TERMS = 4  # vocabulary terms written into one probe text
ATOL = 1e-9  # how far a probability of the form may be from the pipeline's
# Cells of every shape a target is printed in (figures, comparators, dates, units, words, Latin letters,
# blanks), so that a probe row also reads what no vocabulary term spells.
_SHAPES = (
    "",
    " ",
    "≥95%",
    "≤ 15 个工作日",
    "2023年12月底前",
    "100万元",
    "较上年提高",
    "≥ 98 %",
    "PM2.5",
    "合格",
    "满意度≥90%",
    "数量 指标",
    "A级",
    "\n分行的\n单元格",
)


def _text_block(name: str, vectorizer: Any, column: Any) -> TextBlock | None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    if type(vectorizer) is not TfidfVectorizer or not isinstance(column, str):
        return None
    if not isinstance(vectorizer.preprocessor, TextNormalizer) or vectorizer.input != "content":
        return None
    if vectorizer.stop_words is not None or vectorizer.dtype not in (np.float64, float):
        return None
    if vectorizer.analyzer == "word" and isinstance(vectorizer.tokenizer, JiebaTokenizer):
        tokenizer: JiebaTokenizer | None = vectorizer.tokenizer
    elif vectorizer.analyzer == "char_wb":
        tokenizer = None
    else:
        return None
    if vectorizer.norm not in ("l2", "l1", None):
        return None
    low, high = (int(n) for n in vectorizer.ngram_range)
    return TextBlock(
        column=column,
        analyzer=str(vectorizer.analyzer),
        ngram_range=(low, high),
        preprocessor=vectorizer.preprocessor,
        tokenizer=tokenizer,
        vocabulary={str(term): int(j) for term, j in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64).copy() if vectorizer.use_idf else None,
        sublinear_tf=bool(vectorizer.sublinear_tf),
        norm=vectorizer.norm,
        binary=bool(vectorizer.binary),
    )


def _onehot_block(encoder: Any, columns: Any) -> OneHotBlock | None:
    from sklearn.preprocessing import OneHotEncoder

    if type(encoder) is not OneHotEncoder or not _names(columns):
        return None
    if encoder.handle_unknown != "ignore" or encoder.drop is not None or encoder.dtype not in (np.float64, float):
        return None
    if encoder.min_frequency is not None or encoder.max_categories is not None:
        return None
    categories = []
    for cats in encoder.categories_:
        if not all(isinstance(c, str) for c in cats):
            return None
        categories.append({str(c): j for j, c in enumerate(cats)})
    return OneHotBlock(columns=tuple(_names(columns)), categories=tuple(categories))


def _names(columns: Any) -> list[str]:
    """The column names a block reads, [] unless they are a list of names."""
    if isinstance(columns, str):
        return [columns]
    if isinstance(columns, list) and all(isinstance(c, str) for c in columns):
        return list(columns)
    return []


def _block(name: str, step: Any, columns: Any) -> Block | None:
    if type(step) is CueFeatures and _names(columns):
        return CueBlock(
            columns=tuple(_names(columns)), lists=tuple(tuple(str(w) for w in words) for _, words in (step.cues or []))
        )
    return _text_block(name, step, columns) or _onehot_block(step, columns)


def derive(model: Model) -> FastModel | None:
    """The inference-only form of `model`'s pipeline, or None for a step or setting it does not reproduce."""
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression

    steps = model.pipeline.steps
    if len(steps) != 2:
        return None
    (_, union), (_, regression) = steps
    if type(union) is not ColumnTransformer or type(regression) is not LogisticRegression:
        return None
    if union.remainder != "drop" or getattr(regression, "multi_class", "auto") not in _SOFTMAX:
        return None
    weights = union.transformer_weights or {}
    blocks: list[tuple[Block, float | None]] = []
    for name, step, columns in _fitted(union):
        block = _block(name, step, columns)
        if block is None or any(c not in model.meta.columns for c in _block_columns(block)):
            return None
        weight = weights.get(name)
        blocks.append((block, float(weight) if weight is not None else None))
    coef = np.asarray(regression.coef_, dtype=np.float64)
    if sum(block.width for block, _ in blocks) != coef.shape[1]:
        return None
    intercept = np.asarray(regression.intercept_, dtype=np.float64)
    return FastModel(
        meta=model.meta,
        blocks=blocks,
        coef=coef.copy(),
        intercept=intercept.copy(),
        classes=tuple(str(c) for c in regression.classes_),
        path=model.path,
    )


def _block_columns(block: Block) -> tuple[str, ...]:
    return (block.column,) if isinstance(block, TextBlock) else block.columns


def probe_rows(form: FastModel) -> list[tuple[str, ...]]:
    """Rows that use every feature of `form`: for each column, the texts that spell its terms, categories or cue
    words (PROBE_TERMS terms a text) and the `_SHAPES`; rows cycle through the longest list."""
    cells: dict[str, list[str]] = {c: list(_SHAPES) for c in form.meta.columns}
    for block, _ in form.blocks:
        if isinstance(block, TextBlock):
            terms = sorted(block.vocabulary, key=block.vocabulary.__getitem__)
            spelled = ["".join(t.split()) for t in terms]
            cells[block.column] += ["".join(spelled[i : i + PROBE_TERMS]) for i in range(0, len(spelled), PROBE_TERMS)]
        elif isinstance(block, OneHotBlock):
            for column, codes in zip(block.columns, block.categories, strict=True):
                cells[column] += [*codes, "（不在类别中）"]
        else:
            words = [w for words in block.lists for w in words]
            for column in block.columns:
                cells[column] += ["".join(words[i : i + PROBE_TERMS]) for i in range(0, len(words), PROBE_TERMS)]
    length = max(len(values) for values in cells.values())
    columns = form.meta.columns
    return [tuple(cells[c][i % len(cells[c])] for c in columns) for i in range(length)]


def verified(model: Model, form: FastModel, rows: Sequence[Sequence[str]] | None = None) -> bool:
    """Whether `form` predicts as `model`'s pipeline on `rows` (the probe set by default): the same terms from
    every analyzer, the same labels, probabilities within ATOL."""
    import pandas as pd

    from kpi_lint.classify.data import complete_columns

    rows = probe_rows(form) if rows is None else rows
    columns = list(form.meta.columns)
    if list(form.classes) != [str(c) for c in model.pipeline.classes_]:
        return False
    frame = pd.DataFrame([list(r) for r in rows], columns=columns, dtype=object)
    fed = complete_columns(frame, columns, "probe")[columns]  # what predict_frame feeds the pipeline
    cells = [model_row(r, columns) for r in rows]  # what the form reads
    if [list(r) for r in cells] != fed.to_numpy().tolist():
        return False
    union = model.pipeline.steps[0][1]
    for (block, _), (_, step, _) in zip(form.blocks, _fitted(union), strict=True):
        if isinstance(block, TextBlock):
            analyzer = step.build_analyzer()
            if any(analyzer(text) != block.analyze(text) for text in dict.fromkeys(fed[block.column])):
                return False
    expected = model.pipeline.predict_proba(fed)  # what predict_frame computes
    got = form.predict_proba(cells)  # what FastModel.predict computes (the cells are the same, checked above)
    if expected.shape != got.shape or not np.allclose(got, expected, rtol=0.0, atol=ATOL):
        return False
    return bool((got.argmax(axis=1) == expected.argmax(axis=1)).all())  # the same labels


def _fitted(union: Any) -> list[tuple[str, Any, Any]]:
    """The ColumnTransformer's fitted steps that `derive` turned into blocks, in order."""
    return [(n, s, c) for n, s, c in union.transformers_ if not (isinstance(s, str) and s == "drop")]


def derive_verified(model: Model) -> FastModel | None:
    """`derive`, kept only when `verified`; None otherwise (the run then predicts with scikit-learn)."""
    try:
        form = derive(model)
        return form if form is not None and verified(model, form) else None
    except Exception:  # any step it misreads: predict with scikit-learn, as without a form
        return None
