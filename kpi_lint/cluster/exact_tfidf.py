"""scikit-learn's TF-IDF steps of the peer index, done with NumPy alone, operation for operation.

A one-file check clusters a few dozen indicator names and compares a handful of projects; importing
scikit-learn, SciPy and pandas for it costs more than a second, the work itself a few milliseconds.
This module computes what the pipelines of kpi_lint.cluster.features and kpi_lint.cluster.peers
compute — `TfidfVectorizer` (vocabulary, sublinear tf, smoothed idf, l2 rows) in a `ColumnTransformer`
with weights, a `Normalizer`, and the sparse products of cosine similarity — with the same floating-point
operations in the same order, so that every number is the same bit for bit, not merely close:

* a row keeps its entries in the order scikit-learn stores them (a fitted row: by the vocabulary's
  order of first appearance, as `CountVectorizer` sorts its indices before renumbering the terms
  alphabetically; a transformed row: by column), because a row's norm and its products are sums taken
  in that order;
* `products` sums a row's terms one stored entry after another, as SciPy's and scikit-learn's sparse
  products (Gustavson's row-by-row algorithm) do.

tests/cluster/test_exact_forms.py proves the equality on every document of the corpus and the wild set,
alone and together.  Where scikit-learn would switch to a dense output (every cell non-zero: one text,
one project) the caller says what it does (kpi_lint.cluster.peers mirrors the dense path).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

Analyzer = Callable[[str], list[str]]
_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's VectorizerMixin._white_spaces


def char_ngrams(low: int, high: int) -> Analyzer:
    """scikit-learn's analyzer "char" with `ngram_range=(low, high)`: lower case, white space squeezed."""

    def analyze(text: str) -> list[str]:
        text = _WHITE_SPACES.sub(" ", text.lower())
        length = len(text)
        first = low
        grams = []
        if first == 1:
            grams = list(text)
            first = 2
        for n in range(first, min(high + 1, length + 1)):
            grams.extend(text[i : i + n] for i in range(length - n + 1))
        return grams

    return analyze


@dataclass
class Rows:
    """A CSR matrix as plain arrays: row i holds data[indptr[i]:indptr[i+1]] at columns indices[…], in that order."""

    data: np.ndarray  # float64
    indices: np.ndarray  # int64
    indptr: np.ndarray  # int64
    width: int

    @property
    def height(self) -> int:
        return len(self.indptr) - 1

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.indptr)

    def take(self, rows: np.ndarray) -> Rows:
        """These rows, in this order (each row's entries in their order)."""
        starts, lengths = self.indptr[rows], self.lengths[rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        at = np.repeat(starts - indptr[:-1], lengths) + np.arange(int(indptr[-1]))
        return Rows(self.data[at], self.indices[at], indptr, self.width)

    @classmethod
    def from_dense(cls, matrix: np.ndarray) -> Rows:
        """The non-zero cells of a dense array, by row and column (as `scipy.sparse.csr_matrix(matrix)`)."""
        rows, columns = np.nonzero(matrix)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=matrix.shape[0]))]).astype(np.int64)
        return cls(matrix[rows, columns], columns.astype(np.int64), indptr, matrix.shape[1])

    def dense(self) -> np.ndarray:
        out = np.zeros((self.height, self.width))
        out[np.repeat(np.arange(self.height), self.lengths), self.indices] = self.data
        return out

    def row_of_each_entry(self) -> np.ndarray:
        return np.repeat(np.arange(self.height), self.lengths)


def _by_position(rows: Rows) -> list[tuple[np.ndarray, np.ndarray]]:
    """For p = 0, 1, …: the rows with a p-th entry and where it is, so that a sum over each row's entries in
    their stored order is taken for all rows at once, one position at a time."""
    lengths = rows.lengths
    steps = []
    for p in range(int(lengths.max(initial=0))):
        which = np.flatnonzero(lengths > p)
        steps.append((which, rows.indptr[which] + p))
    return steps


def normalize(rows: Rows) -> Rows:
    """Unit-length rows as scikit-learn's `inplace_csr_row_normalize_l2`: the squares summed in stored order,
    a row of zeros left as it is."""
    total = np.zeros(rows.height)
    for which, at in _by_position(rows):
        total[which] += rows.data[at] * rows.data[at]
    norm = np.sqrt(total)
    norm[total == 0.0] = 1.0
    return Rows(rows.data / np.repeat(norm, rows.lengths), rows.indices, rows.indptr, rows.width)


def products(left: Rows, right: Rows) -> np.ndarray:
    """left @ right.T as a dense array (left's rows × right's rows): each product the sum over left's row in its
    stored order of the entries right shares, as SciPy's and scikit-learn's sparse products take it.  Memory:
    the output and right's entries, never a dense copy of either side."""
    by_column = np.argsort(right.indices, kind="stable")
    holder, value = right.row_of_each_entry()[by_column], right.data[by_column]
    starts = np.concatenate([[0], np.cumsum(np.bincount(right.indices, minlength=right.width))])
    out = np.zeros((left.height, right.height))
    for which, at in _by_position(left):
        column = left.indices[at]
        first, count = starts[column], starts[column + 1] - starts[column]
        # each row of `which` meets the entries of its column: (row, holder) pairs are distinct within a position
        taken = np.repeat(first - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
        out[np.repeat(which, count), holder[taken]] += np.repeat(left.data[at], count) * value[taken]
    return out


@dataclass
class TfidfBlock:
    """A fitted TfidfVectorizer (norm l2, smooth idf) over one column: its vocabulary and idf."""

    analyzer: Analyzer
    vocabulary: dict[str, int]
    idf: np.ndarray | None  # None: use_idf=False
    sublinear: bool

    @classmethod
    def fit(
        cls, texts: Sequence[str], analyzer: Analyzer, *, sublinear: bool, use_idf: bool = True
    ) -> tuple[TfidfBlock, Rows]:
        """The fitted block and its rows of `texts`, as `TfidfVectorizer.fit_transform`."""
        first_seen: dict[str, int] = {}
        # CountVectorizer sorts a row by first appearance …
        counts, indices, indptr = _counts(texts, analyzer, lambda gram: first_seen.setdefault(gram, len(first_seen)))
        vocabulary = {term: rank for rank, term in enumerate(sorted(first_seen))}
        renumber = np.empty(len(first_seen), dtype=np.int64)  # … then renumbers the terms alphabetically
        for term, at in first_seen.items():
            renumber[at] = vocabulary[term]
        raw = Rows(counts, renumber[indices], indptr, len(vocabulary))
        idf = None
        if use_idf:
            df = np.bincount(raw.indices, minlength=raw.width).astype(np.float64)
            df += 1.0
            idf = np.full_like(df, fill_value=raw.height + 1, dtype=np.float64)
            idf /= df
            np.log(idf, out=idf)
            idf += 1.0
        block = cls(analyzer, vocabulary, idf, sublinear)
        return block, block._weigh(raw)

    def transform(self, texts: Sequence[str]) -> Rows:
        """Rows of new texts (columns in order, unknown terms left out), as `TfidfVectorizer.transform`."""
        return self._weigh(Rows(*_counts(texts, self.analyzer, self.vocabulary.get), len(self.vocabulary)))

    def _weigh(self, counts: Rows) -> Rows:
        data = counts.data
        if self.sublinear:
            data = np.log(data)
            data += 1.0
        if self.idf is not None:
            data = data * self.idf[counts.indices]
        return normalize(Rows(data, counts.indices, counts.indptr, counts.width))


def _counts(
    texts: Sequence[str], analyzer: Analyzer, column_of: Callable[[str], int | None]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each text's term counts as CSR arrays (data, indices, indptr), a row's columns in ascending order;
    `column_of` gives a term's column (None: the term is left out)."""
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        counter: dict[int, int] = {}
        for gram in analyzer(text):
            at = column_of(gram)
            if at is not None:
                counter[at] = counter.get(at, 0) + 1
        for at in sorted(counter):
            indices.append(at)
            counts.append(counter[at])
        indptr.append(len(indices))
    return (
        np.asarray(counts, dtype=np.float64),
        np.asarray(indices, dtype=np.int64),
        np.asarray(indptr, dtype=np.int64),
    )


def hstack(blocks: Sequence[Rows], weights: Sequence[float] | None = None) -> Rows:
    """The blocks side by side (each row: the first block's entries, then the next's), each times its weight,
    as a `ColumnTransformer` with `transformer_weights` stacks sparse outputs."""
    if weights is not None:
        blocks = [Rows(b.data * w, b.indices, b.indptr, b.width) for b, w in zip(blocks, weights, strict=True)]
    height = blocks[0].height
    offsets = np.cumsum([0, *(b.width for b in blocks)])
    lengths = np.sum([b.lengths for b in blocks], axis=0)
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    data = np.empty(int(indptr[-1]))
    indices = np.empty(int(indptr[-1]), dtype=np.int64)
    placed = indptr[:-1].copy()
    for block, offset in zip(blocks, offsets[:-1].tolist(), strict=True):
        at = np.repeat(placed - block.indptr[:-1], block.lengths) + np.arange(len(block.data))
        data[at] = block.data
        indices[at] = block.indices + offset
        placed += block.lengths
    assert all(b.height == height for b in blocks)
    return Rows(data, indices, indptr, int(offsets[-1]))


def is_full(blocks: Sequence[Rows]) -> bool:
    """Whether every cell of the stacked blocks holds an entry: a `ColumnTransformer` with
    `sparse_threshold=1.0` then returns a dense array."""
    return sum(len(b.data) for b in blocks) == sum(b.height * b.width for b in blocks)


def unit_stack(parts: Sequence[Rows], weights: Sequence[float] | None = None) -> tuple[Rows, np.ndarray | None]:
    """The blocks side by side, each times its weight, rows of unit length — as a `ColumnTransformer`
    (`sparse_threshold=1.0`) and a `Normalizer` give them — and, when every cell is set and the transformer's
    output is therefore a dense array normalized as such, that array (else None)."""
    if not is_full(parts):
        return normalize(hstack(parts, weights)), None
    factors = weights if weights is not None else [1.0] * len(parts)
    # `* 1.0` changes no float: the unweighted blocks stack as they are
    dense = dense_unit_rows(np.hstack([p.dense() * w for p, w in zip(parts, factors, strict=True)]))
    return Rows.from_dense(dense), dense


def dense_unit_rows(matrix: np.ndarray) -> np.ndarray:
    """scikit-learn's `normalize` of a dense array (its row norms by `np.einsum`, a zero norm kept as 1)."""
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    norms[norms < 10 * np.finfo(norms.dtype).eps] = 1.0
    matrix /= norms[:, None]
    return matrix
