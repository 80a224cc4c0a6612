"""Draw the random, rule-stratified sample of findings that a reviewer judges by hand.

    python bench/finding_review_sample.py findings.json > sample.csv

`findings.json` is the output of
`kpi-lint check corpus/wild corpus/*.txt --output-format json --fail-on never`.
Input problems (KPI000) are not findings and are left out. Every rule that fires is
covered: a rule gets 10% of its findings, at least 5 (all of them when it has fewer),
drawn with a fixed seed so that the sample can be drawn again. The verdict and why
columns are left for the reviewer; the judged sample lives in tests/data/finding_review.csv.
"""

from __future__ import annotations

import csv
import json
import math
import random
import sys
from collections import defaultdict

SEED = 11
SHARE = 0.10
AT_LEAST = 5
COLUMNS = ("file", "line", "column", "anchor", "code", "project", "period", "level2", "level3", "value",
           "message", "verdict", "why")


def sample(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    for f in findings:
        if f["code"] != "KPI000":
            by_code[str(f["code"])].append(f)
    rng = random.Random(SEED)
    chosen: list[dict[str, object]] = []
    for code in sorted(by_code):
        group = by_code[code]
        k = min(len(group), max(AT_LEAST, math.ceil(len(group) * SHARE)))
        chosen.extend(rng.sample(group, k))
    return chosen


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        findings = json.load(fh)
    out = csv.DictWriter(sys.stdout, COLUMNS, extrasaction="ignore")
    out.writeheader()
    for f in sample(findings):
        row = dict(f)
        row["file"] = f["path"]
        row["verdict"] = ""
        row["why"] = ""
        out.writerow(row)


if __name__ == "__main__":
    main()
