"""Grouping unique normalized texts: average-linkage clustering in bounded blocks.

The corpus has a few hundred distinct texts; a province has hundreds of
thousands.  A dense n×n distance matrix does not scale, so:

1. the caller dedupes (most indicators are copies: "群众满意度" thousands of times)
   and may say which kinds of value each text's targets have (features.py);
2. texts are split into blocks of at most `block_size` by a recursive
   MiniBatchKMeans with a small fan-out (so neither the centres nor any
   distance matrix grows with n²); a cell cut short and its complete form
   (found over all texts at once, in sorted order) go to one block, so that
   the rule of step 3 that joins them is never cut by a block boundary;
3. within a block: cosine distances, with rapidfuzz near-duplicates (truncated
   cells, one-character typos) and names with two parts swapped (购置办公设备数量 /
   办公设备购置数量; kept in one block like a cut cell) set to distance 0 and two names that cannot be one
   indicator set to distance 1 (normalize.measures_clash): they end in different kinds of measure (a rate and
   a count: 购置办公设备数量 / 购置办公设备种类; a pass rate and an uptime rate; a number of times and of people,
   lexicons/measure_heads.txt), name objects of two classes (works, goods, an information system:
   lexicons/measure_objects.txt) or have amounts per different units (元/份, 元/人), and two names of another
   level, population or side of a pair of opposites (国家级 / 省级, 患者 / 医务人员, 收入 / 支出:
   lexicons/cluster_contrasts.txt, `contrasting`; two concept classes of one family of
   lexicons/cluster_concepts.txt, 培训次数 / 培训人数, likewise) set to distance 1 even when they are
   near-duplicates, then
   AgglomerativeClustering with average linkage cut at `threshold`;
4. with more than one block, the clusters are clustered once more the same way,
   so that a group split by a block boundary is joined again.  A cluster stands
   for its members by their mean vector, padded to unit length in a dimension of
   its own: the cosine of two padded means is the mean cosine of their members,
   the distance average linkage joins two groups at (a plain centroid is nearer
   to everything than its members are, and the centroid pass used before issue
   13i joined about as many pairs again as exact clustering does).  While the clusters are still more than
   one block, the pass is repeated with another k-means draw until it joins
   nothing more (at most MERGE_ROUNDS times), so that two groups cut apart once
   more by the pass's own blocks meet in a later one.

Below `block_size` texts (the corpus, a county) steps 2 and 4 do nothing and the
result is exact average-linkage clustering; up to EXACT_MOST texts (a one-file check) it is
computed with NumPy alone (exact_tfidf, exact_linkage), the same labels as scikit-learn's.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from kpi_lint.cluster.exact_linkage import average_linkage_labels, cosine_distances
from kpi_lint.cluster.exact_tfidf import Rows, normalize, products
from kpi_lint.cluster.features import exact_vectors, make_vectorizer, segment
from kpi_lint.cluster.normalize import UNKNOWN, Signature, TextNormalizer, measures_clash
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD

if TYPE_CHECKING:  # SciPy and scikit-learn are imported where used: a one-file check needs neither (EXACT_MOST)
    from scipy import sparse

# rapidfuzz ratio (0–100) above which two texts are the same text mistyped or cut short.
NEAR_DUPLICATE = 90.0
# Short texts differ by one character in meaning (参保率 / 参保数): only longer ones are fuzzed.
NEAR_DUPLICATE_MIN_LENGTH = 6
# A text this long that is the start of another is the same cell cut short (shorter ones are words:
# 项目成本 / 项目成本超支率).
TRUNCATED_MIN_LENGTH = 7
# The shortest part of a name that counts as a word moved to the other side (办公设备 / 购置: two characters).
REORDERED_PART = 2
# Two amounts with a shared ending this long and a different word of at most OBJECT_WORD characters in front
# measure two objects (other_objects).  AMOUNTS: the kinds of measure (lexicons/measure_heads.txt) that scale with
# what is counted; a rate, a date or a duration of two objects stays comparable (both done by year-end).
SHARED_ENDING = 3
OBJECT_WORD = 3
AMOUNTS = frozenset({"计数", "面积", "金额"})
BLOCK_SIZE = 2000
_FAN_OUT = 16
# Merge passes over the clusters while they fill more than one block (each costs about half a first pass).
# On 5,800 synthetic texts in blocks of 500 (bench/cluster_bench.py's texts), of the pairs exact clustering
# joins, one pass keeps 92.7 %, two 93.6 %, four 93.7 % (the old centroid pass: 97.3 %, but it joined as many
# pairs again that exact clustering keeps apart).
MERGE_ROUNDS = 2
# A cut cell is placed in its complete form's block only when it starts at most this many texts: a start
# shared by many names ("建档立卡贫困户…") says little about which one was cut, and tying them all would make
# one group larger than a block.
TIE_MOST = 4
# Up to this many texts in one block (a file, a county), the clustering is computed with NumPy alone
# (kpi_lint.cluster.exact_tfidf, exact_linkage: the same numbers as scikit-learn's, without its second of
# imports).  Its linkage walks the merges one NumPy row operation at a time (n² work in n Python steps), so it
# is kept to the sizes one machine checks at once; the corpus and wild set together, 1,221 texts, took 0.8 s
# this way against 4.8 s through scikit-learn (its imports not counted; the same loaded 2-core machine).
EXACT_MOST = 1000
# Texts scored at once when the central texts of a large run are picked (TextClusters._scores): its per-entry
# arrays (six of 1–8 bytes an entry) are built for this many texts at a time, not for every text of a run at once.
# Picking the centrals of 14,470 texts (a 30k-row check) peaked 2.2 KB a text above its start all at once, 0.9 KB
# so (what is left is the centroids themselves).
SCORE_TEXTS = 4_096

Progress = Callable[[int], None]
# Clusters blocks of (vectors, texts, signatures) at a threshold, each on its own: in this process or on a
# Dask cluster (kpi_lint.run.dask_run.dask_blocks); labels are local to each block.
Block = tuple["sparse.csr_matrix", list[str], list[Signature]]
BlockMap = Callable[[Sequence[Block], float], list[np.ndarray]]


@dataclass(frozen=True)
class TextClusters:
    """Cluster labels of unique normalized texts, and the vectors they were cut from."""

    texts: list[str]
    labels: np.ndarray  # int, one per text; equal labels = same cluster
    vectors: sparse.csr_matrix | Rows  # unit-length rows (Rows: computed without SciPy, the same numbers)

    def centrals(self, weights: Sequence[float]) -> np.ndarray:
        """Per label, the text (index into `texts`) closest to its cluster's centroid, weighted by `weights`.

        All clusters at once: one sparse product for the centroids, one pass over the vectors' entries
        for the scores.  Ties (identical vectors) go to the most weighted, then the shortest, then the
        first text.
        """
        n = len(self.texts)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        w = np.asarray(weights, dtype=float)
        labels = self.labels
        scores = _central_scores(self.vectors, labels, w) if isinstance(self.vectors, Rows) else self._scores(w)
        rounded = np.array([round(s, 9) for s in scores.tolist()])
        lengths = np.fromiter(map(len, self.texts), dtype=np.int64, count=n)
        order = np.lexsort((np.arange(n), lengths, -w, -rounded, labels))
        firsts = np.r_[0, np.flatnonzero(np.diff(labels[order])) + 1]
        return np.asarray(order[firsts], dtype=np.int64)

    def _scores(self, w: np.ndarray) -> np.ndarray:
        """Each text's vector · its cluster's weighted centroid, with SciPy and scikit-learn."""
        from scipy import sparse
        from sklearn.preprocessing import normalize as unit_rows

        n = len(self.texts)
        labels = self.labels
        vectors = sparse.csr_matrix(self.vectors)
        membership = sparse.csr_matrix((w, (labels, np.arange(n))), shape=(int(labels.max()) + 1, n))
        summed = sparse.csr_matrix(membership @ vectors)
        del membership
        summed.sort_indices()
        centroids = sparse.csr_matrix(unit_rows(summed, copy=False))  # in place: the sums are not read again
        del summed
        # score of text i = its vector · its cluster's centroid, summed in the order of its entries: each text's
        # sum is its own, so texts are scored SCORE_TEXTS at a time, each sum the same as all at once
        width = vectors.shape[1]
        held = np.repeat(np.arange(centroids.shape[0], dtype=np.int64) * width, np.diff(centroids.indptr))
        held += centroids.indices
        scores = np.zeros(n)
        for start in range(0, n, SCORE_TEXTS):
            stop = min(start + SCORE_TEXTS, n)
            entries = slice(vectors.indptr[start], vectors.indptr[stop])
            rows = np.repeat(np.arange(stop - start), np.diff(vectors.indptr[start : stop + 1]))
            wanted = labels[rows + start].astype(np.int64) * width + vectors.indices[entries]
            at = np.minimum(np.searchsorted(held, wanted), max(len(held) - 1, 0))
            found = held[at] == wanted if len(held) else np.zeros(len(wanted), dtype=bool)
            products = vectors.data[entries] * np.where(found, centroids.data[at] if len(held) else 0.0, 0.0)
            scores[start:stop] = np.bincount(rows, weights=products, minlength=stop - start)
        return scores


def _central_scores(vectors: Rows, labels: np.ndarray, w: np.ndarray) -> np.ndarray:
    """TextClusters._scores with NumPy, the same sums in the same order: each centroid entry summed over the
    members in order, its squares over its columns in order, each score over the text's entries in order.
    One cluster at a time, so that only one centroid is held dense."""
    scores = np.zeros(len(labels))
    centroid = np.zeros(vectors.width)
    for members in _members_by_label(labels):
        centroid[:] = 0.0
        for i in members.tolist():
            at = slice(vectors.indptr[i], vectors.indptr[i + 1])
            centroid[vectors.indices[at]] += w[i] * vectors.data[at]
        held = np.flatnonzero(centroid)
        total = np.cumsum(centroid[held] * centroid[held])[-1] if len(held) else 0.0  # cumsum: in column order
        norm = np.sqrt(total) if total != 0.0 else 1.0
        for i in members.tolist():
            at = slice(vectors.indptr[i], vectors.indptr[i + 1])
            products = vectors.data[at] * (centroid[vectors.indices[at]] / norm)
            scores[i] = np.bincount(np.zeros(len(products), dtype=np.int64), weights=products, minlength=1)[0]
    return scores


def _members_by_label(labels: np.ndarray) -> list[np.ndarray]:
    """Each label's texts, in ascending order."""
    order = np.argsort(labels, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)


def cluster_texts(
    texts: Sequence[str],
    normalizer: TextNormalizer,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    kinds: Mapping[str, str] | None = None,
    per: Mapping[str, str] | None = None,
    block_size: int = BLOCK_SIZE,
    progress: Progress | None = None,
    block_map: BlockMap | None = None,
) -> TextClusters:
    """Cluster distinct normalized texts (the caller dedupes; empty texts are not allowed).

    `kinds` maps a text to the value kinds of its targets ("date count"): a text whose
    targets are dates and one whose targets are counts measure different things.  `per` maps a text to what
    its amounts are counted per ("份" for 10元/份, groups.per_units): a cost per copy and one per person are never
    joined.  `block_map`
    clusters the blocks elsewhere (a Dask cluster); the result is the same.
    """
    unique = list(texts)
    if not unique:
        return TextClusters([], np.zeros(0, dtype=int), Rows.from_dense(np.zeros((0, 0))))
    with_kinds = kinds is not None and any(kinds.get(t) for t in unique)
    per = per or {}
    measures = [normalizer.signature(t, per.get(t, "")) for t in unique]
    if len(unique) <= min(block_size, EXACT_MOST) and block_map is None:
        exact = exact_vectors(unique, normalizer, kinds if with_kinds else None)
        labels = _renumber(cluster_exact_block(exact, unique, threshold, measures))
        if progress is not None:
            progress(len(unique))
        return TextClusters(unique, labels, exact)
    _import_scikit_learn(blocks_here=block_map is None or len(unique) > block_size)
    from scipy import sparse

    frame = segment(unique, normalizer, kinds if with_kinds else None)
    vectors = sparse.csr_matrix(make_vectorizer(with_kinds=with_kinds).fit_transform(frame))
    del frame  # its words are in the vectors now; not held while the blocks are clustered
    if len(unique) <= block_size:
        labels = _cluster_rows(vectors, unique, measures, threshold, block_size, progress, block_map)
        return TextClusters(unique, _renumber(labels), vectors)
    together = _components(len(unique), _truncations(unique, TIE_MOST) + _reorderings(unique))
    labels = _cluster_rows(vectors, unique, measures, threshold, block_size, progress, block_map, together)
    for round_ in range(1, MERGE_ROUNDS + 1):
        before = int(labels.max(initial=0)) + 1
        if before == 1:
            break
        labels = _merge_across_blocks(
            vectors, unique, measures, labels, threshold, block_size, block_map, together, round_
        )
        if before <= block_size or int(labels.max(initial=0)) + 1 == before:
            break  # one exact pass over every cluster, or nothing more joined
    return TextClusters(unique, _renumber(labels), vectors)


def _import_scikit_learn(blocks_here: bool) -> None:
    """SciPy, pandas and the scikit-learn modules the clustering of more than EXACT_MOST texts uses, imported with
    the cyclic collector paused (kpi_lint.collector: a run imports them after reading every file, and the import
    would set off full passes over all it read); `blocks_here`: the blocks are clustered in this process (the
    clustering modules too)."""
    from kpi_lint.collector import import_paused

    vectors = ("scipy.sparse", "pandas", "sklearn.compose", "sklearn.feature_extraction.text", "sklearn.pipeline")
    clustering = ("sklearn.cluster", "sklearn.metrics.pairwise", "threadpoolctl") if blocks_here else ()
    import_paused(*vectors, "sklearn.preprocessing", *clustering)


def _cluster_rows(
    vectors: sparse.csr_matrix,
    texts: Sequence[str],
    measures: Sequence[Signature],
    threshold: float,
    block_size: int,
    progress: Progress | None,
    block_map: BlockMap | None = None,
    together: np.ndarray | None = None,
    seed: int = 0,
    blocks: list[np.ndarray] | None = None,
) -> np.ndarray:
    """Labels of rows clustered block by block; `blocks` (rows placed by the caller) or else `_partition`'s."""
    labels = np.empty(vectors.shape[0], dtype=np.int64)
    next_label = 0
    if blocks is None:
        blocks = _partition(vectors, block_size, seed, together)
    results: Iterator[np.ndarray]
    if block_map is None:  # one by one, so that the progress bar moves
        results = (
            cluster_block(vectors[block], [texts[i] for i in block], threshold, [measures[i] for i in block])
            for block in blocks
        )
    else:
        results = iter(
            block_map([(vectors[b], [texts[i] for i in b], [measures[i] for i in b]) for b in blocks], threshold)
        )
    for block, local in zip(blocks, results, strict=True):
        labels[block] = local + next_label
        next_label += int(local.max()) + 1
        if progress is not None:
            progress(len(block))
    return labels


def _partition(
    vectors: sparse.csr_matrix, block_size: int, seed: int = 0, together: np.ndarray | None = None
) -> list[np.ndarray]:
    """Index blocks of at most `block_size` rows, similar rows together.

    `together` gives each row a group id (_components); rows of one group go to one block, the block
    k-means gives the group's first row (a group larger than a block is cut in order).
    """
    n = vectors.shape[0]
    if n <= block_size:
        return [np.arange(n)]
    from sklearn.cluster import MiniBatchKMeans
    from threadpoolctl import threadpool_limits

    k = min(_FAN_OUT, -(-n // block_size) * 2)
    km = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=1, batch_size=4096, max_iter=20)
    # One thread, as the rest of a run: kpi-lint runs in parallel by processes (--jobs, Dask), and
    # k-means' OpenMP threads spin while they wait for each other, which on a busy machine (or beside
    # --jobs workers) burns more CPU than they save — the whole clustering of 30k rows took 13.1 s of
    # CPU with two threads and 7.5 s with one, at the same labels.
    with threadpool_limits(limits=1):
        assign = km.fit_predict(vectors)
    if together is not None:
        assign = assign[_first_of(together)]
    order = np.argsort(assign, kind="stable")
    bounds = np.flatnonzero(np.diff(assign[order])) + 1
    groups = np.split(order, bounds)
    if len(groups) == 1:  # k-means found no structure: cut in order (groups kept together) rather than loop
        if together is not None:
            order = np.argsort(together, kind="stable")
        return [order[i : i + block_size] for i in range(0, n, block_size)]
    blocks: list[np.ndarray] = []
    for group in groups:
        if len(group) <= block_size:
            blocks.append(group)
        else:
            inner = None if together is None else together[group]
            blocks.extend(group[sub] for sub in _partition(vectors[group], block_size, seed + 1, inner))
    return blocks


def _components(n: int, links: Sequence[tuple[int, int]]) -> np.ndarray:
    """Group id of each of `n` rows, rows joined by `links` in one group (connected components)."""
    if not links:
        return np.arange(n)
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    a, b = np.asarray(links, dtype=np.int64).T
    graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, ids = connected_components(graph, directed=False)
    return np.asarray(ids, dtype=np.int64)


def cluster_block(
    vectors: sparse.csr_matrix, texts: list[str], threshold: float, measures: Sequence[Signature] | None = None
) -> np.ndarray:
    """Average-linkage labels of one block of texts (different measures kept apart, near-duplicates joined).

    `measures` gives each text's signature (TextNormalizer.signature: its kind of measure, object and per-unit,
    each part empty when unknown): two texts whose signatures clash (`measures_clash`) are at distance 1,
    whatever their wording shares, unless one is the other mistyped or cut short.
    """
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics.pairwise import cosine_distances as distances_of

    if vectors.shape[0] == 1:
        return np.zeros(1, dtype=np.int64)
    distance = _kept_apart_and_joined(distances_of(vectors), texts, measures)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return np.asarray(model.fit_predict(distance), dtype=np.int64)


def cluster_exact_block(
    vectors: Rows, texts: list[str], threshold: float, measures: Sequence[Signature] | None = None
) -> np.ndarray:
    """`cluster_block` computed with NumPy alone (kpi_lint.cluster.exact_linkage): the same labels."""
    if vectors.height == 1:
        return np.zeros(1, dtype=np.int64)
    unit = normalize(vectors)  # cosine_distances normalizes its rows once more
    distance = _kept_apart_and_joined(cosine_distances(products(unit, unit)), texts, measures)
    return average_linkage_labels(distance, threshold)


def _kept_apart_and_joined(distance: np.ndarray, texts: list[str], measures: Sequence[Signature] | None) -> np.ndarray:
    """Cosine distances with different known measures set to 1 and near-duplicates to 0."""
    n = distance.shape[0]
    if measures is not None:
        # Each signature as a small integer: the few distinct ones compared once, the n² pairs looked up.
        kinds = list(dict.fromkeys(m.measure_only for m in measures))
        code = {m: i for i, m in enumerate(kinds)}
        kind = np.fromiter((code[m.measure_only] for m in measures), dtype=np.int64, count=n)
        clash = np.array([[measures_clash(a, b) for b in kinds] for a in kinds], dtype=bool)
        distance[clash[kind[:, None], kind[None, :]]] = 1.0
        for a, b in other_objects(texts, measures):
            distance[a, b] = distance[b, a] = 1.0
    # After the measures: a cell cut short ends where the page cut it, not in its measure
    # ("门诊，住院医疗费用" is "门诊，住院医疗费用救助比例").
    near = _near_duplicates(texts)
    if near is not None:
        distance[near] = 0.0
    # After the near-duplicates: a level or a population in place of another is no typo (long names such as
    # 国家级 / 省级重点实验室建设数量 score above NEAR_DUPLICATE).
    apart = None if measures is None else contrasting(measures)
    if apart is not None:
        distance[apart] = 1.0
    np.fill_diagonal(distance, 0.0)
    return distance


def contrasting(measures: Sequence[Signature]) -> np.ndarray | None:
    """Boolean matrix of the pairs two of whose words of lexicons/cluster_contrasts.txt are of one group and of
    other classes (`Signature.contrast`): 国家级 / 省级 教学成果奖, 国家级比赛 / 国际大赛 获奖数量, 患者 / 医务人员
    人数, 收入 / 支出 预算执行率, 国内 / 国际 专利申请数, 博士 / 博士后 人数.  A group both name with no class in
    common (a level, a population, one of two opposites) makes two concepts whatever else the names share.  Two
    writings of one class (县级 / 区级) stay comparable, and so does a name without any word of the group
    (参保人数 / 新增参保人数) or with a class the other also names (中央和省级 / 省级).  None when no name has such
    a word.

    A library lists such names side by side as its own distinct concepts (corpus/external)."""
    rows = np.flatnonzero([bool(m.contrast) for m in measures])
    if len(rows) < 2:
        return None
    classes = sorted({c for i in rows.tolist() for c in measures[i].contrast})
    column = {c: k for k, c in enumerate(classes)}
    # float32: the products below go through BLAS (an integer matrix product does not); counts stay exact.
    member = np.zeros((len(rows), len(classes)), dtype=np.float32)
    for r, i in enumerate(rows.tolist()):
        member[r, [column[c] for c in measures[i].contrast]] = 1.0
    groups: dict[str, list[int]] = {}
    for k, c in enumerate(classes):
        groups.setdefault(c.partition("/")[0], []).append(k)
    out = np.zeros((len(measures), len(measures)), dtype=bool)
    for columns in groups.values():
        if len(columns) < 2:  # one class of the group in the block: nothing to keep apart
            continue
        part = member[:, columns]
        named = np.flatnonzero(part.any(axis=1))  # only the names that name the group are compared
        part = part[named]
        at = np.ix_(rows[named], rows[named])
        out[at] |= (part @ part.T) == 0
    return out


def other_objects(texts: Sequence[str], measures: Sequence[Signature]) -> list[tuple[int, int]]:
    """(i, j) where two amounts (a count, an area, a sum: AMOUNTS) are the same measure of two objects named by
    a short word in front: 梨树种植面积 / 桃树种植面积, 猪养殖数量 / 羊养殖数量, 车辆购置成本 / 设备购置成本,
    培训人员人数 / 特困人员人数.  The texts share an ending of at least SHARED_ENDING characters, and what
    is left of each is a word of at most OBJECT_WORD characters, the two with no character in common (the
    pairs' rule: a count scales with what is counted).  A rate or a date of two objects stays comparable
    (伙食补助发放率 / 渔船补助发放率, 任务完成时间 / 发放完成时间), and a name with nothing in front goes with either
    (种植面积 / 桃树种植面积).

    Texts are grouped by their possible endings (at most OBJECT_WORD per text), so no n² loop."""
    by_ending: dict[str, list[tuple[str, int]]] = {}
    for i, (text, measure) in enumerate(zip(texts, measures, strict=True)):
        if measure.kind.partition("/")[0] not in AMOUNTS:
            continue
        for cut in range(1, OBJECT_WORD + 1):
            if len(text) - cut >= SHARED_ENDING:
                by_ending.setdefault(text[cut:], []).append((text[:cut], i))
    pairs: list[tuple[int, int]] = []
    for group in by_ending.values():
        for k, (word, i) in enumerate(group):
            pairs.extend((i, j) for other, j in group[k + 1 :] if not set(word) & set(other))
    return pairs


def _near_duplicates(texts: list[str]) -> np.ndarray | None:
    """Boolean matrix of near-duplicate pairs: rapidfuzz ratio ≥ NEAR_DUPLICATE, a cell cut short, or two
    parts of a name written in the other order (_reorderings)."""
    reordered = _reorderings(texts)
    long_enough = np.array([len(t) >= NEAR_DUPLICATE_MIN_LENGTH for t in texts])
    scored = long_enough.sum() >= 2  # ratios and cut cells need two long texts; a swap needs none
    if not scored and not reordered:
        return None
    near = np.zeros((len(texts), len(texts)), dtype=bool)
    if scored:
        # Scored only among the long texts (a short one is no near-duplicate of anything), and only between
        # lengths that can reach the ratio (`_comparable_lengths`): the rest score below it whatever their characters.
        # The ratio is symmetric, so each pair is scored once, from its shorter text (a length against itself and the
        # longer lengths either text's range holds), and each of its two cells set as that text's range says.  One
        # thread, as the k-means below: a run is parallel by processes, and a thread pool per small call costs more
        # than it saves.
        rows = np.flatnonzero(long_enough)
        lengths = np.fromiter((len(texts[i]) for i in rows), dtype=np.int64, count=len(rows))
        present = np.unique(lengths)
        lows, highs = np.array([_comparable_lengths(n) for n in present.tolist()], dtype=np.int64).reshape(-1, 2).T
        own = present.searchsorted(lengths)  # each text's length among those present
        low_of, high_of = lows[own], highs[own]
        for length, low, high in zip(present.tolist(), lows.tolist(), highs.tolist(), strict=True):
            queries = rows[lengths == length]
            paired = (lengths >= length) & ((lengths <= high) | (low_of <= length))
            choices, reach = rows[paired], lengths[paired]
            ahead = (reach >= low) & (reach <= high)  # the query's range holds the choice
            back = (low_of[paired] <= length) & (length <= high_of[paired])  # the choice's range holds the query
            scores = process.cdist(
                [texts[i] for i in queries],
                [texts[j] for j in choices],
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE,
                dtype=np.uint8,
                workers=1,
            )
            hits = scores >= NEAR_DUPLICATE
            near[np.ix_(queries, choices[ahead])] = hits[:, ahead]
            near[np.ix_(choices[back], queries)] = hits[:, back].T
        for short, full in _truncations(texts):
            near[short, full] = near[full, short] = True
        near &= long_enough[:, None] & long_enough[None, :]
    for a, b in reordered:
        near[a, b] = near[b, a] = True
    return np.asarray(near)


def _reorderings(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(i, j), i < j, where text j is text i with two neighbouring parts swapped, each of at least
    REORDERED_PART characters: 购置办公设备数量 / 办公设备购置数量, 印刷宣传资料 / 宣传资料印刷.

    Chinese writes an indicator's object and its action in either order (制作宣传品数量 / 宣传品制作数量);
    swapping two parts changes neither what is counted nor how.  Only texts with the same characters can
    be such a pair, so texts are grouped by their sorted characters first (one pass, no n² loop).
    """
    by_letters: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if len(text) >= 2 * REORDERED_PART:
            by_letters.setdefault("".join(sorted(text)), []).append(i)
    pairs: list[tuple[int, int]] = []
    for group in by_letters.values():
        for k, i in enumerate(group):
            pairs.extend((i, j) for j in group[k + 1 :] if _swapped(texts[i], texts[j]))
    return pairs


def _swapped(a: str, b: str) -> bool:
    """True when `b` is `a` with two neighbouring parts of at least REORDERED_PART characters swapped."""
    if a == b or len(a) != len(b):
        return False
    start = 0
    while a[start] == b[start]:
        start += 1
    end = len(a)
    while a[end - 1] == b[end - 1]:
        end -= 1
    # The differing middles: b's must be a's rotated (a = X + Y, b = Y + X), X and Y long enough.  A common
    # start or end inside X or Y was stripped too, so every split within the whole texts is tried.
    for left in range(start + 1):
        for right in range(end, len(a) + 1):
            x_y, y_x = a[left:right], b[left:right]
            for cut in range(REORDERED_PART, len(x_y) - REORDERED_PART + 1):
                if y_x == x_y[cut:] + x_y[:cut]:
                    return True
    return False


def _comparable_lengths(length: int) -> tuple[int, int]:
    """The lengths a text of `length` characters can have a fuzz.ratio of NEAR_DUPLICATE with, widened by one.

    ratio = 100 × (1 − indel distance / (a + b)) and the distance is at least |a − b|, so a ratio of r
    needs |a − b| ≤ (1 − r/100) × (a + b).
    """
    share = 1.0 - NEAR_DUPLICATE / 100.0
    return (
        math.floor(length * (1.0 - share) / (1.0 + share)) - 1,
        math.ceil(length * (1.0 + share) / (1.0 - share)) + 1,
    )


def _truncations(texts: list[str], most: int | None = None) -> list[tuple[int, int]]:
    """(i, j) where text i is text j cut short: its start, at least TRUNCATED_MIN_LENGTH characters long.

    `most`: leave out a text that starts more than this many others.

    A printed cell cut by the page ("参保人员对医保服务的满") is the start of its complete
    form; rapidfuzz's partial_ratio would also match a complete text *inside* another
    ("项目成本" in "项目成本超支率"), a different measure, so only starts count.
    """
    order = sorted(range(len(texts)), key=lambda i: texts[i])
    ordered = [texts[i] for i in order]
    pairs: list[tuple[int, int]] = []
    for rank, i in enumerate(order):
        short = texts[i]
        if len(short) < TRUNCATED_MIN_LENGTH:
            continue
        # Texts starting with `short` follow it directly in sorted order.
        end = bisect.bisect_right(ordered, short + "\U0010ffff", lo=rank + 1)
        if most is not None and end - rank - 1 > most:
            continue
        pairs.extend((i, order[k]) for k in range(rank + 1, end) if fuzz.partial_ratio(short, ordered[k]) == 100)
    return pairs


def _merge_across_blocks(
    vectors: sparse.csr_matrix,
    texts: Sequence[str],
    measures: Sequence[Signature],
    labels: np.ndarray,
    threshold: float,
    block_size: int,
    block_map: BlockMap | None = None,
    together: np.ndarray | None = None,
    seed: int = 0,
) -> np.ndarray:
    """Cluster the clusters once, joining groups cut apart by block boundaries (`seed`: the k-means draw)."""
    from scipy import sparse

    labels = _renumber(labels)
    n_clusters = int(labels.max()) + 1
    membership = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(n_clusters, len(labels))
    )
    sizes = np.bincount(labels, minlength=n_clusters).astype(float)
    means = sparse.csr_matrix(sparse.diags(1.0 / sizes) @ (membership @ vectors))
    del membership
    # |mean|² is the mean cosine of the members with each other (1 for one text); the rest of the unit length
    # goes to the cluster's own dimension, which no other cluster shares.
    pad = np.sqrt(np.clip(1.0 - np.asarray(means.multiply(means).sum(axis=1)).ravel(), 0.0, None))
    own = sparse.csr_matrix((pad, (np.arange(n_clusters), np.arange(n_clusters))), shape=(n_clusters, n_clusters))
    padded = sparse.csr_matrix(sparse.hstack([means, own], format="csr"))
    # A centroid's text for rapidfuzz: its first member (any member is a near-duplicate of it or not).
    first = np.full(n_clusters, -1)
    first[labels[::-1]] = np.arange(len(labels))[::-1]
    representative = [texts[i] for i in first]
    kinds = cluster_signatures(labels, measures, n_clusters)
    groups = None
    if together is not None:  # a cluster goes with the clusters its cut or complete forms are in
        links = {(int(a), int(b)) for a, b in zip(labels, labels[_first_of(together)], strict=True) if a != b}
        groups = _components(n_clusters, sorted(links))
    # k-means places the clusters by their means: the padding's one column per cluster would make its centres
    # as wide as the number of clusters.  The means are let go before the blocks are clustered (a copy of the
    # vectors' size, held beside the padded rows otherwise).
    blocks = _partition(means, block_size, seed, groups)
    del means
    merged = _cluster_rows(padded, representative, kinds, threshold, block_size, None, block_map, blocks=blocks)
    return merged[labels]


def cluster_signatures(labels: np.ndarray, measures: Sequence[Signature], n_clusters: int) -> list[Signature]:
    """Per cluster label, what its members measure: the most common known signature among them (the first met
    on a tie), UNKNOWN when none is known — a member whose words and targets say nothing does not outvote one
    whose ending does.  Its contrast (`contrasting`) is its members' when they all have the same one, else none:
    a group of 资金到位率 and 中央资金到位率 is kept apart from no other group for a level only one member names."""
    counts: list[Counter[Signature]] = [Counter() for _ in range(n_clusters)]
    contrasts: list[set[tuple[str, ...]]] = [set() for _ in range(n_clusters)]
    for label, measure in zip(labels.tolist(), measures, strict=True):
        contrasts[label].add(measure.contrast)
        if measure.known:
            counts[label][measure.measure_only] += 1
    return [
        (c.most_common(1)[0][0] if c else UNKNOWN)._replace(contrast=next(iter(k)) if len(k) == 1 else ())
        for c, k in zip(counts, contrasts, strict=True)
    ]


def _first_of(groups: np.ndarray) -> np.ndarray:
    """For each row, the first row of its group."""
    _, first, inverse = np.unique(groups, return_index=True, return_inverse=True)
    return np.asarray(first[inverse], dtype=np.int64)


def _renumber(labels: np.ndarray) -> np.ndarray:
    _, dense = np.unique(labels, return_inverse=True)
    return np.asarray(dense, dtype=np.int64)
