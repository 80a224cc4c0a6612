"""KPI303's whole-document comparison gives exactly the pairwise one, on the projects of real documents.

The rule scores all rows of a document at once (kpi_lint.rules.text._copy_matrix); its definition is the
pairwise ``set_similarity`` and ``_goal_similarity``.  Here every pair of projects of the five samples and
the wild set is compared both ways (pooled as one list, as if one budget book printed them all, so pairs of
different documents and forms count too), in one block and in blocks of a few rows each.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from kpi_lint.errors import InputError
from kpi_lint.model import Project
from kpi_lint.parse import parse
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.text import _copy_matrix
from kpi_lint.rules.text._text import clean
from kpi_lint.rules.text.kpi303_copied_across_projects import CopiedAcrossProjects, goal_texts, indicator_rows
from tests.corpus import CORPUS_DIR, all_corpus_docs


@cache
def pooled_projects() -> tuple[Project, ...]:
    projects = [p for doc in all_corpus_docs() for p in doc.projects]
    for path in sorted((CORPUS_DIR / "wild").glob("*.txt")):
        try:
            doc = parse(path)
        except InputError:
            continue
        projects.extend(doc.projects)
    return tuple(projects)


def rule() -> CopiedAcrossProjects:
    return CopiedAcrossProjects(RuleContext(documents=list(all_corpus_docs())))


def test_pool_is_real_and_large() -> None:
    projects = pooled_projects()
    assert len(projects) >= 200  # 37 sample projects and the wild set's
    assert sum(len(indicator_rows(p)) for p in projects) > 1500


@pytest.mark.parametrize("block_cells", [_copy_matrix.BLOCK_CELLS, 50])
def test_shared_rows_equal_pairwise_set_similarity(monkeypatch: pytest.MonkeyPatch, block_cells: int) -> None:
    monkeypatch.setattr(_copy_matrix, "BLOCK_CELLS", block_cells)
    check = rule()
    rows = [indicator_rows(p) for p in pooled_projects()]
    cut, value_cut = float(check.opts["row_similarity"]), float(check.opts["value_similarity"])
    shared = list(_copy_matrix.shared_rows(rows, cut, value_cut))
    assert [len(s) for s in shared] == list(range(len(rows)))
    copies = 0
    for j, counts in enumerate(shared):
        for i in range(j):
            pairwise = check.set_similarity(rows[i], rows[j])
            whole = int(counts[i]) / (len(rows[i]) + len(rows[j])) if rows[i] and rows[j] else 0.0
            assert whole == pairwise, (i, j)
            copies += pairwise >= float(check.opts["set_similarity"])
    assert copies >= 3  # 000's and 002's copied tables, at least


@pytest.mark.parametrize("block_cells", [_copy_matrix.BLOCK_CELLS, 5])
def test_goal_scores_equal_pairwise_goal_similarity(monkeypatch: pytest.MonkeyPatch, block_cells: int) -> None:
    monkeypatch.setattr(_copy_matrix, "BLOCK_CELLS", block_cells)
    check = rule()
    projects = pooled_projects()
    min_len = int(check.opts["min_goal_length"])
    texts = [
        {period: t for period, loc in goal_texts(p).items() if len(t := clean(loc.text)) >= min_len} for p in projects
    ]
    compared = 0
    for j, by_period in enumerate(_copy_matrix.goal_scores(texts, 0.0)):
        for i in range(j):
            pairwise = check._goal_similarity(projects[i], projects[j])
            scores = [float(s[i]) for s in by_period.values() if s[i] != -np.inf]
            if pairwise is None:
                assert scores == []
                continue
            compared += 1
            assert max(scores) == pairwise[0], (i, j)
    assert compared > 2000
