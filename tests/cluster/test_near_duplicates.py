"""Near-duplicates scored once per pair: the matrix each text's own comparisons give (issue 10)."""

from __future__ import annotations

import dataclasses

import numpy as np
from rapidfuzz import fuzz, process

from kpi_lint.cluster.clustering import (
    NEAR_DUPLICATE,
    NEAR_DUPLICATE_MIN_LENGTH,
    _comparable_lengths,
    _near_duplicates,
    _reorderings,
    _truncations,
)
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.model import Document


def _each_text_against_its_lengths(texts: list[str]) -> np.ndarray:
    """The matrix as each text's row was scored before: against every text whose length its own length's range
    (`_comparable_lengths`) holds, all pairs scored from both sides."""
    long_enough = np.array([len(t) >= NEAR_DUPLICATE_MIN_LENGTH for t in texts])
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE, dtype=np.uint8, workers=1)
    lengths = np.array([len(t) for t in texts])
    near = np.zeros((len(texts), len(texts)), dtype=bool)
    for i, length in enumerate(lengths.tolist()):
        low, high = _comparable_lengths(length)
        near[i] = (scores[i] >= NEAR_DUPLICATE) & (lengths >= low) & (lengths <= high)
    for short, full in _truncations(texts):
        near[short, full] = near[full, short] = True
    near &= long_enough[:, None] & long_enough[None, :]
    for a, b in _reorderings(texts):
        near[a, b] = near[b, a] = True
    return near


def _edited(text: str, step: int) -> str:
    """`text` with every `step`-th character dropped: a copy cut or mistyped here and there."""
    return "".join(c for k, c in enumerate(text) if k % step)


def test_each_pair_scored_once_gives_the_matrix_of_each_text_scored_on_its_own(docs: list[Document]) -> None:
    # The texts this test was built on: without the concept classes (lexicons/cluster_concepts.txt), which rewrite
    # whole names and are not what is tested here.
    normalizer = dataclasses.replace(TextNormalizer.for_documents(docs), concepts=())
    printed = sorted({i.level3 for d in docs for i in d.indicators if i.level3})
    normalized = sorted({normalizer.normalize(t) for t in printed} - {""})
    # Long texts (several names run together, as a glued row reads) and their edited copies: lengths where one
    # text's range of comparable lengths holds the other's and not the other way round.
    long = ["".join(printed[k : k + n]) for k, n in ((0, 8), (40, 14), (90, 22))]
    edited = [_edited(t, step) for t in long for step in (9, 10, 11, 12, 30)] + [t + t[:70] for t in long]
    texts = list(dict.fromkeys([*normalized, *printed, *long, *edited]))
    # 311 before the population lexicon of lexicons/cluster_synonyms.txt (issue 13-cluster-populations): 11 more
    # normalized texts are no printed name (低保人员 → 低保户, 贫困人口 → 脱贫户, 易返贫致贫人数 → 监测户人数 …): 61,
    # were 50
    assert len(texts) == 322
    got = _near_duplicates(texts)
    assert got is not None
    expected = _each_text_against_its_lengths(texts)
    assert (got == expected).all()
    off_diagonal = got & ~np.eye(len(texts), dtype=bool)
    # 103 pairs: cut cells, typos, swapped parts, edited copies; 104 before the population lexicon (issue
    # 13-cluster-populations): four normalized names that were their printed name without its punctuation or typo
    # (对困难人群医保慢性病两病门诊救助, 易返贫致贫人员建档立卡贫困人口低保五保人员, 防返贫致贫监测对象人数,
    # 缓解建档立卡贫困户参保) now read the groups' one writing, and 001's cut 缓解建档立卡贫 no longer opens its
    # complete form (−5); the new texts 脱贫户参保县 / …县级 / …县级财政人 / …县级财政补 are cuts of one another (+4)
    assert off_diagonal.sum() == 206, off_diagonal.sum()
    assert (got == got.T).all()  # fuzz.ratio is symmetric, and each pair's lengths are in both ranges or neither
    i, j = texts.index(long[1]), texts.index(_edited(long[1], 10))
    assert got[i, j] and got[j, i]  # a tenth of the characters dropped: still the same text
