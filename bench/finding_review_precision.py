"""Precision per rule of the hand-judged findings (tests/data/finding_review.csv) against a run.

    kpi-lint check corpus/wild corpus/*.txt --output-format json --fail-on never -o findings.json
    python bench/finding_review_precision.py findings.json [--sample 9] [--review tests/data/finding_review.csv]

For each rule: how often it fires on the wild set in that run, how many findings were judged (in the samples
chosen; all samples by default), right / partly / wrong as judged, and the same for the judged findings that the
run still reports (a finding silenced since it was judged drops out: a wrong one fixed, or a right one left to
the rule that owns the defect). Strict precision is right / judged, lenient (right + partly) / judged. A finding
is matched by file, rule and place (line and column, or one of the occurrences of a finding that reports a
pattern once; KPI202 also by its 二级), as tests/rules/test_finding_review.py matches it.

A finding judged again in a later sample (a re-draw, or a re-judgement after its message changed: samples 13, 14, 16,
17) has a row per judgement, and each row counts. `--latest` counts each finding once instead, with the verdict of its
latest sample (the highest sample number among its rows). `--wilson` adds the Wilson 95 % interval of strict
precision (scipy's binomtest), the honest width of a figure drawn from a few findings.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict

from scipy.stats import binomtest

REVIEW = "tests/data/finding_review.csv"


def _index(findings: list[dict[str, object]]) -> dict[tuple[str, str], list[dict[str, object]]]:
    index: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for f in findings:
        index[(str(f["path"]), str(f["code"]))].append(f)
    return index


def reported(row: dict[str, str], index: dict[tuple[str, str], list[dict[str, object]]]) -> bool:
    place = [int(row["line"]), int(row["column"])]
    for f in index.get((row["file"], row["code"]), []):
        occurrences = [list(o) for o in f.get("occurrences") or []]  # type: ignore[attr-defined]
        if [f["line"], f["column"]] != place and place not in occurrences:
            continue
        if row["code"] == "KPI202" and str(f.get("level2") or "") != row["level2"]:
            continue
        return True
    return False


def _place(row: dict[str, str]) -> tuple[str, ...]:
    return (row["file"], row["line"], row["column"], row["code"], row["level2"] if row["code"] == "KPI202" else "")


def latest(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per finding: the one judged in the latest sample."""
    last: dict[tuple[str, ...], dict[str, str]] = {}
    for row in rows:
        key = _place(row)
        if key not in last or max(map(int, row["sample"].split())) >= max(map(int, last[key]["sample"].split())):
            last[key] = row
    return list(last.values())


def _cell(verdicts: list[str], wilson: bool = False) -> str:
    n = len(verdicts)
    if not n:
        return "0 | – | – | –" + (" | –" if wilson else "")
    c = Counter(verdicts)
    strict, lenient = c["right"] / n, (c["right"] + c["partly"]) / n
    cell = f"{n} | {c['right']}/{c['partly']}/{c['wrong']} | {strict:.2f} | {lenient:.2f}"
    if wilson:
        low, high = binomtest(c["right"], n).proportion_ci(confidence_level=0.95, method="wilson")
        cell += f" | {low:.2f}–{high:.2f}"
    return cell


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("findings")
    ap.add_argument("--review", default=REVIEW)
    ap.add_argument("--sample", action="append", default=[], help="keep the rows of this sample (repeatable)")
    ap.add_argument("--only", default="corpus/wild/", help="count fires in files under this prefix")
    ap.add_argument(
        "--latest", action="store_true", help="count each finding once, with the verdict of its latest sample"
    )
    ap.add_argument("--wilson", action="store_true", help="add the Wilson 95%% interval of strict precision")
    args = ap.parse_args()
    with open(args.findings, encoding="utf-8") as fh:
        findings = [f for f in json.load(fh) if f["code"] != "KPI000"]
    index = _index(findings)
    fires = Counter(str(f["code"]) for f in findings if str(f["path"]).startswith(args.only))
    with open(args.review, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not args.sample or set(r["sample"].split()) & set(args.sample)]
    if args.latest:
        rows = latest(rows)
    judged: dict[str, list[str]] = defaultdict(list)
    still: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        judged[row["code"]].append(row["verdict"])
        if reported(row, index):
            still[row["code"]].append(row["verdict"])
    interval = " strict 95 % (Wilson) |" if args.wilson else ""
    print(
        f"| rule | fires | judged | R/P/W | strict | lenient |{interval} still reported | R/P/W | strict | lenient |"
        + interval
    )
    print("|---" * (10 + 2 * args.wilson) + "|")
    w = args.wilson
    for code in sorted(judged):
        print(f"| {code} | {fires[code]} | {_cell(judged[code], w)} | {_cell(still[code], w)} |")
    every = [v for vs in judged.values() for v in vs]
    kept = [v for vs in still.values() for v in vs]
    print(f"| all | {sum(fires.values())} | {_cell(every, w)} | {_cell(kept, w)} |")


if __name__ == "__main__":
    main()
