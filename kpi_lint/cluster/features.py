"""Normalized indicator text → L2-normalized sparse vectors (scikit-learn).

TF-IDF blocks, concatenated and re-normalized so that a dot product is a cosine:

* words: jieba segmentation with the domain dictionary (参保人数, 验收合格率 …);
* characters 1–3: robust to cells cut short ("医保信息系统正常运") and to words jieba
  splits differently in two texts;
* value kinds (when the caller knows the targets): "医保政策宣传时间" (全年) and
  "医保政策宣传资料" (≥10000册) share six characters but one is a date, the other a
  count — the value says what is measured ("the value fits the indicator").

Each block reads its own column of a small frame, so jieba runs once per text.
Weights were set with bench/cluster_eval.py; a block for the head word (the last
word) was tried and gave no better pairwise F1 (tests/data/README.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from kpi_lint.cluster.exact_tfidf import Rows, TfidfBlock, char_ngrams, unit_stack
from kpi_lint.cluster.normalize import TextNormalizer

if TYPE_CHECKING:  # imported where used: a one-file check builds its vectors without them (exact_vectors)
    import pandas as pd
    from sklearn.pipeline import Pipeline

WORD_WEIGHT = 1.0
CHAR_WEIGHT = 1.5
KIND_WEIGHT = 1.0
# Value kinds that say what an indicator measures; "number" (no unit) and words say nothing.
TELLING_KINDS = ("count", "percent", "money", "date")


def segment(texts: Sequence[str], normalizer: TextNormalizer, kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per normalized text: the text, its jieba words and its targets' kinds, space-joined."""
    import pandas as pd

    return pd.DataFrame(_columns(texts, normalizer, kinds))


def _columns(texts: Sequence[str], normalizer: TextNormalizer, kinds: Mapping[str, str] | None) -> dict[str, list[str]]:
    columns = {"text": list(texts), "words": [" ".join(normalizer.tokens(t)) for t in texts]}
    if kinds:
        columns["kinds"] = [kinds.get(t, "") for t in texts]
    return columns


def _split(joined: str) -> list[str]:
    # Words are already segmented; the default token_pattern would drop one-character words (率, 数).
    return joined.split()


def make_vectorizer(
    word_weight: float = WORD_WEIGHT,
    char_weight: float = CHAR_WEIGHT,
    kind_weight: float = KIND_WEIGHT,
    *,
    with_kinds: bool = False,
) -> Pipeline:
    """The unfitted pipeline: frame from `segment` → sparse rows of unit length."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import Normalizer

    blocks = [
        ("words", TfidfVectorizer(analyzer=_split, sublinear_tf=True), "words"),
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), "text"),
    ]
    weights = {"words": word_weight, "chars": char_weight}
    if with_kinds:
        # No IDF: "count" is common, but two counts are no less alike for it.
        blocks.append(("kinds", TfidfVectorizer(analyzer=_split, use_idf=False), "kinds"))
        weights["kinds"] = kind_weight
    union = ColumnTransformer(blocks, transformer_weights=weights, sparse_threshold=1.0)
    return Pipeline([("features", union), ("unit", Normalizer())])


def exact_vectors(texts: Sequence[str], normalizer: TextNormalizer, kinds: Mapping[str, str] | None = None) -> Rows:
    """What `make_vectorizer(with_kinds=bool(kinds)).fit_transform(segment(texts, normalizer, kinds))` returns
    (as a CSR matrix), bit for bit, computed with NumPy (kpi_lint.cluster.exact_tfidf)."""
    columns = _columns(texts, normalizer, kinds)
    words = TfidfBlock.fit(columns["words"], _split, sublinear=True)[1]
    chars = TfidfBlock.fit(columns["text"], char_ngrams(1, 3), sublinear=True)[1]
    blocks, weights = [words, chars], [WORD_WEIGHT, CHAR_WEIGHT]
    if kinds:
        blocks.append(TfidfBlock.fit(columns["kinds"], _split, sublinear=False, use_idf=False)[1])
        weights.append(KIND_WEIGHT)
    return unit_stack(blocks, weights)[0]  # dense when every cell is set (a single text), normalized as such
