"""Issue 13-category-ceiling: how far a text-only category model can go under the labelling guide's rules.

    PYTHONPATH=. .venv/bin/python -P bench/category_ceiling.py figures            # from the committed CSVs
    PYTHONPATH=. .venv/bin/python -P bench/category_ceiling.py errors -o FILE     # list the out-of-fold errors
    PYTHONPATH=. .venv/bin/python -P bench/category_ceiling.py sample -o FILE     # 100 correct rows, seeded

`errors` refits the shipped pipeline the way the card's cross-validation does (train + dev documents of
corpus/labels/split.csv, 5-fold StratifiedGroupKFold by document, seed 2023, C = 10: `train.cross_validate`) and
writes every out-of-fold error with empty `verdict` / `note` columns, to be read and decided by hand:

* ``text_decides`` — the name (and value) alone decide the label under corpus/labels/README.md; the model is wrong;
* ``printed_decides`` — two readings are defensible from the text, and the label is the printed 二级 (the guide's
  "keep the printed 二级"): no text-only model can know it;
* ``label_doubt`` — the reader would label it differently (the note says how); the label is not changed.

`sample` draws 100 of the correctly predicted rows (random.Random(SAMPLE_SEED)), to be given the same verdicts
(``clear`` for a row the text decides), so that the share of guide-ambiguous rows among the correct ones can be
estimated.

`figures` needs no model: the out-of-fold confusion follows from the error list and the class supports of the
train + dev rows (TP = support − errors of the class). It prints the verdict counts per class pair, the macro-F1 of
the cross-validation as it is, with every `text_decides` error fixed (the others stay wrong: the text-only
ceiling), and with `label_doubt` fixed too, and the estimate of the guide-ambiguous rows in train + dev.
`--check` refits once and verifies that the committed error list is still the pipeline's.
Nothing here reads the test split.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # category_choices, also under `python -P`

from category_choices import train_dev_rows  # noqa: E402

from kpi_lint.classify.data import TrainingSet  # noqa: E402
from kpi_lint.classify.defaults import DEFAULT_FOLDS, DEFAULT_SEED  # noqa: E402
from kpi_lint.classify.labels import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C  # noqa: E402
from kpi_lint.classify.train import cross_validate  # noqa: E402

NOTES = ROOT / "docs" / "notes"
ERRORS_CSV = NOTES / "issue-13-category-ceiling-errors.csv"
SAMPLE_CSV = NOTES / "issue-13-category-ceiling-sample.csv"
SAMPLE_SEED = 2027
SAMPLE_SIZE = 100
COLUMNS = ["doc", "level1", "level3", "value", "printed_level2", "label", "predicted", "verdict", "my_label", "note"]
ERROR_VERDICTS = ("text_decides", "printed_decides", "label_doubt")
SAMPLE_VERDICTS = ("clear", "printed_decides", "label_doubt")
KEY = ("doc", "level1", "level3", "value", "label")
# A text_decides note so marked: two readings and no print that decides (none, or one the labeller rejected as a
# misfiling): the label is the labeller's choice, which a text model can learn only as a habit.
AMBIGUOUS = "ambiguous, no print"
# (title, verdicts counted right, leave the AMBIGUOUS text_decides wrong, relabel label_doubt rows to my_label)
LADDER = [
    ("as it is", (), False, False),
    ("text_decides fixed (the others stay wrong)", ("text_decides",), False, False),
    ("… but not those ambiguous with no print", ("text_decides",), True, False),
    ("text_decides fixed, label_doubt → my_label", ("text_decides",), False, True),
    ("every error fixed", ERROR_VERDICTS, False, False),
]


def out_of_fold(set_: TrainingSet) -> list[str]:
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.filterwarnings("ignore")
        cv = cross_validate(set_, CATEGORY_FEATURES, DEFAULT_SEED, DEFAULT_FOLDS, None, DEFAULT_C)
    return [cv.classes[i] for i in cv.proba.argmax(axis=1)]


def rows_of(set_: TrainingSet, predicted: list[str]) -> list[dict[str, str]]:
    frame = set_.features
    return [
        {
            "doc": set_.docs[i],
            "level1": str(frame["level1"].iloc[i]),
            "level3": str(frame["level3"].iloc[i]),
            "value": str(frame["value"].iloc[i]),
            "printed_level2": set_.filed[i],
            "label": set_.labels[i],
            "predicted": predicted[i],
            "verdict": "",
            "my_label": "",
            "note": "",
        }
        for i in range(len(predicted))
    ]


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def read(path: Path, verdicts: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    bad = [r for r in rows if r["verdict"] not in verdicts]
    bad += [r for r in rows if (r["verdict"] == "label_doubt") != (r.get("my_label", "") in CATEGORY_LABELS)]
    if bad:
        first = bad[0]["level3"]
        raise SystemExit(f"{path}: {len(bad)} rows without a verdict of {verdicts} (label_doubt: my_label), {first!r}")
    return rows


def macro(support: Counter[str], errors: list[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the classes present, from the supports and the (label, predicted) pairs of the errors."""
    fn = Counter(t for t, _ in errors)
    fp = Counter(p for _, p in errors)
    per: dict[str, float] = {}
    for c in (c for c in CATEGORY_LABELS if support[c]):
        tp = support[c] - fn[c]
        per[c] = 2 * tp / (2 * tp + fp[c] + fn[c]) if tp + fp[c] + fn[c] else 0.0
    return float(np.mean(list(per.values()))), per


def filing_breakdown(errors: list[dict[str, str]]) -> None:
    """Where the errors stand against the department's filing (the printed 二级, when it is one of the nine)."""
    kinds: dict[str, Counter[str]] = {}
    for r in errors:
        printed = r["printed_level2"]
        if printed not in CATEGORY_LABELS:
            kind = "no class printed (none, or another label)"
        elif r["label"] == printed:
            kind = "label = print, model departs from it"
        elif r["predicted"] == printed:
            kind = "label ≠ print (relabelled), model = print"
        else:
            kind = "label ≠ print, model a third class"
        kinds.setdefault(kind, Counter())[r["verdict"]] += 1
    print("\nerrors against the filing: text_decides / printed_decides / label_doubt")
    for kind, count in sorted(kinds.items(), key=lambda kv: -sum(kv[1].values())):
        cells = " / ".join(str(count[v]) for v in ERROR_VERDICTS)
        print(f"  {kind:<44} {sum(count.values()):3d}  ({cells})")


def short(c: str) -> str:
    return c.replace("指标", "")[:4]


def figures(check: bool) -> None:
    set_ = train_dev_rows()
    support = Counter(set_.labels)
    errors = read(ERRORS_CSV, ERROR_VERDICTS)
    n = len(set_.labels)
    if check:
        predicted = out_of_fold(set_)
        listed = Counter(tuple(r[k] for k in (*KEY, "predicted")) for r in errors)
        wrong = [r for r in rows_of(set_, predicted) if r["label"] != r["predicted"]]
        now = Counter(tuple(r[k] for k in (*KEY, "predicted")) for r in wrong)
        state = "the same" if listed == now else f"DIFFERENT ({sum((listed - now).values())} gone)"
        print(f"check: refitted out-of-fold errors are {state} as the CSV's")
        pipeline_macro = f1_score(set_.labels, predicted, labels=sorted(support), average="macro")
        print(f"check: refitted out-of-fold macro-F1 {pipeline_macro:.4f}")
    verdicts = Counter(r["verdict"] for r in errors)
    print(f"train + dev: {len(set(set_.docs))} documents, {n} rows; out-of-fold errors {len(errors)}")
    print("verdicts: " + ", ".join(f"{v} {verdicts[v]}" for v in ERROR_VERDICTS))
    print("\nper class pair (label → predicted): text_decides / printed_decides / label_doubt")
    by_pair: dict[tuple[str, str], Counter[str]] = {}
    for r in errors:
        by_pair.setdefault((r["label"], r["predicted"]), Counter())[r["verdict"]] += 1
    for (t, p), count in sorted(by_pair.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        cells = " / ".join(str(count[v]) for v in ERROR_VERDICTS)
        print(f"  {short(t)} → {short(p)}: {sum(count.values()):3d}  ({cells})")
    by_label = Counter(short(r["label"]) for r in errors if r["verdict"] == "text_decides")
    print("text_decides errors by label: " + ", ".join(f"{c} {k}" for c, k in by_label.most_common()))
    marked = sum(r["verdict"] == "text_decides" and r["note"].startswith(AMBIGUOUS) for r in errors)
    print(f"text_decides errors marked {AMBIGUOUS!r}: {marked}")

    filing_breakdown(errors)
    names = [c for c in CATEGORY_LABELS if support[c]]
    print("\nmacro-F1 of the out-of-fold predictions (seed 2023, C = 10), per class F1:")
    print(" " * 74 + " ".join(f"{short(c):>5}" for c in names))
    for title, fixed, strict, relabel in LADDER:
        sup = Counter(support)
        left: list[tuple[str, str]] = []
        for r in errors:
            if relabel and r["verdict"] == "label_doubt":
                sup[r["label"]] -= 1
                sup[r["my_label"]] += 1
                if r["my_label"] != r["predicted"]:
                    left.append((r["my_label"], r["predicted"]))
            elif r["verdict"] not in fixed or (strict and r["note"].startswith(AMBIGUOUS)):
                left.append((r["label"], r["predicted"]))
        score, per = macro(sup, left)
        cells = " ".join(f"{per[c]:5.3f}" for c in names)
        print(f"  {title:<52} {score:.4f} acc {1 - len(left) / n:.3f}  {cells}")
    sample_figures(n, len(errors), verdicts["printed_decides"])


def sample_figures(n: int, errors: int, printed_errors: int) -> None:
    if not SAMPLE_CSV.exists():
        return
    sample = read(SAMPLE_CSV, SAMPLE_VERDICTS)
    counts = Counter(r["verdict"] for r in sample)
    correct = n - errors
    share = counts["printed_decides"] / len(sample)
    # Wilson 95 % interval of the share among the correct rows.
    z, k = 1.96, len(sample)
    centre = (share + z * z / (2 * k)) / (1 + z * z / k)
    half = z * math.sqrt(share * (1 - share) / k + z * z / (4 * k * k)) / (1 + z * z / k)
    low, high = max(0.0, centre - half), centre + half
    print(
        f"\nsample of {k} correct rows (random.Random({SAMPLE_SEED}).sample): "
        + ", ".join(f"{v} {counts[v]}" for v in SAMPLE_VERDICTS)
    )
    est = printed_errors + share * correct
    print(
        f"guide-ambiguous (printed_decides-type) rows in train + dev ≈ {printed_errors} errors + "
        f"{share:.2f} × {correct} correct = {est:.0f} of {n} ({est / n:.1%}); "
        f"95 % interval {printed_errors + low * correct:.0f}–{printed_errors + high * correct:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("figures", "errors", "sample"))
    parser.add_argument("-o", "--out", type=Path)
    parser.add_argument("--check", action="store_true", help="figures: refit and compare the error list")
    args = parser.parse_args()
    if args.mode == "figures":
        figures(args.check)
        return
    if args.out is None:
        raise SystemExit("-o FILE is needed")
    set_ = train_dev_rows()
    rows = rows_of(set_, out_of_fold(set_))
    score = f1_score(set_.labels, [r["predicted"] for r in rows], labels=sorted(set(set_.labels)), average="macro")
    print(f"out-of-fold macro-F1 {score:.4f} on {len(rows)} rows")
    if args.mode == "errors":
        write(args.out, [r for r in rows if r["label"] != r["predicted"]])
    else:
        correct = [r for r in rows if r["label"] == r["predicted"]]
        write(args.out, random.Random(SAMPLE_SEED).sample(correct, SAMPLE_SIZE))


if __name__ == "__main__":
    main()
