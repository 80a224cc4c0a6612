"""The similarity space over projects that the peer index ranks peers in: by scikit-learn, or by NumPy.

A project is a row of two TF-IDF blocks — the characters of its name (2–3-grams) and the clusters of its
indicators — stacked and normalized (`LibrarySpace`, the pipeline of `project_vectorizer`).  The index asks
three things of it: the products of a block of projects with every project (their nearest neighbours), the
similarities of one project or of a project not indexed with some of them, and whether the matrix is sparse
(scikit-learn returns a dense one when every cell is set: a single project).

`ExactSpace` answers the same with NumPy (kpi_lint.cluster.exact_tfidf), the same numbers bit for bit — the
dense path included — so that a one-file check ranks its projects without importing scikit-learn, SciPy or
pandas (tests/cluster/test_exact_forms.py compares the two on the corpus and the wild set).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from kpi_lint.cluster.exact_tfidf import (
    Analyzer,
    Rows,
    TfidfBlock,
    char_ngrams,
    dense_unit_rows,
    hstack,
    normalize,
    products,
    unit_stack,
)

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

COLUMNS = ("name", "clusters")
ProjectRow = dict[str, str]  # column → text: the normalized name, the cluster tokens ("c3 c17")


class Products(Protocol):
    """Sparse products of a block of projects with every project (CSR arrays), read by the peer index."""

    @property
    def indptr(self) -> np.ndarray: ...

    @property
    def indices(self) -> np.ndarray: ...

    @property
    def data(self) -> np.ndarray: ...


class ProjectSpace(Protocol):
    count: int  # projects
    sparse: bool  # False: scikit-learn's dense matrix, ranked by transforming the project asked about

    def block_products(self, start: int, size: int) -> Products: ...

    def similarities(self, query: int | ProjectRow, order: np.ndarray) -> np.ndarray: ...


def used_columns(rows: Sequence[ProjectRow]) -> list[str]:
    """The columns some project fills (an all-empty block cannot be fit)."""
    return [c for c in COLUMNS if any(len(r[c]) > 0 for r in rows)]


def project_vectorizer(columns: Sequence[str]) -> Pipeline:
    """The pipeline: similar projects share words in their names and clusters among their indicators."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import Normalizer

    blocks = {
        "name": TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True),
        "clusters": TfidfVectorizer(analyzer=str.split, sublinear_tf=True),
    }
    union = ColumnTransformer([(c, blocks[c], c) for c in columns], sparse_threshold=1.0)
    return Pipeline([("features", union), ("unit", Normalizer())])


class LibrarySpace:
    """The space as scikit-learn computes it (SciPy sparse products)."""

    def __init__(self, rows: Sequence[ProjectRow], columns: Sequence[str]) -> None:
        import pandas as pd
        from scipy import sparse

        self._vectorizer = project_vectorizer(columns)
        self._matrix = self._vectorizer.fit_transform(pd.DataFrame(list(rows), columns=list(COLUMNS)))
        self.count = int(self._matrix.shape[0])
        self.sparse = bool(sparse.issparse(self._matrix))
        self._columns: sparse.csr_matrix | None = None  # the matrix transposed, once

    def block_products(self, start: int, size: int) -> Products:
        from scipy import sparse

        if self._columns is None:
            self._columns = sparse.csr_matrix(self._matrix.T)
        return sparse.csr_matrix(self._matrix[start : start + size] @ self._columns)

    def similarities(self, query: int | ProjectRow, order: np.ndarray) -> np.ndarray:
        import pandas as pd
        from sklearn.metrics.pairwise import linear_kernel

        if isinstance(query, int):
            asked = self._matrix[query : query + 1]
        else:
            asked = self._vectorizer.transform(pd.DataFrame([query], columns=list(COLUMNS)))
        return np.asarray(linear_kernel(asked, self._matrix[order])).ravel()


class ExactSpace:
    """The space computed with NumPy: `LibrarySpace`'s numbers, operation for operation."""

    def __init__(self, rows: Sequence[ProjectRow], columns: Sequence[str]) -> None:
        analyzers: dict[str, Analyzer] = {"name": char_ngrams(2, 3), "clusters": str.split}
        fitted = [TfidfBlock.fit([r[c] for r in rows], analyzers[c], sublinear=True) for c in columns]
        self._columns = list(columns)
        self._blocks = [block for block, _ in fitted]
        parts = [part for _, part in fitted]
        self.count = len(rows)
        # scikit-learn's output is dense when every cell is set (a single project), normalized as an array
        self._rows, self._dense = unit_stack(parts)
        self.sparse = self._dense is None

    def block_products(self, start: int, size: int) -> Products:
        block = self._rows.take(np.arange(start, min(start + size, self.count)))
        return Rows.from_dense(products(block, self._rows))

    def similarities(self, query: int | ProjectRow, order: np.ndarray) -> np.ndarray:
        if isinstance(query, int):
            return products(self._rows.take(np.array([query])), self._rows.take(order)).ravel()
        parts = [block.transform([query[c]]) for block, c in zip(self._blocks, self._columns, strict=True)]
        if self._dense is None:
            return products(normalize(hstack(parts)), self._rows.take(order)).ravel()
        asked = dense_unit_rows(np.hstack([p.dense() for p in parts]))
        return np.asarray(asked @ self._dense[order].T).ravel()
