"""Issue 13-class-offsets: the category model's decision, judged on train + dev only (nested grouped CV).

    PYTHONPATH=. .venv/bin/python -P bench/category_offsets.py [--seeds 0 1 2] [--errors]

The shipped model over-predicts 社会效益 (issue 13-agree-category). Two ways to change its decision, without the
filed 二级, each measured against the shipped decision (argmax of the shipped pipeline) on the same folds:

* ``offsets`` / ``offset_social``: per-class additive offsets on the log-probabilities (all nine, or the one of
  社会效益), chosen by coordinate ascent to maximise macro-F1 on out-of-fold predictions. Nested: for each outer fold
  the offsets are fitted on the *inner* out-of-fold predictions of the outer fold's training documents (5 inner folds
  grouped by document), then applied to the outer fold's predictions, so no row is judged by offsets it helped fit.
* ``stage2``: when the shipped model's best class is one of the four 效益 classes, a second model trained only on the
  fold's rows labelled with those four decides among them; ``stage2_change`` is the same with a block saying what kind
  of change the name names (CHANGE_KINDS, below); ``stage2_mass`` gives the second model the shipped model's whole
  效益 probability mass (so it may also take a row the shipped model put elsewhere). ``stage2+offsets`` is
  ``stage2_change`` with nested offsets over its probabilities.

Printed for each: macro-F1 per outer shuffle (5 folds grouped by document over the 120 train + dev documents of
corpus/labels/split.csv), paired differences against the shipped decision (mean ± population spread), per-class F1
pooled over the shuffles, and train → dev (offsets fitted on the train documents' grouped out-of-fold predictions,
applied to the dev documents). `--errors` lists the shipped decision's out-of-fold errors of the first shuffle that
go to or come from 社会效益. Nothing here reads the test split.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from category_choices import train_dev_rows  # noqa: E402
from category_subjects import add_block, shipped  # noqa: E402

from kpi_lint.classify.cues import CueFeatures  # noqa: E402
from kpi_lint.classify.pipelines import label_order  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402

LABELS = ROOT / "corpus" / "labels"
BENEFITS = ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")
SOCIAL = "社会效益指标"
# What kind of change a 效益 name names (the brief's reading of the four classes, written before any error was read;
# the shipped cue block, lexicons/category_cues.txt, already holds the commonest subject words).
CHANGE_KINDS = [
    [label, words.split()]
    for label, words in (
        ("经济效益指标", "收益 营收 销售 产量 亩产 增产 产值 成本 降低成本 价格 拉动 撬动 放大 带动 企业"),
        ("社会效益指标", "群众 居民 公众 人民 民众 公共服务 安全 事故 秩序 公平 困难 脱贫 就业"),
        ("生态效益指标", "环境 生态 污染 排放 绿化 水质 空气 土壤 垃圾 资源利用"),
        ("可持续影响指标", "长效 机制 持续 运行 运营 维护 管护 长期 后续 使用年限 发挥作用 稳定运行"),
    )
]
GRID = np.round(np.arange(-2.0, 2.0001, 0.1), 2)
INNER_FOLDS = 5
OUTER_FOLDS = 5


def macro_f1(truth: np.ndarray, predicted: np.ndarray, k: int) -> float:
    """Macro-F1 over the classes present in `truth` (as sklearn's with labels = those classes)."""
    cm = np.bincount(truth * k + predicted, minlength=k * k).reshape(k, k)
    tp, support, called = np.diag(cm), cm.sum(axis=1), cm.sum(axis=0)
    present = support > 0
    f1 = np.divide(2 * tp, support + called, out=np.zeros(k), where=(support + called) > 0)
    return float(f1[present].mean())


def class_f1(truth: np.ndarray, predicted: np.ndarray, k: int) -> np.ndarray:
    cm = np.bincount(truth * k + predicted, minlength=k * k).reshape(k, k)
    tp, support, called = np.diag(cm), cm.sum(axis=1), cm.sum(axis=0)
    return np.divide(2 * tp, support + called, out=np.zeros(k), where=(support + called) > 0)


def fit_offsets(log_p: np.ndarray, truth: np.ndarray, free: Sequence[int], passes: int = 3) -> np.ndarray:
    """Offsets (0 outside `free`) maximising macro-F1 of argmax(log_p + offsets); a change must strictly gain,
    and among equal scores the offset nearest 0 is kept."""
    k = log_p.shape[1]
    offsets = np.zeros(k)
    best = macro_f1(truth, (log_p + offsets).argmax(axis=1), k)
    for _ in range(passes):
        moved = False
        for j in free:
            keep = offsets[j]
            for value in sorted(GRID, key=abs):
                offsets[j] = value
                score = macro_f1(truth, (log_p + offsets).argmax(axis=1), k)
                if score > best + 1e-12 or (score == best and abs(value) < abs(keep)):
                    best, keep, moved = score, value, moved or value != keep
            offsets[j] = keep
        if not moved:
            break
    return offsets


@dataclass
class Folds:
    """The rows and classes every predictor works on (indices into one train + dev frame)."""

    features: pd.DataFrame
    y: np.ndarray  # class index per row
    docs: np.ndarray
    classes: list[str]

    @property
    def names(self) -> np.ndarray:
        """The label per row (folds are drawn on these, as bench/category_subjects.py draws them)."""
        return np.asarray(self.classes, dtype=object)[self.y]


Predictor = Callable[[Folds, np.ndarray, np.ndarray], np.ndarray]  # (data, fit rows, judged rows) → proba


def _proba(model: Pipeline, data: Folds, rows: np.ndarray, columns: Sequence[str]) -> np.ndarray:
    """The model's probabilities on `rows`, one column per name of `columns` (1e-9 where it has no such class)."""
    out = np.full((len(rows), len(columns)), 1e-9)
    p = model.predict_proba(data.features.iloc[rows])
    where = {c: i for i, c in enumerate(columns)}
    for j, c in enumerate(model.classes_):
        out[:, where[str(c)]] = p[:, j]
    return out


def _fit(make: Callable[[], Pipeline], data: Folds, rows: np.ndarray) -> Pipeline:
    model = make()
    model.fit(data.features.iloc[rows], [data.classes[i] for i in data.y[rows]])
    return model


_STAGE_ONE: dict[tuple[bytes, bytes], np.ndarray] = {}


def stage_one(data: Folds, fit: np.ndarray, judged: np.ndarray) -> np.ndarray:
    """The shipped pipeline fitted on `fit`, its probabilities on `judged` (kept: every variant starts from it)."""
    key = (np.sort(fit).tobytes(), judged.tobytes())
    if key not in _STAGE_ONE:
        _STAGE_ONE[key] = _proba(_fit(shipped, data, fit), data, judged, data.classes)
    return _STAGE_ONE[key].copy()


def change_kinds() -> Pipeline:
    return add_block(shipped(), "change_kinds", CueFeatures(CHANGE_KINDS), ["level3"])


def two_stage(make: Callable[[], Pipeline], mass: bool) -> Predictor:
    """Stage one's probabilities, with the 效益 part decided by a model fitted on the 效益 rows only.

    mass=False: only a row whose best class is a 效益 class is re-decided (its 效益 classes keep their order under
    the best stage-one probability). mass=True: every row's 效益 mass is shared out by the second model."""

    def predict(data: Folds, fit: np.ndarray, judged: np.ndarray) -> np.ndarray:
        p1 = stage_one(data, fit, judged)
        benefit = [data.classes.index(c) for c in BENEFITS]
        second = fit[np.isin(data.y[fit], benefit)]
        p2 = _proba(_fit(make, data, second), data, judged, [data.classes[i] for i in benefit])
        total = p1[:, benefit].sum(axis=1, keepdims=True)
        out = p1.copy()
        if mass:
            out[:, benefit] = total * p2
            return out
        chosen = np.isin(p1.argmax(axis=1), benefit)
        top = p1.max(axis=1, keepdims=True)
        # Keep the row's winning probability on the second model's best 效益 class: the decision among the four is
        # the second model's, the decision 效益 or not stays stage one's.
        out[np.ix_(chosen, np.asarray(benefit))] = (top * p2 / p2.max(axis=1, keepdims=True))[chosen]
        return out

    return predict


def oof(predictor: Predictor, data: Folds, rows: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Out-of-fold probabilities for `rows`, folds grouped by document."""
    out = np.zeros((len(rows), len(data.classes)))
    split = StratifiedGroupKFold(folds, shuffle=True, random_state=seed)
    for fit, held in split.split(rows, data.names[rows], data.docs[rows]):
        out[held] = predictor(data, rows[fit], rows[held])
    return out


@dataclass
class Outcome:
    name: str
    predicted: np.ndarray  # class index per row, out of fold
    offsets: list[np.ndarray]


def nested(predictor: Predictor, data: Folds, seed: int, free: Sequence[int] | None) -> Outcome:
    """Outer grouped CV of `predictor`; with `free`, offsets on those classes fitted on inner out-of-fold rows."""
    rows = np.arange(len(data.y))
    predicted = np.zeros(len(rows), dtype=int)
    fitted: list[np.ndarray] = []
    split = StratifiedGroupKFold(OUTER_FOLDS, shuffle=True, random_state=seed)
    for fit, held in split.split(rows, data.names, data.docs):
        log_p = np.log(predictor(data, fit, held))
        offsets = np.zeros(len(data.classes))
        if free is not None:
            inner = np.log(oof(predictor, data, fit, INNER_FOLDS, 1000 + seed))
            offsets = fit_offsets(inner, data.y[fit], free)
            fitted.append(offsets)
        predicted[held] = (log_p + offsets).argmax(axis=1)
    return Outcome("", predicted, fitted)


def train_to_dev(predictor: Predictor, data: Folds, free: Sequence[int] | None) -> float:
    split = read_split(LABELS / "split.csv")
    train = np.flatnonzero(np.isin(data.docs, list(split.train)))
    dev = np.flatnonzero(np.isin(data.docs, list(split.dev)))
    log_p = np.log(predictor(data, train, dev))
    offsets = np.zeros(len(data.classes))
    if free is not None:
        offsets = fit_offsets(np.log(oof(predictor, data, train, INNER_FOLDS, 1000)), data.y[train], free)
    return macro_f1(data.y[dev], (log_p + offsets).argmax(axis=1), len(data.classes))


def variants(classes: list[str]) -> dict[str, tuple[Predictor, Sequence[int] | None]]:
    every = list(range(len(classes)))
    return {
        "shipped": (stage_one, None),
        "offsets": (stage_one, every),
        "offset_social": (stage_one, [classes.index(SOCIAL)]),
        "stage2": (two_stage(shipped, mass=False), None),
        "stage2_change": (two_stage(change_kinds, mass=False), None),
        "stage2_mass": (two_stage(change_kinds, mass=True), None),
        "stage2+offsets": (two_stage(change_kinds, mass=False), every),
    }


def social_curve(data: Folds, seeds: Sequence[int]) -> None:
    """In-sample diagnostic (optimistic: the offset is read off the rows it is scored on): macro-F1 and 社会效益's
    precision / recall of the shipped out-of-fold probabilities, pooled over `seeds`, as 社会效益's offset moves."""
    k, social = len(data.classes), data.classes.index(SOCIAL)
    log_p = np.vstack([np.log(oof(stage_one, data, np.arange(len(data.y)), OUTER_FOLDS, s)) for s in seeds])
    truth = np.tile(data.y, len(seeds))
    print("社会效益 offset → macro-F1 (mean over shuffles), 社会 calls / right / P / R, pooled (in-sample diagnostic):")
    for value in np.round(np.arange(-1.5, 0.51, 0.25), 2):
        shifted = log_p.copy()
        shifted[:, social] += value
        called = shifted.argmax(axis=1)
        n = len(data.y)
        scores = [macro_f1(truth[i * n : (i + 1) * n], called[i * n : (i + 1) * n], k) for i in range(len(seeds))]
        calls, right = int((called == social).sum()), int(((called == social) & (truth == social)).sum())
        recall = right / int((truth == social).sum())
        print(f"  {value:+.2f}: {np.mean(scores):.4f}  {calls} / {right} / {right / max(calls, 1):.3f} / {recall:.3f}")


def list_errors(data: Folds, predicted: np.ndarray) -> None:
    social = data.classes.index(SOCIAL)
    for kind, mask in (
        ("→ 社会效益 (absorbed)", (predicted == social) & (data.y != social)),
        ("社会效益 →", (data.y == social) & (predicted != social)),
    ):
        print(f"{kind}: {int(mask.sum())} rows")
        for i in np.flatnonzero(mask):
            row = data.features.iloc[i]
            print(
                f"  {data.docs[i]} [{data.classes[data.y[i]][:4]} → {data.classes[predicted[i]][:4]}] "
                f"{row['level1']} | {row['level3']} | {row['value']}"
            )


def listed(values: np.ndarray, form: str) -> str:
    return " ".join(format(float(v), form) for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--curve", action="store_true", help="only the in-sample 社会效益 offset curve")
    parser.add_argument("--no-dev", action="store_true", help="skip the train → dev figure")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    set_ = train_dev_rows()
    classes = label_order(set(set_.labels))
    data = Folds(
        set_.features.reset_index(drop=True),
        np.asarray([classes.index(c) for c in set_.labels]),
        np.asarray(set_.docs),
        classes,
    )
    k = len(classes)
    table = variants(classes)
    names = args.variants or list(table)
    print(f"train + dev: {len(set(set_.docs))} documents, {len(data.y)} rows; shuffles {args.seeds}")
    with threadpool_limits(limits=1):
        if args.curve:
            social_curve(data, args.seeds)
            return
        base = {s: nested(stage_one, data, s, None).predicted for s in args.seeds}
        if args.errors:
            list_errors(data, base[args.seeds[0]])
        for name in names:
            predictor, free = table[name]
            runs = base if name == "shipped" else {s: nested(predictor, data, s, free) for s in args.seeds}
            predicted = {s: r if isinstance(r, np.ndarray) else r.predicted for s, r in runs.items()}
            scores = np.asarray([macro_f1(data.y, predicted[s], k) for s in args.seeds])
            diff = scores - np.asarray([macro_f1(data.y, base[s], k) for s in args.seeds])
            pooled = class_f1(np.tile(data.y, len(args.seeds)), np.concatenate(list(predicted.values())), k)
            print(f"{name}:")
            print(f"  nested grouped CV: {scores.mean():.4f} ± {scores.std():.4f}  [{listed(scores, '.4f')}]")
            print(
                f"  paired vs shipped: {diff.mean():+.4f} ± {diff.std():.4f}  [{listed(diff, '+.4f')}]"
                f"  better {int((diff > 0).sum())}/{len(diff)}"
            )
            print("  per class (pooled): " + " ".join(f"{c[:2]} {f:.3f}" for c, f in zip(classes, pooled, strict=True)))
            called = np.concatenate(list(predicted.values()))
            social = classes.index(SOCIAL)
            wrong = int(((called == social) & (np.tile(data.y, len(args.seeds)) != social)).sum())
            print(f"  社会效益 calls (pooled): {int((called == social).sum())}, of them other classes {wrong}")
            fitted = [o for r in runs.values() if not isinstance(r, np.ndarray) for o in r.offsets]
            if fitted:
                mean = np.mean(fitted, axis=0)
                print(
                    "  offsets (mean over outer folds): "
                    + " ".join(f"{c[:2]} {v:+.2f}" for c, v in zip(classes, mean, strict=True))
                )
            if not args.no_dev:
                print(f"  train → dev documents: {train_to_dev(predictor, data, free):.4f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
