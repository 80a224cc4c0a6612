"""Clustering quality on the labelled pairs (tests/data/cluster_pairs.csv; see the README there)."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi_lint.classify.split import read_split
from kpi_lint.cluster import DEFAULT_THRESHOLD
from kpi_lint.cluster.evaluation import load_pairs, score_pairs
from kpi_lint.model import Document
from tests.corpus import KEYS, ROOT, corpus_doc

# Issue 13j added 68 train/dev pairs drawn in the band where the clustering decides (char TF-IDF cosine 0.30–0.55,
# tests/data/README.md): the 790 pairs without a test-set document of i–q reach F1 0.834 (precision 0.986, recall
# 0.723), the clustering unchanged (the 722 of before: 0.842).
# At the default threshold 0.35 the 722 pairs without a fresh, third or fourth document (samples and wild batches
# a–h and o, with issue 13e's 109 train/dev pairs and 13h's 17 of batch o) reach F1 0.842 (precision 0.995, recall
# 0.730; the five samples' indicators as context) after issue 13h's lexicon rules, chosen on their train + dev part;
# issue 13g: the 705 without batch o, F1 0.805 (precision 0.995, recall 0.676). At 13e's 0.40: F1 0.812
# (precision 0.956, recall 0.705). Issue 13d, threshold 0.35 and without measure kinds, the 596 without the 109:
# F1 0.806 (precision 0.984, recall 0.683).
# Issue 13-cluster (threshold 0.40 by the rule, measure / object / per-unit vetoes, its 37 train/dev pairs added): the
# 952 pairs F1 0.882 (precision 0.974, recall 0.806; main before it: the 915 pairs F1 0.863, P 0.988, R 0.765).
REACHED_F1 = 0.882
MARGIN = 0.03


@pytest.fixture(scope="module")
def pairs() -> pd.DataFrame:
    return load_pairs()


# The test sets of corpus/labels/split.csv in the order they were added; a pair belongs to the latest set of its
# two documents (a pair of batch m with one of batch i–k is a third-set pair).
LATER_SETS = ("fresh", "third", "fourth", "fifth", "sixth")


def _with_set(pairs: pd.DataFrame, name: str) -> pd.Series:
    """Pairs with a document of the named test set of corpus/labels/split.csv, or of the set it was moved from
    (issue 13-resplit moved ``first`` and ``fresh`` into train / dev: column ``moved_from``)."""
    split = pd.read_csv(ROOT / "corpus" / "labels" / "split.csv", dtype=str, keep_default_na=False)
    moved = set(split.loc[split.get("moved_from", pd.Series("", index=split.index)) == name, "doc"])
    docs = set(read_split(ROOT / "corpus" / "labels" / "split.csv").test_set(name)) | moved
    return pairs["doc_a"].isin(docs) | pairs["doc_b"].isin(docs)


def _in_set(pairs: pd.DataFrame, name: str) -> pd.Series:
    """Pairs with a document of the named set and none of a set added after it."""
    mask = _with_set(pairs, name)
    for later in LATER_SETS[LATER_SETS.index(name) + 1 :]:
        mask &= ~_with_set(pairs, later)
    return mask


def _fresh(pairs: pd.DataFrame) -> pd.Series:
    """Pairs with a document of the fresh test set (wild batches i–k) and none of a later set."""
    return _in_set(pairs, "fresh")


def _earlier(pairs: pd.DataFrame) -> pd.Series:
    """Pairs of the samples and batches a–h and o: no document of fresh (i–k) or a later test set."""
    mask = pd.Series(True, index=pairs.index)
    for name in LATER_SETS:
        mask &= ~_with_set(pairs, name)
    return mask


def _third(pairs: pd.DataFrame) -> pd.Series:
    """Pairs with a document of batch m and none of a later set."""
    return _in_set(pairs, "third")


def test_pairs_file_is_a_real_evaluation_set(pairs: pd.DataFrame) -> None:
    across = pairs[pairs["doc_a"] != pairs["doc_b"]]
    assert len(across) >= 150
    assert (across["label"] == "same").sum() >= 60 and (across["label"] == "different").sum() >= 60
    assert pairs["note"].str.contains("hard").sum() >= 20
    for a, b in [
        ("资助参保人次数", "住院救助人次"),
        ("医保信息系统验收合格率", "医保信息系统正常运行率"),
        ("培训次数", "培训人员人次"),
    ]:
        rows = pairs[((pairs["level3_a"] == a) & (pairs["level3_b"] == b))]
        assert set(rows["label"]) == {"different"}
    # Every text is a 三级指标 of the named document: as the parser returns it for a sample, as the
    # hand-checked rows of corpus/wild/expected/ give it for the wild set.
    assert {*pairs["doc_a"], *pairs["doc_b"]} - set(KEYS), "pairs across the wild set"
    for side in ("a", "b"):
        for key, text in zip(pairs[f"doc_{side}"], pairs[f"level3_{side}"], strict=True):
            known = {i.level3 for i in corpus_doc(key).indicators} if key in KEYS else _wild_level3(key)
            assert text in known, (key, text)


def _wild_level3(key: str) -> set[str]:
    (path,) = (ROOT / "corpus" / "wild" / "expected").glob(f"{key}_*.csv")
    return set(pd.read_csv(path, dtype=str, keep_default_na=False)["level3"])


def test_the_three_misses_of_issue_13_are_clustered_together(pairs: pd.DataFrame, docs: list[Document]) -> None:
    """A cut cell, 人次数 / 人数, and 印制 / 印刷 with the words swapped; hard negatives stay apart (also with the
    concept classes of lexicons/cluster_concepts.txt, which make 印刷数量 a printed-copies count: not a unit cost)."""
    same = [
        ("参保人员对医保服务的满", "参保人员对医保服务的满意度"),
        ("资助参保人次数", "资助参保人数"),
        ("印制宣传资料", "宣传资料印刷份数"),
    ]
    apart = [("培训次数", "培训人员人次"), ("宣传资料单位成本", "宣传资料印刷份数"), ("印刷数量", "宣传资料单位成本")]
    probe = pd.DataFrame(
        [
            {"doc_a": "000", "level3_a": a, "doc_b": "004", "level3_b": b, "label": label, "note": ""}
            for pairs_, label in ((same, "same"), (apart, "different"))
            for a, b in pairs_
        ]
    )
    (score,) = score_pairs(probe, docs, [DEFAULT_THRESHOLD])
    assert (score.true_positive, score.false_positive, score.false_negative) == (3, 0, 0)


def test_fresh_pairs_are_labelled_across_documents(pairs: pd.DataFrame) -> None:
    """223 pairs with a document of batches i–k (identical texts left out), labelled after the split.

    Pairs labelled later on those documents, once they were train / dev (issue 13-resplit), are not of that set:
    14 of issue 13-cluster2's."""
    later = pairs["note"].str.contains("issue 13-cluster2", regex=False)
    assert (_fresh(pairs) & later).sum() == 14
    fresh = pairs[_fresh(pairs) & ~later]
    # 56 same as labelled in issue 13d; 57 by the written guideline (issue 13-pairs-guide: i04 / g06 maintenance-works
    # pass rates and j03 / e06 subsidy standards became same, j01 / a08 the burden of two student groups different).
    assert len(fresh) == 223 and (fresh["old_label"] == "same").sum() == 56 and (fresh["label"] == "same").sum() == 57
    assert (fresh["level3_a"] != fresh["level3_b"]).all() and (fresh["doc_a"] != fresh["doc_b"]).all()
    assert fresh["note"].str.startswith("hard").sum() == 17


def test_third_pairs_are_labelled_across_documents(pairs: pd.DataFrame) -> None:
    """124 pairs with a document of batch m (issue 13f), labelled before any clustering was run on them."""
    third = pairs[_third(pairs)]
    assert len(third) == 124 and (third["label"] == "same").sum() == 31
    assert (third["level3_a"] != third["level3_b"]).all() and (third["doc_a"] != third["doc_b"]).all()
    assert third["note"].str.startswith("hard").sum() == 31
    assert third["note"].str.endswith("(third test, batch m)").all()


def test_fourth_pairs_are_labelled_across_documents(pairs: pd.DataFrame) -> None:
    """120 pairs with a document of batch n (issue 13g), labelled before any clustering was run on them."""
    fourth = pairs[_in_set(pairs, "fourth")]
    assert len(fourth) == 120 and (fourth["label"] == "same").sum() == 28
    assert (fourth["level3_a"] != fourth["level3_b"]).all() and (fourth["doc_a"] != fourth["doc_b"]).all()
    assert fourth["note"].str.startswith("hard").sum() == 37
    assert fourth["note"].str.endswith("(fourth test, batch n)").all()


@pytest.mark.parametrize(
    ("name", "count", "same", "hard", "tag"),
    [("fifth", 76, 14, 14, "(fifth test, batch p)"), ("sixth", 63, 20, 14, "(sixth test, batch q)")],
)
def test_fifth_and_sixth_pairs_are_labelled_across_documents(
    pairs: pd.DataFrame, name: str, count: int, same: int, hard: int, tag: str
) -> None:
    """Pairs with a document of batch p (fifth) or q (sixth), issue 13j: labelled by reading before any clustering
    was run on them (a p–q pair is a sixth-set pair)."""
    part = pairs[_in_set(pairs, name)]
    assert len(part) == count and (part["label"] == "same").sum() == same
    assert (part["level3_a"] != part["level3_b"]).all() and (part["doc_a"] != part["doc_b"]).all()
    assert part["note"].str.startswith("hard").sum() == hard
    assert part["note"].str.endswith(tag).all()


def test_f1_at_the_default_threshold(pairs: pd.DataFrame, docs: list[Document]) -> None:
    (score,) = score_pairs(pairs[_earlier(pairs)], docs, [DEFAULT_THRESHOLD])
    assert score.f1 >= REACHED_F1 - MARGIN
    assert score.precision >= 0.95  # a wrong peer (a false outlier, a poor suggestion) costs more than a miss


def test_f1_on_the_fresh_pairs(pairs: pd.DataFrame, docs: list[Document]) -> None:
    """Batches i–k: a test set until issue 13-resplit moved them into train / dev, so that they are no longer
    held out (the threshold rule sees them); this pins the figure against regressions.
    Before that: F1 0.840 (precision 0.955, recall 0.750) with the samples as context
    at 13e's threshold 0.40; at 0.35 (issue 13g, the rule on train + dev) F1 0.783 (precision 1.000, recall 0.643);
    after issue 13h's lexicon rules F1 0.761 (precision 0.972, recall 0.625); issue 13-cluster (threshold 0.40 with
    the measure, object and per-unit vetoes): F1 0.816 (precision 0.952, recall 0.714; main before it 0.774 / 0.973).

    Issue 13d (threshold 0.35, no measure kinds): F1 0.725 (precision 0.943, recall 0.589).  With the whole
    wild set as context (bench/heldout_eval.py) the same pairs give F1 0.717 at precision 0.760 only: 7 of its
    12 false merges are k03's animal counts against d09's copy of the table (牛养殖数量 / 其中猪养殖数量,
    same measure, another animal).  Below the issue's target (F1 0.90, precision 0.95); see the note of
    issue 13e.
    """
    (score,) = score_pairs(pairs[_fresh(pairs)], docs, [DEFAULT_THRESHOLD])
    assert score.f1 >= 0.783 - MARGIN
    assert score.precision >= 0.95


def test_f1_on_the_third_test_pairs(pairs: pd.DataFrame, docs: list[Document]) -> None:
    """Batch m (issue 13f), labelled before any clustering was run on it and measured once: F1 0.553
    (precision 0.812, recall 0.419) with the samples as context; 0.612 (P 0.833, R 0.484) with the whole wild
    set (bench/heldout_eval.py-style context), at 0.40. At 0.35 (issue 13g): F1 0.578 (P 0.929, R 0.419) with
    the samples, 0.583 (P 0.824, R 0.452) with the wild set; issue 13h: 0.545 (P 0.923, R 0.387) with the samples,
    0.565 (P 0.867, R 0.419) with the wild set; issue 13-cluster (0.40 and the vetoes): 0.640 (P 0.842, R 0.516)
    with the samples (main before it 0.667, P 0.941: two more false merges at 0.40), 0.800 (P 0.917, R 0.710) with
    the wild set (main 0.731).  Far below the issue's target (F1 0.90, precision 0.95): most misses are paraphrases
    of one measure (预算控制数 / 成本控制数, 业务工作支出安排金额 / 项目金额, 项目完成时间 / 项目完工时间); see
    tests/data/README.md.
    """
    (score,) = score_pairs(pairs[_third(pairs)], docs, [DEFAULT_THRESHOLD])
    assert score.f1 >= 0.640 - MARGIN
    assert score.precision >= 0.8


def test_f1_on_the_fourth_test_pairs(pairs: pd.DataFrame, docs: list[Document]) -> None:
    """Batch n (issue 13g), labelled before any clustering was run on it and measured once, at 0.35: F1 0.739
    (precision 0.944, recall 0.607) with the samples as context; 0.783 (P 1.000, R 0.643) with the whole wild set.
    Issue 13h's look: 0.739 (P 0.944, R 0.607) with the samples, 0.809 (P 1.000, R 0.679) with the wild set.
    Issue 13-cluster (0.40 and the vetoes): 0.776 (P 0.905, R 0.679) with the samples, 0.809 (P 1.000, R 0.679) with
    the wild set.
    Below the issue's target (F1 0.90): the misses are one measure in other words (成本控制 / 成本控制率, 项目资金投入 /
    项目总投入, 办公所需成本 / 办公费总成本, 优抚对象生活补助金每月中旬发放 / 按时发放); see tests/data/README.md.
    """
    (score,) = score_pairs(pairs[_in_set(pairs, "fourth")], docs, [DEFAULT_THRESHOLD])
    assert score.f1 >= 0.776 - MARGIN
    assert score.precision >= 0.9


@pytest.mark.parametrize(("name", "f1", "precision"), [("fifth", 0.250, 0.9), ("sixth", 0.552, 0.85)])
def test_f1_on_the_fifth_and_sixth_test_pairs(
    pairs: pd.DataFrame, docs: list[Document], name: str, f1: float, precision: float
) -> None:
    """Batches p and q (issue 13j), labelled before any clustering was run on them and measured once at 0.35, the
    clustering unchanged: fifth F1 0.250 (P 1.000, R 0.143: 2 of 14 same pairs), sixth 0.552 (P 0.889, R 0.400),
    the same with the samples or the whole wild set as context.  Far below the issue's target (F1 0.90): the misses
    are one measure in other words (项目竣工验收率 / 竣工验收合格率, 全县参合人数 / 参保居民数量,
    计划资金 / 项目计划总投资, 项目建设成本 / 建设项目成本) and trainings or publicity activities of another group or
    topic; see tests/data/README.md.
    """
    (score,) = score_pairs(pairs[_in_set(pairs, name)], docs, [DEFAULT_THRESHOLD])
    assert score.f1 >= f1 - MARGIN
    assert score.precision >= precision
