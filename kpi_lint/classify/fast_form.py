"""A fitted classifier's inference-only form: what its pipeline computes at prediction, as plain arrays.

A one-file check spends most of its start-up importing scikit-learn (which imports SciPy's statistics)
to run two small pipelines: TF-IDF over jieba words and characters, one-hot categories, cue-word
columns and a logistic regression.  Prediction needs none of scikit-learn's machinery, only what those
steps learned: the vocabularies, the idf weights, the categories, the coefficients.  `FastModel` holds
exactly that (NumPy arrays, dicts, and the model's own `TextNormalizer` and `JiebaTokenizer`), and
predicts with NumPy alone.

The text is analysed by the same kpi-lint callables the vectorizers call (`TextNormalizer` as the
preprocessor, the model's `JiebaTokenizer` for words); the n-gram steps (`word_ngrams`,
`char_wb_ngrams`) are scikit-learn's, written out because its analyzer cannot be had without importing
it.  A form is only ever made from a model that passed every check of kpi_lint.classify.persist, and
only kept when it predicts what the pipeline predicts on a probe set (kpi_lint.classify.fast_derive);
it lives in the run's cache beside the model's trusted copy (kpi_lint.classify.copies).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kpi_lint.classify.cells import model_row
from kpi_lint.classify.cue_words import cue_matches, cue_patterns, cue_text
from kpi_lint.classify.persist import ModelMeta
from kpi_lint.classify.tokenize import JiebaTokenizer, TextNormalizer

Features = dict[int, float]  # column of the block → value (absent: 0)
Entries = tuple[np.ndarray, np.ndarray, np.ndarray]  # CSR rows of one block: indptr, columns, values
Row = dict[str, str]  # model column → cell
ROWS_PER_PRODUCT = 4096  # rows whose feature products are taken at once (bounds the memory of a large batch)

_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's VectorizerMixin._white_spaces


def word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """The word n-grams of `tokens` (joined by a space), as scikit-learn's ``_word_ngrams`` without stop words."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    original = tokens
    if min_n == 1:
        tokens = list(original)
        min_n += 1
    else:
        tokens = []
    for n in range(min_n, min(max_n + 1, len(original) + 1)):
        for i in range(len(original) - n + 1):
            tokens.append(" ".join(original[i : i + n]))
    return tokens


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """The character n-grams inside word boundaries, padded with a space, as scikit-learn's ``_char_wb_ngrams``."""
    text = _WHITE_SPACES.sub(" ", text)
    min_n, max_n = ngram_range
    ngrams = []
    for w in text.split():
        w = " " + w + " "
        for n in range(min_n, max_n + 1):
            offset = 0
            ngrams.append(w[offset : offset + n])
            while offset + n < len(w):
                offset += 1
                ngrams.append(w[offset : offset + n])
            if offset == 0:  # a short word (shorter than n) counted once
                break
    return ngrams


@dataclass
class TextBlock:
    """A fitted TfidfVectorizer over one column: analyzer ``word`` (the model's jieba tokenizer) or ``char_wb``."""

    column: str
    analyzer: str
    ngram_range: tuple[int, int]
    preprocessor: TextNormalizer
    tokenizer: JiebaTokenizer | None
    vocabulary: dict[str, int]
    idf: np.ndarray | None  # None: use_idf=False
    sublinear_tf: bool
    norm: str | None  # "l2", "l1" or None
    binary: bool = False

    @property
    def width(self) -> int:
        return len(self.vocabulary)

    def analyze(self, text: str) -> list[str]:
        """The terms of `text`, as the vectorizer's ``build_analyzer()`` gives them."""
        doc = self.preprocessor(text)
        if self.analyzer == "char_wb":
            return char_wb_ngrams(doc, self.ngram_range)
        assert self.tokenizer is not None
        return word_ngrams(self.tokenizer(doc), self.ngram_range)

    def entries(self, rows: Sequence[Row]) -> Entries:
        """The features of every row at once, as CSR arrays (row r: ``columns[indptr[r]:indptr[r + 1]]``, ascending).

        The per-term arithmetic (log, idf) is elementwise over all rows together; each row's norm is taken on its
        own entries with the call a single row's is (`_scaled`), so every value is the one row-by-row work gives."""
        vocabulary = self.vocabulary
        indptr = [0]
        columns: list[int] = []
        counts: list[float] = []
        # A cell's terms and counts depend on its text alone: worked out once per distinct text of the batch (a
        # name recurs with other values and kinds, a value with other names).
        seen: dict[str, tuple[list[int], list[float]]] = {}
        for row in rows:
            text = row[self.column]
            held = seen.get(text)
            if held is None:
                found = Counter(j for term in self.analyze(text) if (j := vocabulary.get(term)) is not None)
                ordered = sorted(found)
                held = seen[text] = (ordered, [1.0 if self.binary else float(found[j]) for j in ordered])
            columns.extend(held[0])
            counts.extend(held[1])
            indptr.append(len(columns))
        at = np.asarray(columns, dtype=np.intp)
        values = np.asarray(counts, dtype=np.float64)
        if self.sublinear_tf:
            values = np.log(values) + 1.0
        if self.idf is not None:
            values = values * self.idf[at]
        bounds = np.asarray(indptr, dtype=np.intp)
        if self.norm in ("l2", "l1"):
            values = _scaled(values, bounds, self.norm)
        return bounds, at, values


def _scaled(values: np.ndarray, indptr: np.ndarray, norm: str) -> np.ndarray:
    """`values` with each row's entries divided by their L2 (or L1) norm; a row whose norm is 0 kept as it is."""
    scales = np.ones(len(indptr) - 1, dtype=np.float64)
    for r, (start, stop) in enumerate(zip(indptr[:-1].tolist(), indptr[1:].tolist(), strict=True)):
        if stop > start:
            own = values[start:stop]
            scale = float(np.sqrt(np.dot(own, own))) if norm == "l2" else float(np.abs(own).sum())
            if scale > 0:
                scales[r] = scale
    return values / np.repeat(scales, np.diff(indptr))


@dataclass
class OneHotBlock:
    """A fitted OneHotEncoder (unknown categories ignored, nothing dropped): one 1 per known cell."""

    columns: tuple[str, ...]
    categories: tuple[dict[str, int], ...]  # per column: category → its column within that column's codes

    @property
    def width(self) -> int:
        return sum(len(c) for c in self.categories)

    def features(self, row: Row) -> Features:
        out: Features = {}
        start = 0
        for column, codes in zip(self.columns, self.categories, strict=True):
            j = codes.get(row[column])
            if j is not None:
                out[start + j] = 1.0
            start += len(codes)
        return out


@dataclass
class CueBlock:
    """kpi_lint.classify.cues.CueFeatures: one 0/1 column per cue list."""

    columns: tuple[str, ...]
    lists: tuple[tuple[str, ...], ...]

    @property
    def width(self) -> int:
        return len(self.lists)

    def features(self, row: Row) -> Features:
        values = cue_matches(cue_text(row[c] for c in self.columns), self._patterns())
        return {j: v for j, v in enumerate(values) if v}

    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        """The lists' patterns (`cue_patterns`), found once per block rather than looked up again for every row;
        held beside the fields, out of the block's comparison and of what a form file stores."""
        held = self.__dict__.get("_held_patterns")
        if held is None or held[0] is not self.lists:
            held = self.__dict__["_held_patterns"] = (self.lists, cue_patterns(self.lists))
        return held[1]  # type: ignore[no-any-return]


Block = TextBlock | OneHotBlock | CueBlock


@dataclass
class FastModel:
    """A model's meta data and its pipeline's inference-only form (a ColumnTransformer's blocks, each with its
    weight, then a logistic regression's coefficients); predicts with NumPy alone."""

    meta: ModelMeta
    blocks: list[tuple[Block, float | None]]
    coef: np.ndarray  # (classes, features), or (1, features) for two classes
    intercept: np.ndarray
    classes: tuple[str, ...]
    path: Path | None = None

    def _row_features(self, row: Row) -> tuple[np.ndarray, np.ndarray]:
        _, columns, values = self._entries([row])
        return columns, values

    def _entries(self, rows: Sequence[Row]) -> Entries:
        """Every row's features, blocks side by side (each block's columns after the widths before it), as CSR."""
        n = len(rows)
        owners: list[np.ndarray] = []
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        start = 0
        for block, weight in self.blocks:
            indptr, at, got = block.entries(rows) if isinstance(block, TextBlock) else _dict_entries(block, rows)
            owners.append(np.repeat(np.arange(n, dtype=np.intp), np.diff(indptr)))
            columns.append(at + start)
            values.append(got * weight if weight is not None else got)
            start += block.width
        owner = np.concatenate(owners)
        order = np.argsort(owner, kind="stable")  # row by row, each row's blocks in order
        indptr = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
        return indptr, np.concatenate(columns)[order], np.concatenate(values)[order]

    def decision(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """The linear scores of `rows` (cells in ``meta.columns`` order, as `model_row` writes them).

        The features of all rows are found at once (`_entries`); each row's score is its own product of the
        coefficients' columns with its values, as one row alone gives it."""
        names = self.meta.columns
        indptr, columns, values = self._entries([dict(zip(names, cells, strict=True)) for cells in rows])
        scores = np.zeros((len(rows), self.coef.shape[0]), dtype=np.float64)
        for r, (start, stop) in enumerate(zip(indptr[:-1].tolist(), indptr[1:].tolist(), strict=True)):
            if stop > start:
                scores[r] = self.coef[:, columns[start:stop]] @ values[start:stop]
        return scores + self.intercept

    def predict_proba(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Probabilities of `rows`, classes in `classes` order, as LogisticRegression.predict_proba gives them."""
        scores = self.decision(rows)
        if len(self.classes) <= 2:  # one score: the logistic of the second class
            p = _expit(scores[:, 0])
            return np.stack([1 - p, p], axis=1)
        scores = scores - scores.max(axis=1, keepdims=True)  # the softmax, as scikit-learn's extmath.softmax
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def predict(self, rows: Sequence[Sequence[object]]) -> list[tuple[str, float]]:
        """(label, probability of that label) for every row, as kpi_lint.classify.api.predict_frame gives them."""
        out: list[tuple[str, float]] = []
        columns = self.meta.columns
        for start in range(0, len(rows), ROWS_PER_PRODUCT):
            chunk = [model_row(row, columns) for row in rows[start : start + ROWS_PER_PRODUCT]]
            proba = self.predict_proba(chunk)
            best = proba.argmax(axis=1)
            out.extend((self.classes[i], float(proba[r, i])) for r, i in enumerate(best.tolist()))
        return out


def _dict_entries(block: OneHotBlock | CueBlock, rows: Sequence[Row]) -> Entries:
    """A block of a few columns a row (`features`), as CSR arrays; each distinct set of the block's cells read once."""
    indptr = [0]
    columns: list[int] = []
    values: list[float] = []
    seen: dict[tuple[str, ...], list[tuple[int, float]]] = {}
    for row in rows:
        cells = tuple(row[c] for c in block.columns)
        found = seen.get(cells)
        if found is None:
            found = seen[cells] = sorted(block.features(row).items())
        columns.extend(j for j, _ in found)
        values.extend(v for _, v in found)
        indptr.append(len(columns))
    return np.asarray(indptr, dtype=np.intp), np.asarray(columns, dtype=np.intp), np.asarray(values, dtype=np.float64)


def _expit(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-x) without overflow (scipy.special.expit without SciPy)."""
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1.0 + e)
    return out
