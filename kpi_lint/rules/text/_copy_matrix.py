"""KPI303's comparisons of a whole document at once: every later project against all earlier ones.

Comparing each pair of projects with its own rapidfuzz calls costs a Python round trip per pair, and a
budget book prints hundreds of projects in one file (200 projects: 19,900 pairs).  Here the rows of all
projects are scored with one ``process.cdist`` per scorer over blocks of later projects (a block's cells
bounded by ``BLOCK_CELLS``; each distinct string scored once), and the shared rows are summed per pair
with numpy.  The scores are the
ones the pairwise comparison computes (same scorer, same float32 cells, same comparisons); ``score_cutoff``
only zeroes cells far below the threshold, which the comparison rejects anyway.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz, process

BLOCK_CELLS = 4_000_000
"""Most cells (later rows × earlier rows) scored at once: about 40 MB of scores and masks."""


def _blocks(sizes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Runs [p0, p1) of consecutive items whose rows times all rows up to the run's end stay in bounds."""
    p0, end = 0, 0
    while p0 < len(sizes):
        p1, rows = p0, 0
        while p1 < len(sizes) and (p1 == p0 or (rows + sizes[p1]) * (end + rows + sizes[p1]) <= BLOCK_CELLS):
            rows += sizes[p1]
            p1 += 1
        yield p0, p1
        end += rows
        p0 = p1


def _cutoff(cut: float) -> float:
    """A ``score_cutoff`` safely below ``cut``: cells zeroed by it score under ``cut`` in float32 too."""
    return min(max(cut - 0.01, 0.0), 100.0)


def _at_least(queries: Sequence[str], choices: Sequence[str], cut: float) -> np.ndarray:
    """``fuzz.ratio(q, c) >= cut`` for every query and choice, each distinct string scored once.

    A budget book repeats rows ("服务对象满意度=≥90%" in most projects), so the distinct strings are far fewer
    than the rows; the cells of equal strings are equal, so the mask is the one a cdist over all rows gives.
    """
    uq, inv_q = _distinct(queries)
    uc, inv_c = _distinct(choices)
    hits = process.cdist(uq, uc, scorer=fuzz.ratio, score_cutoff=_cutoff(cut)) >= cut
    return hits[inv_q[:, None], inv_c[None, :]]


def _distinct(strings: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct strings in first-seen order and each string's index among them (a dict, not np.unique:
    sorting an object array compares Python strings one pair at a time)."""
    index: dict[str, int] = {}
    inverse = np.fromiter((index.setdefault(s, len(index)) for s in strings), dtype=np.intp, count=len(strings))
    return list(index), inverse


def shared_rows(
    rows: Sequence[Sequence[tuple[str, str]]],
    row_cut: float,
    value_cut: float,
) -> Iterator[np.ndarray]:
    """For each project j in order, the Dice numerator with each earlier project i < j (an int array of length j).

    The numerator of project pair (i, j) is the number of i's rows with a matching row in j plus the
    number of j's rows with a matching row in i, as ``CopiedAcrossProjects.set_similarity`` counts them:
    "name=value" ratio ≥ ``row_cut``, or names ratio ≥ ``row_cut`` and the partial ratio of the earlier
    row's value to the later row's ≥ ``value_cut``.  Projects with no rows share nothing.
    """
    sizes = [len(r) for r in rows]
    flat = [row for r in rows for row in r]
    whole = [f"{n}={v}" for n, v in flat]
    names = [n for n, _ in flat]
    values = [v or "-" for _, v in flat]
    owner = np.repeat(np.arange(len(rows)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    partial: dict[tuple[str, str], bool] = {}
    for p0, p1 in _blocks(sizes):
        r0, r1 = int(starts[p0]), int(starts[p1])
        if r1 == r0:
            for j in range(p0, p1):
                yield np.zeros(j, dtype=np.int64)
            continue
        matched = _at_least(whole[r0:r1], whole[:r1], row_cut)
        earlier = owner[None, :r1] < owner[r0:r1, None]
        xs, ys = np.nonzero(_at_least(names[r0:r1], names[:r1], row_cut) & ~matched & earlier)
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            key = (values[y], values[r0 + x])
            if key not in partial:
                partial[key] = bool(np.float32(fuzz.partial_ratio(*key)) >= value_cut)
            if partial[key]:
                matched[x, y] = True
        matched &= earlier
        # projects with rows, as reduceat needs non-empty segments
        full = [p for p in range(p1) if sizes[p]]
        col_starts = starts[full]
        later_full = [p for p in range(p0, p1) if sizes[p]]
        row_starts = starts[later_full] - r0
        # later rows with a match in each earlier project, summed per later project
        later_hits = np.logical_or.reduceat(matched, col_starts, axis=1)
        later_counts = np.add.reduceat(later_hits.astype(np.int64), row_starts, axis=0)
        # earlier rows matched by each later project, summed per earlier project
        earlier_hits = np.logical_or.reduceat(matched, row_starts, axis=0)
        earlier_counts = np.add.reduceat(earlier_hits.astype(np.int64), col_starts, axis=1)
        totals = later_counts + earlier_counts
        at = {p: k for k, p in enumerate(later_full)}
        full_at = np.array(full, dtype=np.int64)
        for j in range(p0, p1):
            out = np.zeros(j, dtype=np.int64)
            if j in at:
                n = int(np.searchsorted(full_at, j))
                out[full_at[:n]] = totals[at[j], :n]
            yield out


def goal_scores(texts: Sequence[dict[str | None, str]], cut: float) -> Iterator[dict[str | None, np.ndarray]]:
    """For each project j in order, by period of its aims, ``fuzz.ratio`` against each earlier project's aim
    of that period (float64, as the scalar call returns it; -inf where the earlier one has none, 0 where far
    under ``cut``).  ``texts`` holds each project's cleaned aims long enough to judge, by period."""
    periods: list[str | None] = []
    for t in texts:
        periods.extend(p for p in t if p not in periods)
    per_period = {p: ([k for k, t in enumerate(texts) if p in t], [t[p] for t in texts if p in t]) for p in periods}
    sizes = [len(t) for t in texts]
    for p0, p1 in _blocks([max(s, 1) for s in sizes]):
        rows: dict[str | None, dict[int, np.ndarray]] = {}
        for p, (owners, strings) in per_period.items():
            q = [n for n, o in enumerate(owners) if p0 <= o < p1]
            if not q:
                continue
            ends = sum(1 for o in owners if o < p1)
            scores = process.cdist(
                [strings[n] for n in q],
                strings[:ends],
                scorer=fuzz.ratio,
                dtype=np.float64,
                score_cutoff=min(max(cut, 0.0), 100.0),
            )
            at = np.array(owners[:ends], dtype=np.int64)
            for k, n in enumerate(q):
                # one aim per project and period, in document order: the earlier projects' aims come first
                full = np.full(owners[n], -np.inf)
                full[at[:n]] = scores[k, :n]
                rows.setdefault(p, {})[owners[n]] = full
        for j in range(p0, p1):
            yield {p: rows[p][j] for p in texts[j]}
